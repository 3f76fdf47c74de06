using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Improve.Proposals.Pages.Staff;

/// The improvement proposals of the reader's units, newest first, filtered by status.
internal sealed class ProposalsModel(ProposalWork work, Texts texts) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? ServiceId { get; set; }

    public IReadOnlyList<ProposalView> Proposals { get; private set; } = [];
    public Guichet.Platform.Web.Forms.FieldErrors Errors { get; } = new(texts, "proposals");

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await work.ListAsync(User, string.IsNullOrEmpty(Status) ? null : Status, ServiceId, ct);
        if (result.Value is { } list) Proposals = list;
        else
        {
            Errors.Add(result.InvalidParams);
            Response.StatusCode = result.Status;
        }
        return Page();
    }
}
