using Guichet.Orient.Catalogue;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Welcome.Queue.Pages;

/// The display board of the waiting room: the ticket called now and the last calls, updated live
/// by Server-Sent Events (queue-display.js), with a visual and an optional audible cue.
internal sealed class DisplayModel(GuichetDb db, CatalogueDirectory catalogue, TimeProvider time) : PageModel
{
    public const int Shown = 8;

    public QueueOffice Office { get; private set; } = null!;
    public string OfficeName { get; private set; } = "";
    public List<QueueCall> Calls { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var office = await db.Set<QueueOffice>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct);
        if (office is null) return NotFound();
        Office = office;
        OfficeName = QueuePage.Name(await catalogue.ChannelAsync(office.ChannelId, ct));
        var startOfDay = BrusselsTime.ToInstant(BrusselsTime.LocalDate(time.GetUtcNow()), TimeOnly.MinValue);
        Calls = await QueueCalls.RecentAsync(db, id, startOfDay, Shown, ct);
        return Page();
    }
}
