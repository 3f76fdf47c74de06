using Guichet.Orient.Catalogue;
using Guichet.Platform.Data;
using Guichet.Platform.EventLog;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Welcome.Contacts.Pages.Staff;

/// One person (national number) or company (enterprise number): every contact the user may see,
/// across channels, newest first. The view is recorded (personal data), as the API's history is.
internal sealed class CustomerModel(GuichetDb db, EventLog eventLog, CatalogueDirectory catalogue) : PageModel
{
    public string Number { get; private set; } = "";
    public string? Digits { get; private set; }
    public string? Error { get; private set; }
    public IReadOnlyList<Contact> Rows { get; private set; } = [];
    public IReadOnlyDictionary<Guid, (string Text, string? Lang)> UnitNames { get; private set; } = new Dictionary<Guid, (string, string?)>();

    public async Task OnGetAsync(string number, CancellationToken ct)
    {
        Number = number;
        Digits = ContactDisplay.CustomerDigits(number, out var error);
        if (Digits is null)
        {
            Error = error;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        var digits = Digits;
        Rows = await ContactScope.Of(User).Apply(db.Set<Contact>().AsNoTracking()).Where(c => c.CustomerNumber == digits)
            .OrderByDescending(c => c.ReceivedAt).Take(500).ToListAsync(ct);
        UnitNames = await ContactDisplay.UnitNamesAsync(catalogue, Rows.Select(r => r.UnitId).OfType<Guid>(), ct);
        eventLog.Record(User, WelcomeActivities.CustomerHistoryViewed, [eventLog.Customer(digits)], new Dictionary<string, object?> { ["contacts"] = Rows.Count });
        await db.SaveChangesAsync(ct);
    }

    public bool IsCompany => Digits?.Length == 10;

    public string UnitName(Guid? id) => id is { } u && UnitNames.TryGetValue(u, out var n) ? n.Text : "";
}
