using Guichet.Orient.Catalogue;
using Guichet.Platform.Calendar;
using Guichet.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Welcome.Contacts.Pages.Staff;

/// The promised call-backs the user may see, by due date, the overdue ones marked; each can be
/// marked as called back.
internal sealed class CallBacksModel(GuichetDb db, ContactRegister register, CatalogueDirectory catalogue, TimeProvider time) : PageModel
{
    public IReadOnlyList<Contact> Rows { get; private set; } = [];
    public IReadOnlyDictionary<Guid, (string Text, string? Lang)> UnitNames { get; private set; } = new Dictionary<Guid, (string, string?)>();
    public bool Overdue { get; private set; }
    public string? Done { get; private set; }
    public bool Conflict { get; private set; }
    public DateOnly Today => BrusselsTime.LocalDate(time.GetUtcNow());

    public async Task OnGetAsync(bool? overdue, string? done, CancellationToken ct)
    {
        Overdue = overdue == true;
        Done = done;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, bool? overdue, CancellationToken ct)
    {
        var result = await register.CalledBackAsync(User, id, ct);
        if (result.Status == 404) return NotFound();
        if (result.Ok) return Redirect("/staff/contacts/call-backs?done=called-back" + (overdue == true ? "&overdue=true" : ""));
        // Marked by a colleague meanwhile: say so on the list as it is now.
        Conflict = true;
        Overdue = overdue == true;
        await LoadAsync(ct);
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var today = Today;
        var query = ContactScope.Of(User).Apply(db.Set<Contact>().AsNoTracking()).Where(c => c.Outcome == ContactOutcome.CallBackPromised && c.CalledBackAt == null);
        if (Overdue) query = query.Where(c => c.CallBackBy < today);
        Rows = await query.OrderBy(c => c.CallBackBy).Take(500).ToListAsync(ct);
        UnitNames = await ContactDisplay.UnitNamesAsync(catalogue, Rows.Select(r => r.UnitId).OfType<Guid>(), ct);
    }

    public string UnitName(Guid? id) => id is { } u && UnitNames.TryGetValue(u, out var n) ? n.Text : "";
}
