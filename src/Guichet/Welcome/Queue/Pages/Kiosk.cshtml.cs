using Guichet.Orient.Catalogue;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Guichet.Welcome.Queue.Pages;

/// The kiosk at the office's entrance: the customer chooses the service, says whether they need
/// priority, and gets a ticket (then the ticket page, printable, with its QR code).
[EnableRateLimiting(QueueModule.KioskRateLimit)]
internal sealed class KioskModel(GuichetDb db, CatalogueDirectory catalogue, QueueWork work, QueueEstimates estimates, Texts texts) : PageModel
{
    public sealed record Line(Guid ServiceId, string Letter, string Name, string? NameLanguage, int? Minutes);

    public QueueOffice Office { get; private set; } = null!;
    public string OfficeName { get; private set; } = "";
    public string PrimaryLanguage { get; private set; } = "fr";
    public List<Line> Lines { get; private set; } = [];
    public Line? Chosen { get; private set; }
    public string? Error { get; private set; }
    /// Set when the counter is closed now: the kiosk says so, and when it opens, instead of offering tickets.
    public OpenStatus? Closed { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? service, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (await work.OpeningAsync(id, ct) is { IsOpen: false } closed)
        {
            Closed = closed;
            return Page();
        }
        if (service is { } s)
        {
            Chosen = Lines.FirstOrDefault(l => l.ServiceId == s);
            if (Chosen is null) return NotFound();
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid? service, string? priority, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var result = await work.IssueAsync(id, service, priority, Languages.Current, User, ct);
        if (result.Value is { } issued) return Redirect($"{QueueModule.TicketPath(issued.Token)}?kiosk=true&lang={Languages.Current}");
        if (result.Code == QueueRefusals.OfficeClosed.Code)
        {
            Closed = await work.OpeningAsync(id, ct);
            Response.StatusCode = result.Status;
            return Page();
        }
        // Bad input from a tampered form: say it plainly, store nothing, start again.
        Error = texts["queue.kiosk.error"];
        Chosen = service is { } s ? Lines.FirstOrDefault(l => l.ServiceId == s) : null;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var office = await db.Set<QueueOffice>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct);
        if (office is null) return false;
        Office = office;
        var channel = await catalogue.ChannelAsync(office.ChannelId, ct);
        OfficeName = QueuePage.Name(channel);
        PrimaryLanguage = channel?.PrimaryLanguage ?? "fr";
        var lines = await db.Set<OfficeService>().AsNoTracking().Where(l => l.OfficeId == id).OrderBy(l => l.Position).ToListAsync(ct);
        var services = (await catalogue.ServicesAsync(lines.Select(l => l.ServiceId), ct)).ToDictionary(s => s.Id);
        foreach (var line in lines)
        {
            var service = services.GetValueOrDefault(line.ServiceId);
            var (name, used) = service?.Name.Resolve(Languages.Current, service.PrimaryLanguage) ?? ("", Languages.Current);
            var estimate = (await estimates.ForServiceAsync(line.ServiceId, ct)).FirstOrDefault(e => e.OfficeId == id);
            Lines.Add(new Line(line.ServiceId, line.Letter, name, used == Languages.Current ? null : used, estimate?.Minutes));
        }
        return true;
    }
}
