using Guichet.Orient.Catalogue;

namespace Guichet.Welcome.Queue.Pages;

/// Where a ticket stands, in plain words, for its page and for the page's live updates
/// (`GET /queue/tickets/{token}/status`, polled by queue-ticket.js).
internal sealed record TicketView(QueueTicket Ticket, string ServiceName, string PrimaryLanguage, string OfficeName, int? Desk, TicketEstimate Estimate, bool Today)
{
    public string Headline(Texts texts) => !Today && !Ticket.IsFinished ? texts["queue.ticket.status.expired"] : Ticket.Status switch
    {
        TicketStatus.Called => texts["queue.ticket.status.called", Desk ?? 0],
        TicketStatus.Serving => texts["queue.ticket.status.serving", Desk ?? 0],
        TicketStatus.Served => texts["queue.ticket.status.served"],
        TicketStatus.NoShow => texts["queue.ticket.status.no-show"],
        TicketStatus.Transferred => texts["queue.ticket.status.transferred", ServiceName],
        _ => texts["queue.ticket.status.waiting"],
    };

    /// The people before and the wait, while waiting today.
    public string? Detail(Texts texts) => !Today || !Ticket.IsWaiting ? null
        : (Estimate.Ahead == 0 ? texts["queue.ticket.ahead.none"] : Estimate.Ahead == 1 ? texts["queue.ticket.ahead.one"] : texts["queue.ticket.ahead.many", Estimate.Ahead])
          + " " + texts["queue.ticket.estimate", QueuePage.Wait(texts, Estimate.Minutes)];
}

internal static class TicketViews
{
    public static async Task<TicketView?> FindAsync(string token, GuichetDb db, CatalogueDirectory catalogue, QueueEstimates estimates, TimeProvider time, CancellationToken ct)
    {
        if (!SecureToken.LooksValid(token)) return null;
        var hash = SecureToken.Hash(token);
        var ticket = await db.Set<QueueTicket>().AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == hash, ct);
        if (ticket is null) return null;
        var office = await db.Set<QueueOffice>().AsNoTracking().FirstAsync(o => o.Id == ticket.OfficeId, ct);
        var service = await catalogue.ServiceAsync(ticket.ServiceId, ct);
        var channel = await catalogue.ChannelAsync(office.ChannelId, ct);
        int? desk = ticket.DeskId is { } d ? await db.Set<QueueDesk>().AsNoTracking().Where(x => x.Id == d).Select(x => (int?)x.Number).FirstOrDefaultAsync(ct) : null;
        var today = ticket.Day == BrusselsTime.LocalDate(time.GetUtcNow());
        var estimate = today ? await estimates.ForTicketAsync(ticket, ct) : new TicketEstimate(0, 0, null);
        return new TicketView(ticket, QueuePage.Name(service), service?.PrimaryLanguage ?? "fr", QueuePage.Name(channel), desk, estimate, today);
    }
}
