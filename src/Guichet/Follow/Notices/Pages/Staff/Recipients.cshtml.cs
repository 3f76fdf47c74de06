using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Follow.Notices.Pages.Staff;

/// The recipients of a notice and where each copy is, a page of 200 at a time.
internal sealed class RecipientsModel(NoticeWork work) : PageModel
{
    public const int PageSize = 200;

    public Notice Notice { get; private set; } = null!;
    public List<NoticeRecipient> Recipients { get; private set; } = [];
    public int Skip { get; private set; }
    public int Total { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, int? skip, CancellationToken ct)
    {
        if (await work.FindAsync(id, ct) is not { } notice) return NotFound();
        Notice = notice;
        Skip = Math.Max(0, skip ?? 0);
        Total = (await work.ProgressAsync(id, ct)).Total;
        Recipients = await work.RecipientsAsync(id, Skip, PageSize, ct);
        return Page();
    }
}
