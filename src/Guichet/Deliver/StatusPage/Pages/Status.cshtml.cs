using Guichet.Deliver.Cases;
using Guichet.Deliver.CaseTypes;
using Guichet.Deliver.Decisions;
using Guichet.Deliver.Documents;
using Guichet.Deliver.Requests;
using Guichet.Orient.Catalogue;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Guichet.Deliver.StatusPage.Pages;

/// The customer's page of a case, opened with the secure link: where the case stands in plain
/// words, what comes next and by when, what is needed from them (with upload), the steps so
/// far, and the decision with how to appeal. In the case's language unless the reader switches.
[EnableRateLimiting(SecureLink.GuessLimit)]
internal sealed class StatusModel(GuichetDb db, StatusLinkWork links, RequestWork requests, CaseTypeVersions types, WorkingCalendar calendar, TimeProvider time, Texts texts) : PageModel
{
    public sealed record Step(DateTimeOffset At, string Text);

    /// A status of the case's usual path: reached on (a past status), or expected by (the current
    /// one and those to come).
    public sealed record Planned(string Text, DateOnly? ReachedOn, DateOnly? ExpectedBy, bool Current);

    public Case Case { get; private set; } = null!;
    public CaseType Type { get; private set; } = null!;
    public string Language { get; private set; } = "fr";
    public string StatusText { get; private set; } = "";
    public string? NextText { get; private set; }
    public ClockReading Clock { get; private set; } = null!;
    public List<CustomerRequest> Open { get; private set; } = [];
    public List<Step> Steps { get; private set; } = [];
    public List<Planned> Path { get; private set; } = [];
    public Decision? Decision { get; private set; }
    public string? Error { get; private set; }
    public bool Uploaded { get; private set; }
    public string Token { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string token, string? lang, bool? uploaded, CancellationToken ct)
    {
        var opened = await links.OpenLinkAsync(token, tracked: false, ct);
        if (opened.Value is not { } found) return StatusCode(opened.Status);
        // In the language of the case, unless the reader chose another one.
        if (lang is null && !Request.Cookies.ContainsKey(Languages.CookieName) && found.Language != Languages.Current)
            return Redirect($"{StatusLinkOptions.PathFor(token)}?lang={found.Language}");
        Uploaded = uploaded == true;
        await LoadAsync(found, token, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, Guid request, IFormFile? file, CancellationToken ct)
    {
        var opened = await links.OpenLinkAsync(token, tracked: true, ct);
        if (opened.Value is not { } found) return StatusCode(opened.Status);
        if (file is null || file.Length == 0) Error = texts["casestatus.upload.error.missing"];
        else if (file.Length > CaseDocument.MaxBytes) Error = texts["casestatus.upload.error.too-large", CaseDocument.MaxBytes / 1024 / 1024];
        else
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            var result = await requests.AnswerAsync(found, request, file.FileName, buffer.ToArray(), ct);
            if (result.Value is not null) return Redirect($"{StatusLinkOptions.PathFor(token)}?uploaded=true#needed");
            Error = result.Code switch
            {
                "unsupported-file-type" => texts["casestatus.upload.error.type"],
                "request-already-answered" => texts["casestatus.upload.error.answered"],
                "case-closed" => texts["casestatus.upload.error.closed"],
                _ => texts["casestatus.upload.error.missing"],
            };
        }
        db.ChangeTracker.Clear();
        await LoadAsync(await db.Set<Case>().AsNoTracking().FirstAsync(c => c.Id == found.Id, ct), token, ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(Case found, string token, CancellationToken ct)
    {
        // A status link is a key: it must not leak through the Referer of links on the page, nor stay in caches.
        Response.Headers["Referrer-Policy"] = "no-referrer";
        Response.Headers.CacheControl = "no-store";
        Case = found;
        Token = token;
        Language = Languages.Current;
        Type = await types.GetAsync(db, found.CaseTypeId, ct);
        var status = Type.Status(found.Status);
        StatusText = Text(status?.CustomerText);
        var next = status?.Next.Select(Type.Status).OfType<CaseStatus>().OrderBy(s => s.Final).FirstOrDefault();
        NextText = next is null ? null : Text(next.CustomerText);
        Clock = found.Clock(Type, BrusselsTime.LocalDate(time.GetUtcNow()), calendar);
        // A decided or closed case asks for nothing (its open requests were withdrawn with the decision).
        Open = found.IsClosed ? [] : await db.Set<CustomerRequest>().AsNoTracking()
            .Where(r => r.CaseId == found.Id && r.AnsweredAt == null && r.WithdrawnAt == null).OrderBy(r => r.DueOn).ToListAsync(ct);
        Decision = await db.Set<Decision>().AsNoTracking().FirstOrDefaultAsync(d => d.CaseId == found.Id, ct);
        var events = await JournalReader.HistoryAsync(db, "case", found.Id, JournalReader.ProcessOnly, ct);
        // The story starts on the day the request was received (which may be before it was registered).
        Steps = [.. events.Select(e => StepText(e.Activity, e.Attributes) is { } text
                ? new Step(e.Activity == "deliver.case.opened" ? BrusselsTime.ToInstant(found.ReceivedOn, TimeOnly.MinValue) : e.OccurredAt, text) : null)
            .OfType<Step>().OrderBy(s => s.At)];
        Path = PlannedPath(found, events.Where(e => e.Activity == "deliver.case.status-changed").Select(e => (e.OccurredAt, e.Attributes)).ToList());
    }

    /// The usual path through the case type's statuses (from the first, each time to the next
    /// non-final one, ending with a final one), each with the day it was reached or the day it is
    /// expected by: its expected days added up from the clock's start (received, or complete) in
    /// the clock's unit, moved by the days the clock stood still, never later than the due date.
    private List<Planned> PlannedPath(Case found, List<(DateTimeOffset At, string Attributes)> moves)
    {
        var reached = new Dictionary<string, DateOnly> { [Type.InitialStatus.Code] = found.ReceivedOn };
        foreach (var (at, attributes) in moves)
            if (System.Text.Json.JsonDocument.Parse(attributes).RootElement.TryGetProperty("to", out var to) && to.GetString() is { } code)
                reached[code] = BrusselsTime.LocalDate(at);
        var path = new List<CaseStatus>();
        for (var s = Type.InitialStatus; s is not null && !path.Contains(s) && path.Count < 20;
             s = s.Final ? null : s.Next.Select(Type.Status).OfType<CaseStatus>().OrderBy(n => n.Final).FirstOrDefault())
            path.Add(s);
        // The current status is on the path even when the case took a side road.
        if (Type.Status(found.Status) is { } current && !path.Contains(current)) path.Insert(Math.Max(0, path.Count - 1), current);

        var start = Clock.StartedOn ?? found.ReceivedOn;
        var currentIndex = path.FindIndex(s => s.Code == found.Status);
        var days = 0;
        var list = new List<Planned>();
        for (var i = 0; i < path.Count; i++)
        {
            var status = path[i];
            days += status.ExpectedDays;
            DateOnly? expected = null;
            if (!found.IsClosed && i > currentIndex)
            {
                var by = (Type.Content.Clock.Unit == DayCount.Working ? calendar.AddWorkingDays(start, days) : start.AddDays(days)).AddDays(Clock.SuspendedDays);
                expected = Clock.DueOn is { } due && due < by ? due : by;
            }
            list.Add(new Planned(Text(status.CustomerText), i <= currentIndex && reached.TryGetValue(status.Code, out var on) ? on : null, expected, i == currentIndex));
        }
        return list;
    }

    private string Text(LocalizedText? text) => text?.Resolve(Language, Case.Language).Text ?? "";

    /// The events a customer cares about, in plain words; internal ones (views, notes) are left out.
    private string? StepText(string activity, string attributes) => activity switch
    {
        "deliver.case.opened" => texts["casestatus.step.opened"],
        "deliver.case.status-changed" => System.Text.Json.JsonDocument.Parse(attributes).RootElement.TryGetProperty("to", out var to) && Type.Status(to.GetString() ?? "") is { } s
            ? Text(s.CustomerText) : null,
        "deliver.case.completed" => texts["casestatus.step.completed"],
        "deliver.request.asked" => texts["casestatus.step.asked"],
        // A stop or restart of the clock because of a request is told by the request's own step.
        "deliver.case.suspended" => ByRequest(attributes) ? null : texts["casestatus.step.suspended"],
        "deliver.case.resumed" => ByRequest(attributes) ? null : texts["casestatus.step.resumed"],
        "deliver.request.answered" => texts["casestatus.step.answered"],
        "deliver.request.withdrawn" => texts["casestatus.step.withdrawn"],
        "deliver.case.extended" => texts["casestatus.step.extended"],
        "deliver.decision.issued" => texts["casestatus.step.decided"],
        _ => null,
    };

    private static bool ByRequest(string attributes) =>
        System.Text.Json.JsonDocument.Parse(attributes).RootElement.TryGetProperty("request", out var request) && request.ValueKind == System.Text.Json.JsonValueKind.String;

    public string Date(DateOnly date) => date.ToString("dddd d MMMM yyyy", System.Globalization.CultureInfo.CurrentCulture);

    public string Date(DateTimeOffset at) => BrusselsTime.ToLocal(at).ToString("d MMMM yyyy", System.Globalization.CultureInfo.CurrentCulture);
}
