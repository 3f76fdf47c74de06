using Guichet.Orient.Catalogue;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Welcome.Queue.Pages.Staff;

/// Administrators set up one office: the services taking tickets (offered at the counter by the
/// catalogue) with their letters, and the desks with what each serves; today's waiting times.
[Authorize(Policy = Acts.QueueSetUp)]
internal sealed class OfficeModel(GuichetDb db, CatalogueDirectory catalogue, QueueSetup setup, QueueStatistics statistics, Texts texts, TimeProvider time) : PageModel
{
    public sealed record Row(Guid ServiceId, string Name, bool Taken, string Letter);

    public OfficeView Office { get; private set; } = null!;
    public List<Row> Rows { get; private set; } = [];
    public List<(string Anchor, string Message)> Errors { get; } = [];
    public string? Notice { get; private set; }
    public IReadOnlyList<ServiceWaitingTimes> Statistics { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, string? done, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (done is not null && texts.Has("queue.office.done." + done)) Notice = texts["queue.office.done." + done];
        return Page();
    }

    public async Task<IActionResult> OnPostServicesAsync(Guid id, List<Guid> take, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var lines = Rows.Where(r => take.Contains(r.ServiceId)).Select(r => new LineRequest(r.ServiceId, Request.Form["letter-" + r.ServiceId].ToString().Trim().ToUpperInvariant())).ToList();
        var result = await setup.SetLinesAsync(id, lines, User, ct);
        if (result.Value is not null) return Redirect($"/staff/queue/offices/{id}?done=services");
        // Show what was typed, with the errors next to their rows.
        Rows = [.. Rows.Select(r => r with { Taken = take.Contains(r.ServiceId), Letter = Request.Form["letter-" + r.ServiceId].ToString() })];
        foreach (var error in result.InvalidParams)
        {
            var index = int.TryParse(error.Name.Split('[', ']').ElementAtOrDefault(1), out var i) ? i : 0;
            var line = lines.ElementAtOrDefault(index);
            var row = Rows.FirstOrDefault(r => r.ServiceId == line?.ServiceId);
            var field = error.Name.EndsWith(".letter", StringComparison.Ordinal) ? "letter" : "take";
            Errors.Add(($"{field}-{line?.ServiceId}", texts["queue.error.line", texts[$"queue.field.{field}"] + " – " + row?.Name, FieldError(error)]));
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<IActionResult> OnPostDeskAsync(Guid id, Guid desk, int? number, List<Guid> services, CancellationToken ct) =>
        await DeskResultAsync(id, desk.ToString(), await setup.UpdateDeskAsync(desk, number, services, User, ct), "desk", ct);

    public async Task<IActionResult> OnPostAddDeskAsync(Guid id, int? number, List<Guid> services, CancellationToken ct) =>
        await DeskResultAsync(id, "new", await setup.CreateDeskAsync(id, number, services, User, ct), "desk-added", ct);

    public async Task<IActionResult> OnPostRemoveDeskAsync(Guid id, Guid desk, CancellationToken ct) =>
        await DeskResultAsync(id, desk.ToString(), await setup.RemoveDeskAsync(desk, User, ct), "desk-removed", ct);

    private async Task<IActionResult> DeskResultAsync(Guid id, string anchor, Result<QueueDesk> result, string done, CancellationToken ct)
    {
        if (result.Value is not null) return Redirect($"/staff/queue/offices/{id}?done={done}");
        if (!await LoadAsync(id, ct) || result.Status == 404) return NotFound();
        if (result.InvalidParams.Count == 0) Errors.Add(($"number-{anchor}", texts.Has("queue.error." + result.Code) ? texts["queue.error." + result.Code] : texts["queue.error.generic"]));
        foreach (var error in result.InvalidParams)
            Errors.Add(($"number-{anchor}", texts["queue.error.line", texts["queue.field.desk-number"], FieldError(error)]));
        Response.StatusCode = result.Status;
        return Page();
    }

    private string FieldError(InvalidParam error) =>
        texts.Has("queue.error.field." + error.Code) ? texts["queue.error.field." + error.Code] : texts["error.invalid-value"];

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var views = await OfficeView.LoadAsync(db, catalogue, db.Set<QueueOffice>().Where(o => o.Id == id), ct);
        if (views.Count == 0) return false;
        Office = views[0];
        var offered = await catalogue.ServicesAtAsync(Office.Office.ChannelId, ct);
        Rows = [.. offered.Select(s => new Row(s.Id, QueuePage.Name(s), Office.Lines.Any(l => l.Line.ServiceId == s.Id), Office.Letter(s.Id) ?? ""))
            .OrderBy(r => r.Taken ? 0 : 1).ThenBy(r => Office.Letter(r.ServiceId)).ThenBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase)];
        var today = BrusselsTime.LocalDate(time.GetUtcNow());
        Statistics = await statistics.ForOfficeAsync(id, today, today, ct);
        return true;
    }
}
