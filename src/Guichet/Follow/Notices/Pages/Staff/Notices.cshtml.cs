using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Follow.Notices.Pages.Staff;

/// The notices, newest first, with where each is.
internal sealed class NoticesModel(NoticeWork work) : PageModel
{
    public List<(Notice Notice, NoticeProgress Progress)> Notices { get; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        foreach (var n in await work.ListAsync(ct)) Notices.Add((n, await work.ProgressAsync(n.Id, ct)));
    }
}
