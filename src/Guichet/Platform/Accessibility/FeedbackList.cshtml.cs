using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Platform.Accessibility;

internal sealed class FeedbackListModel(GuichetDb db) : PageModel
{
    public List<AccessibilityFeedback> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Items = (await db.Set<AccessibilityFeedback>().AsNoTracking().ToListAsync(ct))
            .OrderByDescending(f => f.ReceivedAt).Take(200).ToList();
}
