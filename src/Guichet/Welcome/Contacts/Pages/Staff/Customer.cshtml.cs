using Guichet.Platform.Identifiers;
using Guichet.Orient.Catalogue;

namespace Guichet.Welcome.Contacts.Pages.Staff;

/// One person (national number) or company (enterprise number): every contact the user may see,
/// across channels, newest first. The view is recorded (personal data), as the API's history is.
/// The page is addressed by the number's key (NumberKeys), never by the number (ADR 0022).
internal sealed class CustomerModel(ContactRegister register, CatalogueDirectory catalogue, NumberKeys keys, Texts texts) : ContactsPage(catalogue, texts)
{
    public string Key { get; private set; } = "";
    public string? Digits { get; private set; }
    public string? Error { get; private set; }
    public IReadOnlyList<Contact> Rows { get; private set; } = [];

    public async Task OnGetAsync(string key, CancellationToken ct)
    {
        Key = key;
        Digits = keys.Digits(key);
        if (Digits is null)
        {
            Error = "customer-key-invalid";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        Rows = await register.HistoryAsync(User, Digits, ct);
        await NameUnitsAsync(Rows.Select(r => r.UnitId), ct);
    }

    public bool IsCompany => Digits?.Length == 10;
}
