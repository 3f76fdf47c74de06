using Guichet.Orient.Catalogue;

namespace Guichet.Welcome.Contacts.Pages.Staff;

/// One person (national number) or company (enterprise number): every contact the user may see,
/// across channels, newest first. The view is recorded (personal data), as the API's history is.
internal sealed class CustomerModel(ContactRegister register, CatalogueDirectory catalogue, Texts texts) : ContactsPage(catalogue, texts)
{
    public string Number { get; private set; } = "";
    public string? Digits { get; private set; }
    public string? Error { get; private set; }
    public IReadOnlyList<Contact> Rows { get; private set; } = [];

    public async Task OnGetAsync(string number, CancellationToken ct)
    {
        Number = number;
        Digits = CustomerNumbers.Digits(number, out var error);
        if (Digits is null)
        {
            Error = error;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        Rows = await register.HistoryAsync(User, Digits, ct);
        await NameUnitsAsync(Rows.Select(r => r.UnitId), ct);
    }

    public bool IsCompany => Digits?.Length == 10;
}
