using Guichet.Orient.Catalogue;
using Guichet.Platform.Calendar;
using Guichet.Platform.Data;
using Guichet.Platform.Localization;
using Guichet.Platform.Web;
using Guichet.Platform.Web.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Welcome.Contacts.Pages.Staff;

/// The unit's inbox: open and routed contacts it may see, newest first, late ones marked, with a
/// channel filter (and a unit filter for the front office and admins, who see every unit), and
/// a box that finds a customer by national or enterprise number.
internal sealed class InboxModel(GuichetDb db, CatalogueDirectory catalogue, TimeProvider time, Texts texts) : PageModel
{
    public const int Limit = 200;

    public IReadOnlyList<Contact> Rows { get; private set; } = [];
    public IReadOnlyDictionary<Guid, (string Text, string? Lang)> UnitNames { get; private set; } = new Dictionary<Guid, (string, string?)>();
    public IReadOnlyList<FormChoice> Units { get; private set; } = [];
    public bool SeesAll { get; private set; }
    public string? Channel { get; private set; }
    public string? Unit { get; private set; }
    public string? Customer { get; private set; }
    public FieldErrors Errors { get; } = new(texts, "contacts");
    public DateOnly Today => BrusselsTime.LocalDate(time.GetUtcNow());

    public IReadOnlyList<FormChoice> Channels =>
        [.. Enum.GetValues<ContactChannel>().Select(c => new FormChoice(EnumCodes.Code(c), ContactDisplay.Name(texts, "channel", c)))];

    public async Task<IActionResult> OnGetAsync(string? channel, string? unit, string? customer, CancellationToken ct)
    {
        var scope = ContactScope.Of(User);
        SeesAll = scope.All;
        Channel = string.IsNullOrEmpty(channel) ? null : channel;
        Unit = SeesAll && !string.IsNullOrEmpty(unit) ? unit : null;
        if (customer is not null)
        {
            Customer = customer.Trim();
            if (ContactDisplay.CustomerDigits(Customer, out var error) is { } digits) return Redirect($"/staff/customers/{digits}");
            Errors.Add("customer", error!);
        }
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

        var query = scope.Apply(db.Set<Contact>().AsNoTracking()).Where(c => c.Outcome == ContactOutcome.Open || c.Outcome == ContactOutcome.Routed);
        if (ch is { } k) query = query.Where(c => c.Channel == k);
        if (unitId is { } un) query = query.Where(c => c.UnitId == un);
        Rows = await query.OrderByDescending(c => c.ReceivedAt).Take(Limit).ToListAsync(ct);
        UnitNames = await ContactDisplay.UnitNamesAsync(catalogue, Rows.Select(r => r.UnitId).OfType<Guid>(), ct);
        if (SeesAll) Units = ContactDisplay.UnitChoices(await catalogue.OwnUnitsAsync(ct));
        if (Errors.Count > 0) Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public string UnitName(Guid? id) => id is { } u && UnitNames.TryGetValue(u, out var n) ? n.Text : texts["contacts.no-unit"];
}
