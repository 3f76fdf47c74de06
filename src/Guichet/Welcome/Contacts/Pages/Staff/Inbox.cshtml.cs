using Guichet.Platform.Identifiers;
using Guichet.Orient.Catalogue;
using Guichet.Platform.Web.Forms;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Welcome.Contacts.Pages.Staff;

/// The unit's inbox: open and routed contacts it may see, newest first, late ones marked, with a
/// channel filter (and a unit filter for the front office and admins, who see every unit), and
/// a box that finds a customer by national or enterprise number. The box posts, and the customer's
/// page is addressed by the number's key (NumberKeys), so the number never is in a URL (ADR 0022).
internal sealed class InboxModel(ContactRegister register, CatalogueDirectory catalogue, TimeProvider time, NumberKeys keys, Texts texts) : ContactsPage(catalogue, texts)
{
    public const int Limit = 200;

    public IReadOnlyList<Contact> Rows { get; private set; } = [];
    public IReadOnlyList<FormChoice> Units { get; private set; } = [];
    public bool SeesAll { get; private set; }
    public string? Channel { get; private set; }
    public string? Unit { get; private set; }
    public string? Customer { get; private set; }
    public DateOnly Today => BrusselsTime.LocalDate(time.GetUtcNow());

    public IReadOnlyList<FormChoice> Channels =>
        [.. Enum.GetValues<ContactChannel>().Select(c => new FormChoice(EnumCodes.Code(c), ContactDisplay.Name(Texts, "channel", c)))];

    public async Task<IActionResult> OnGetAsync(string? channel, string? unit, string? customer, CancellationToken ct)
    {
        // A number typed into a link (or an old bookmark) is neither echoed nor looked up.
        if (customer is not null) Errors.Add("customer", "number-in-url");
        return await ListAsync(channel, unit, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Customer = Request.Form["customer"].ToString().Trim();
        if (CustomerNumbers.Digits(Customer, out var error) is { } digits) return Redirect($"/staff/customers/{keys.Key(digits)}");
        Errors.Add("customer", error!);
        return await ListAsync(null, null, ct);
    }

    private async Task<IActionResult> ListAsync(string? channel, string? unit, CancellationToken ct)
    {
        SeesAll = ContactScope.Of(User).All;
        Channel = string.IsNullOrEmpty(channel) ? null : channel;
        Unit = SeesAll && !string.IsNullOrEmpty(unit) ? unit : null;
        ContactChannel? ch = null;
        if (Channel is not null)
        {
            var unknown = new List<InvalidParam>();
            ch = EnumCodes.Read<ContactChannel>(Channel, "channel", unknown);
            Errors.Add(unknown);
        }
        Guid? unitId = null;
        if (Unit is not null)
        {
            if (Guid.TryParse(Unit, out var u)) unitId = u;
            else Errors.Add("unit", "unknown-id");
        }

        Rows = await register.InboxAsync(User, unitId, openOnly: true, ch, Limit, ct);
        await NameUnitsAsync(Rows.Select(r => r.UnitId), ct);
        if (SeesAll) Units = ContactDisplay.UnitChoices(await Catalogue.OwnUnitsAsync(ct));
        if (Errors.Count > 0) Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
