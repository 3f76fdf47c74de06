using Guichet.Platform.Web.Forms;
using Guichet.Welcome.Contacts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Follow.Complaints.Pages.Staff;

/// Front-office staff turn a contact of the register into a complaint: the contact says who and
/// when; staff add the category, what the complaint is and the case it is about.
internal sealed class FromContactModel(ComplaintWork work, ContactCases contacts, Texts texts, IOptions<ComplaintOptions> options) : PageModel
{
    public ContactForCase Contact { get; private set; } = null!;
    public FieldErrors Errors { get; } = new(texts, "complaints");
    public IReadOnlyList<FormChoice> Categories => [.. options.Value.CategoryCodes.Select(c => new FormChoice(c, texts["complaints.category." + c]))];
    [BindProperty] public string? Category { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public string? CaseNumber { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid contactId, CancellationToken ct)
    {
        if (await contacts.FindAsync(User, contactId, ct) is not { } contact) return NotFound();
        Contact = contact;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid contactId, CancellationToken ct)
    {
        var result = await work.FromContactAsync(User, contactId, new ComplaintFromContactRequest(Category, Description, CaseNumber), ct);
        if (result.Value is { } r) return Redirect($"/staff/complaints/{r.Complaint.Id}?done=registered");
        if (result.Status == StatusCodes.Status404NotFound || await contacts.FindAsync(User, contactId, ct) is not { } contact) return NotFound();
        Contact = contact;
        if (result.InvalidParams.Count > 0) Errors.Add(result.InvalidParams);
        else Errors.AddGeneral(result.Code ?? "invalid-value");
        Response.StatusCode = result.Status;
        return Page();
    }
}
