using Guichet.Orient.Catalogue;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Welcome.Contacts.Pages.Staff;

/// The promised call-backs the user may see, by due date, the overdue ones marked; each can be
/// marked as called back.
internal sealed class CallBacksModel(ContactRegister register, CatalogueDirectory catalogue, Texts texts, TimeProvider time) : ContactsPage(catalogue, texts)
{
    public IReadOnlyList<Contact> Rows { get; private set; } = [];
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
        Rows = await register.CallBacksAsync(User, Overdue, ct);
        await NameUnitsAsync(Rows.Select(r => r.UnitId), ct);
    }
}
