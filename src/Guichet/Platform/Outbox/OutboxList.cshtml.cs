using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Platform.Outbox;

internal sealed class OutboxListModel(GuichetDb db, EventLog.EventLog eventLog, TimeProvider time, Texts texts, IOptions<OutboxOptions> options) : PageModel
{
    public const int Shown = 200;

    internal sealed record Row(Guid Id, string Kind, string Summary, DateTimeOffset CreatedAt, int Attempts,
        DateTimeOffset NextAttemptAt, DateTimeOffset? DeadLetteredAt, string? LastError, bool InProgress);

    public List<Row> DeadLettered { get; private set; } = [];
    public List<Row> Pending { get; private set; } = [];
    public int DeadLetteredCount { get; private set; }
    public int PendingCount { get; private set; }
    public int MaxAttempts => options.Value.MaxAttempts;
    public string? Notice { get; private set; }
    public bool NoticeIsError { get; private set; }

    public async Task OnGetAsync(string? retried, CancellationToken ct)
    {
        if (retried is not null) Notice = texts["outbox.retried"];
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostRetryAsync(Guid id, CancellationToken ct)
    {
        var message = await db.Set<OutboxMessage>().SingleOrDefaultAsync(m => m.Id == id, ct);
        if (message is null || message.SentAt is not null)
        {
            Notice = texts["outbox.gone"];
            NoticeIsError = true;
            await LoadAsync(ct);
            return Page();
        }
        var wasDeadLettered = message.DeadLetteredAt is not null;
        message.RetryNow(time.GetUtcNow());
        eventLog.Record(User, PlatformActivities.MessageRetryRequested, [new EventLogObject("outbox-message", message.Id.ToString(), Role.Subject)],
            new Dictionary<string, object?> { ["kind"] = message.Kind, ["wasDeadLettered"] = wasDeadLettered });
        await db.SaveChangesAsync(ct);
        return RedirectToPage(null, new { retried = 1 });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var pending = db.Set<OutboxMessage>().AsNoTracking().Where(m => m.SentAt == null && m.DeadLetteredAt == null);
        var dead = db.Set<OutboxMessage>().AsNoTracking().Where(m => m.SentAt == null && m.DeadLetteredAt != null);
        PendingCount = await pending.CountAsync(ct);
        DeadLetteredCount = await dead.CountAsync(ct);
        Pending = await pending.OrderBy(m => m.NextAttemptAt).Take(Shown)
            .Select(m => new Row(m.Id, m.Kind, m.Summary, m.CreatedAt, m.Attempts, m.NextAttemptAt, m.DeadLetteredAt, m.LastError,
                m.ClaimedUntil != null && m.ClaimedUntil > now))
            .ToListAsync(ct);
        DeadLettered = await dead.OrderByDescending(m => m.DeadLetteredAt).Take(Shown)
            .Select(m => new Row(m.Id, m.Kind, m.Summary, m.CreatedAt, m.Attempts, m.NextAttemptAt, m.DeadLetteredAt, m.LastError, false))
            .ToListAsync(ct);
    }
}
