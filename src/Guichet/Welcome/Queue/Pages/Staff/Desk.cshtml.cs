using Guichet.Orient.Catalogue;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Welcome.Queue.Pages.Staff;

/// A desk at work: call the next customer, call again, mark absent, transfer, finish with the
/// outcome; open or close the desk. Each button posts (antiforgery) and comes back here with
/// what happened, or why not.
[Authorize(Policy = Acts.QueueServe)]
internal sealed class DeskModel(GuichetDb db, CatalogueDirectory catalogue, QueueWork work, Texts texts, TimeProvider time) : PageModel
{
    public sealed record Line(Guid ServiceId, string Letter, string Name, bool Served, int Waiting, int Priority);

    public OfficeView Office { get; private set; } = null!;
    public QueueDesk Desk { get; private set; } = null!;
    public QueueTicket? Current { get; private set; }
    public List<Line> Lines { get; private set; } = [];
    public int WaitingForThisDesk { get; private set; }
    public string? Notice { get; private set; }
    public string? Error { get; private set; }
    /// The contact registered by the visit just finished (a link to the contact register).
    public Guid? FinishedContact { get; private set; }
    /// The finish form as posted, with its errors (field, message), when it was refused.
    public VisitDetails Visit { get; private set; } = new(null);
    public List<(string Field, string Message)> VisitErrors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, string? done, string? code, string? error, Guid? contact, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (done is not null && texts.Has("queue.desk.done." + done)) Notice = texts["queue.desk.done." + done, code ?? ""];
        if (done == "finished") FinishedContact = contact;
        if (error is not null) Error = texts.Has("queue.error." + error) ? texts["queue.error." + error] : texts["queue.error.generic"];
        return Page();
    }

    public async Task<IActionResult> OnPostCallAsync(Guid id, CancellationToken ct) => Back(id, "called", await work.CallNextAsync(id, User, ct));

    public async Task<IActionResult> OnPostRecallAsync(Guid id, Guid ticket, CancellationToken ct) => Back(id, "recalled", await work.RecallAsync(id, ticket, User, ct));

    public async Task<IActionResult> OnPostStartAsync(Guid id, Guid ticket, CancellationToken ct) => Back(id, "started", await work.StartAsync(id, ticket, User, ct));

    public async Task<IActionResult> OnPostNoShowAsync(Guid id, Guid ticket, CancellationToken ct) => Back(id, "no-show", await work.NoShowAsync(id, ticket, User, ct));

    /// Finishing registers the counter contact: a refused customer number comes back here with
    /// the form as entered and each error, and nothing is stored.
    public async Task<IActionResult> OnPostFinishAsync(Guid id, Guid ticket, string? outcome, string? customerKind, string? customerNumber, string? customerName,
        string? notes, CancellationToken ct)
    {
        var visit = new VisitDetails(string.IsNullOrEmpty(outcome) ? null : outcome, string.IsNullOrEmpty(customerKind) ? null : customerKind, customerNumber, customerName, notes);
        var result = await work.FinishAsync(id, ticket, visit, User, ct);
        if (result.Value is { } t) return Redirect($"/staff/queue/desks/{id}?done=finished&code={t.Code}&contact={t.ContactId}#desk-current");
        if (result.Status != 400) return Back(id, "finished", result);
        if (!await LoadAsync(id, ct)) return NotFound();
        Visit = visit;
        VisitErrors = [.. result.InvalidParams.Select(p => (FieldOf(p.Name), VisitError(p)))];
        Error = texts["queue.finish.error.title"];
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// The form field an error belongs to (the register calls the kind customerKind, the form kind).
    private static string FieldOf(string name) => name switch
    {
        "customerNumber" => "finish-number",
        "customerName" => "finish-name",
        "customerKind" => "finish-kind",
        "notes" => "finish-notes",
        _ => "outcome-answered",
    };

    private string VisitError(InvalidParam p)
    {
        var key = "queue.finish.error." + p.Name + "." + p.Code;
        if (texts.Has(key)) return texts[key];
        key = "queue.finish.error." + p.Name;
        return texts.Has(key) ? texts[key] : texts["queue.error.generic"];
    }

    /// The target is one select: "service:{id}" or "desk:{id}".
    public async Task<IActionResult> OnPostTransferAsync(Guid id, Guid ticket, string? target, CancellationToken ct)
    {
        Guid? service = null, desk = null;
        if (target?.Split(':') is [var kind, var value] && Guid.TryParse(value, out var targetId))
        {
            if (kind == "service") service = targetId;
            else if (kind == "desk") desk = targetId;
        }
        return Back(id, "transferred", await work.TransferAsync(id, ticket, service, desk, User, ct));
    }

    public async Task<IActionResult> OnPostOpenAsync(Guid id, CancellationToken ct) => Back(id, "opened", await work.SetOpenAsync(id, true, User, ct));

    public async Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct) => Back(id, "closed", await work.SetOpenAsync(id, false, User, ct));

    private IActionResult Back<T>(Guid id, string done, Result<T> result) where T : class
    {
        if (result.Status == 404) return NotFound();
        if (result.Value is not null)
            return Redirect($"/staff/queue/desks/{id}?done={done}" + (result.Value is QueueTicket t ? $"&code={t.Code}" : "") + "#desk-current");
        // Nobody waiting is news, not an error.
        if (result.Code == QueueRefusals.QueueEmpty.Code) return Redirect($"/staff/queue/desks/{id}?done=empty");
        var error = result.Code == "validation-failed"
            ? result.InvalidParams.FirstOrDefault()?.Name switch { "outcome" => "outcome-missing", "serviceId" or "deskId" => "transfer-target", _ => "generic" }
            : result.Code;
        return Redirect($"/staff/queue/desks/{id}?error={error}");
    }

    /// The waiting counts alone, for the page's own refresh (a small poll; see desk-refresh.js).
    public async Task<IActionResult> OnGetWaitingAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        return Partial("/Welcome/Queue/Pages/Staff/_DeskWaiting.cshtml", this);
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if ((await work.DeskAsync(id, User, ct)).Value is not { } desk) return false;
        await work.CloseLeftoversAsync(id, ct);
        Desk = desk;
        Office = (await OfficeView.LoadAsync(db, catalogue, db.Set<QueueOffice>().Where(o => o.Id == desk.OfficeId), ct))[0];
        Current = await db.Set<QueueTicket>().AsNoTracking()
            .FirstOrDefaultAsync(t => t.DeskId == id && (t.Status == TicketStatus.Called || t.Status == TicketStatus.Serving), ct);
        var day = BrusselsTime.LocalDate(time.GetUtcNow());
        var waiting = await db.Set<QueueTicket>().AsNoTracking()
            .Where(t => t.OfficeId == desk.OfficeId && t.Day == day && (t.Status == TicketStatus.Waiting || t.Status == TicketStatus.Transferred))
            .Select(t => new { t.ServiceId, t.Priority, t.TargetDeskId })
            .ToListAsync(ct);
        Lines = [.. Office.Lines.Select(l => new Line(l.Line.ServiceId, l.Line.Letter, l.Name, desk.Serves(l.Line.ServiceId),
            waiting.Count(w => w.ServiceId == l.Line.ServiceId && w.TargetDeskId == null),
            waiting.Count(w => w.ServiceId == l.Line.ServiceId && w.TargetDeskId == null && w.Priority != QueuePriority.None)))];
        WaitingForThisDesk = waiting.Count(w => w.TargetDeskId == id);
        return true;
    }
}
