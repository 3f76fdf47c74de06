using Guichet.Orient.Catalogue;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Welcome.Queue.Pages;

/// The display board of the waiting room: the ticket called now, the last calls and the tickets
/// still waiting, updated live by Server-Sent Events (queue-display.js), with a visual cue (no
/// sound control: nobody in a waiting room should have to reach a button on the screen). Its
/// words alternate between the office's languages (Welcome:Queue:DisplayLanguages, else the
/// organisation's language).
internal sealed class DisplayModel(GuichetDb db, CatalogueDirectory catalogue, TimeProvider time, Texts texts, IOptions<QueueOptions> options) : PageModel
{
    public const int Shown = 8;
    public const int WaitingShown = 30;

    /// The board's words, each shown in every office language in turn.
    public static readonly string[] Words = ["queue.display.title", "queue.display.now", "queue.display.none", "queue.display.recent", "queue.display.waiting", "queue.display.waiting-none"];

    public QueueOffice Office { get; private set; } = null!;
    public string OfficeName { get; private set; } = "";
    public List<QueueCall> Calls { get; private set; } = [];
    public List<string> Waiting { get; private set; } = [];
    public IReadOnlyList<string> BoardLanguages { get; private set; } = [];
    public int DisplayLanguageSeconds => Math.Max(2, options.Value.DisplayLanguageSeconds);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var startOfDay = BrusselsTime.ToInstant(BrusselsTime.LocalDate(time.GetUtcNow()), TimeOnly.MinValue);
        Calls = await QueueCalls.RecentAsync(db, id, startOfDay, Shown, ct);
        Waiting = await WaitingAsync(id, ct);
        return Page();
    }

    /// The codes still waiting, for the board to refresh its list between calls.
    public async Task<IActionResult> OnGetWaitingAsync(Guid id, CancellationToken ct) =>
        await db.Set<QueueOffice>().AnyAsync(o => o.Id == id, ct) ? new JsonResult(await WaitingAsync(id, ct)) : NotFound();

    /// The board's words in each of its languages, for the script that shows them in turn:
    /// { "fr": { "queue.display.title": "…", … }, "nl": { … } }.
    public string WordsJson() => System.Text.Json.JsonSerializer.Serialize(BoardLanguages.ToDictionary(l => l,
        l => Words.Concat(["queue.display.to-desk", "queue.display.recall"]).ToDictionary(k => k, k => texts.Get(l, k))));

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var office = await db.Set<QueueOffice>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct);
        if (office is null) return false;
        Office = office;
        var channel = await catalogue.ChannelAsync(office.ChannelId, ct);
        OfficeName = QueuePage.Name(channel);
        var configured = options.Value.DisplayLanguages.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(Languages.IsSupported).Distinct().ToList();
        // The page's own language first (a board opened in English shows English too), then the office's.
        BoardLanguages = [.. new[] { Languages.Current }.Concat(configured.Count > 0 ? configured : [channel?.PrimaryLanguage ?? "fr"]).Distinct()];
        return true;
    }

    private async Task<List<string>> WaitingAsync(Guid id, CancellationToken ct)
    {
        var today = BrusselsTime.LocalDate(time.GetUtcNow());
        return await db.Set<QueueTicket>().AsNoTracking()
            .Where(t => t.OfficeId == id && t.Day == today && (t.Status == TicketStatus.Waiting || t.Status == TicketStatus.Transferred))
            .OrderBy(t => t.IssuedAt).Take(WaitingShown).Select(t => t.Code).ToListAsync(ct);
    }
}
