using Guichet.Deliver.Advice;
using Guichet.Deliver.CaseTypes;
using Guichet.Deliver.Cases.Pages;
using Guichet.Deliver.Cases;
using Guichet.Deliver.Decisions;
using Guichet.Deliver.Documents;
using Guichet.Deliver.Requests;
using Guichet.Deliver.StatusPage;
using Guichet.Deliver;
using Guichet.Orient.Catalogue;
using Guichet.Platform.Web.Forms;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Deliver.CaseFile.Pages;

/// The case page: the file, its clock, and every action on it as a small form. A form that
/// fails is shown again with its values and its errors; one that succeeds redirects back here
/// (post/redirect/get) with a line saying what was done. Reading the page is a view of personal
/// data and is recorded by CaseWork.ViewAsync.
internal sealed class CaseModel(CaseWork work, DecisionWork decisions, RequestWork requests, StatusLinkWork links, AdviceWork advice, GuichetDb db, CatalogueDirectory catalogue,
    WorkingCalendar calendar, PublicUrls urls, Texts texts) : CaseWorkPage(texts)
{
    public const string DocumentKinds = "application evidence correspondence decision other";

    public Case Case { get; private set; } = null!;
    public CaseType Type { get; private set; } = null!;
    public ClockReading Clock { get; private set; } = null!;
    public DateOnly Today => work.Today;
    public IReadOnlyList<CaseNote> Notes { get; private set; } = [];
    public IReadOnlyList<CaseDocument> Documents { get; private set; } = [];
    public Decision? Decision { get; private set; }
    public IReadOnlyList<LodgedAppeal> Appeals { get; private set; } = [];
    public IReadOnlyList<CustomerRequest> Requests { get; private set; } = [];
    public IReadOnlyList<AdviceRequest> Advice { get; private set; } = [];
    /// The units of the organisation that may be asked for advice (all but the case's own).
    public IReadOnlyList<FormChoice> AdvisingUnits { get; private set; } = [];
    /// A status link just made: shown once, since only its hash is kept.
    public string? NewStatusLink { get; private set; }
    /// Where a decision would take the case now; null: it cannot be decided now.
    public CaseStatus? DecisionStatus { get; private set; }
    public IReadOnlyList<FormChoice> Colleagues { get; private set; } = [];
    public string? Done { get; private set; }
    /// What the reader may do here (PermissionMatrix): forms for other acts are not shown.
    public bool MayHandle => User.May(Acts.CaseHandle);
    public bool MayAssign => User.May(Acts.CaseAssign);
    public bool MayAnnotate => User.May(Acts.CaseAnnotate);
    /// The form that was posted and failed, with what was typed in it.
    public string? PostedForm { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? done, string? upload, string? kind, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Done = done;
        if (upload is not null)
        {
            // The upload page redirects here with what went wrong: the file input cannot be filled again anyway.
            Errors.Add("document.file", upload);
            PostedForm = "document";
            _posted["document.kind"] = kind;
        }
        return Page();
    }

    [RequiresAct(Acts.CaseHandle)]
    public Task<IActionResult> OnPostMoveAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, "move", "moved", [], () => work.MoveAsync(User, id, new StatusRequest(Posted("move.status")), ct), ct);

    [RequiresAct(Acts.CaseHandle)]
    public Task<IActionResult> OnPostSuspendAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, "suspend", "suspended", ["suspend.on"], () => work.SuspendAsync(User, id, new SuspendRequest(Posted("suspend.reason"), DateOf("suspend.on")), ct), ct);

    [RequiresAct(Acts.CaseHandle)]
    public Task<IActionResult> OnPostResumeAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, "resume", "resumed", ["resume.on"], () => work.ResumeAsync(User, id, new DateRequest(DateOf("resume.on")), ct), ct);

    [RequiresAct(Acts.CaseHandle)]
    public Task<IActionResult> OnPostCompleteAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, "complete", "completed", ["complete.on"], () => work.CompleteAsync(User, id, new DateRequest(DateOf("complete.on")), ct), ct);

    [RequiresAct(Acts.CaseHandle)]
    public Task<IActionResult> OnPostExtendAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, "extend", "extended", [], () => work.ExtendAsync(User, id, new ExtendRequest(Posted("extend.reason")), ct), ct);

    [RequiresAct(Acts.CaseAnnotate)]
    public Task<IActionResult> OnPostNoteAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, "note", "note-added", [], () => work.AddNoteAsync(User, id, new NoteRequest(Posted("note.text")), ct), ct);

    [RequiresAct(Acts.CaseHandle)]
    public Task<IActionResult> OnPostLodgeAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, "lodge", "appeal-lodged", ["lodge.lodgedOn"], () => decisions.LodgeAppealAsync(User, id,
            new LodgeAppealRequest(Posted("lodge.kind"), DateOf("lodge.lodgedOn"), Posted("lodge.lodgedWith"), Posted("lodge.reference"), Posted("lodge.summary")), ct), ct);

    [RequiresAct(Acts.CaseHandle)]
    public Task<IActionResult> OnPostAskAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, "ask", "customer-asked", ["ask.dueOn"], () => requests.AskAsync(User, id, new AskRequest(Posted("ask.what"), DateOf("ask.dueOn")), ct), ct);

    [RequiresAct(Acts.CaseHandle)]
    public Task<IActionResult> OnPostAdviceAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, "advice", "advice-requested", [], () => advice.AskAsync(User, id,
            new AskAdviceRequest(Guid.TryParse(Posted("advice.toUnitId"), out var unit) ? unit : null, Posted("advice.question")), ct), ct);

    /// A new link to the customer's status page; earlier links stop working. It is shown on this
    /// response only (post without redirect): it is stored hashed and cannot be shown again.
    [RequiresAct(Acts.CaseHandle)]
    public async Task<IActionResult> OnPostLinkAsync(Guid id, CancellationToken ct)
    {
        var result = await links.NewLinkAsync(User, id, ct);
        if (result.Value is not { } token) return NotFound();
        NewStatusLink = urls.Absolute(StatusLinkOptions.PathFor(token));
        Done = "status-link-created";
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    [RequiresAct(Acts.CaseAssign)]
    public async Task<IActionResult> OnPostAssignAsync(Guid id, CancellationToken ct)
    {
        ReadPosted();
        var unitText = Posted("assign.unitId");
        var handlerText = Posted("assign.handlerId");
        Guid? unit = Guid.TryParse(unitText, out var u) ? u : null;
        Guid? handler = Guid.TryParse(handlerText, out var h) ? h : null;
        if (unitText is not null && unit is null) Errors.Add("assign.unitId", "unknown-code");
        if (handlerText is not null && handler is null) Errors.Add("assign.handlerId", "unknown-code");
        if (Errors.Count > 0) return await FailedAsync(id, "assign", ct);
        var result = await work.AssignAsync(User, id, new AssignRequest(unit, handler), ct);
        if (result.Value?.Case is { } c && !CaseScope.Of(User).Sees(c))
            return Redirect($"/staff/cases?done=passed&number={Uri.EscapeDataString(c.Number)}");
        return await AfterAsync(id, "assign", "assigned", result, ct);
    }

    private readonly Dictionary<string, string?> _posted = [];

    /// The value typed in a field of the failed form (or, on a fresh page, null).
    public string? Posted(string name) => _posted.GetValueOrDefault(name);

    private void ReadPosted()
    {
        foreach (var key in Request.Form.Keys)
            if (key != "__RequestVerificationToken") _posted[key] = Field(key);
    }

    private DateOnly? DateOf(string name) => CaseDisplay.TryDate(Posted(name), out var d) ? d : null;

    private async Task<IActionResult> ActAsync<T>(Guid id, string form, string done, string[] dates, Func<Task<Result<T>>> act, CancellationToken ct) where T : class
    {
        ReadPosted();
        foreach (var field in dates)
            if (!CaseDisplay.TryDate(Posted(field), out _)) Errors.Add(field, "invalid-date");
        if (Errors.Count > 0) return await FailedAsync(id, form, ct);
        return await AfterAsync(id, form, done, await act(), ct);
    }

    private async Task<IActionResult> AfterAsync<T>(Guid id, string form, string done, Result<T> result, CancellationToken ct) where T : class
    {
        if (result.Value is not null) return Redirect($"/staff/cases/{id}?done={done}#{Section(form)}");
        return Refused(result, name => $"{form}.{name}", FirstFieldOf(form)) ?? await FailedAsync(id, form, ct);
    }

    private async Task<IActionResult> FailedAsync(Guid id, string form, CancellationToken ct)
    {
        PostedForm = form;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    /// The section of the page a form sits in, to come back to it.
    public static string Section(string form) => form switch
    {
        "move" => "status",
        "suspend" or "resume" or "complete" or "extend" => "clock",
        "assign" => "assignment",
        "note" => "notes",
        "lodge" => "decision",
        "ask" => "requests",
        "advice" => "advice",
        _ => "main",
    };

    private static string FirstFieldOf(string form) => form switch
    {
        "move" => "move-status",
        "suspend" => "suspend-reason",
        "resume" => "resume-on",
        "complete" => "complete-on",
        "extend" => "extend-reason",
        "assign" => "assign-unitId",
        "note" => "note-text",
        "lodge" => "lodge-kind",
        "ask" => "ask-what",
        "advice" => "advice-toUnitId",
        _ => "main",
    };

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if ((await work.ViewAsync(User, id, ct)).Value is not { } found) return false;
        (Case, Type) = found;
        Clock = Case.Clock(Type, Today, calendar);
        Notes = [.. (await CaseScope.PartsAsync<CaseNote>(db, id, ct)).OrderBy(n => n.At)];
        Documents = [.. (await CaseScope.PartsAsync<CaseDocument>(db, id, ct)).OrderByDescending(d => d.UploadedAt)];
        Decision = await db.Set<Decision>().AsNoTracking().FirstOrDefaultAsync(d => d.CaseId == id, ct);
        Appeals = Decision is null ? [] : [.. (await CaseScope.PartsAsync<LodgedAppeal>(db, id, ct)).OrderBy(a => a.RegisteredAt)];
        DecisionStatus = Decision is null ? DecisionWork.DecisionStatus(Case, Type) : null;
        Requests = [.. (await CaseScope.PartsAsync<CustomerRequest>(db, id, ct)).OrderBy(r => r.CreatedAt)];
        Advice = [.. (await CaseScope.PartsAsync<AdviceRequest>(db, id, ct)).OrderBy(a => a.RequestedAt)];

        var involved = Type.Content.UnitIds;
        var organisation = (await catalogue.UnitAsync(Case.UnitId, ct))?.OrganisationId;
        var organisationUnits = organisation is { } o ? await catalogue.UnitsOfAsync(o, ct) : [];
        Units = await CaseDisplay.UnitNamesAsync(catalogue, involved.Append(Case.UnitId).Concat(Advice.Select(a => a.ToUnitId)).Concat(organisationUnits.Select(u => u.Id)), Case.Language, ct);
        AdvisingUnits = [.. organisationUnits.Where(u => u.Id != Case.UnitId).Select(u => new FormChoice(u.Id.ToString(), UnitName(u.Id), Units[u.Id].Lang))
            .OrderBy(c => c.Label, StringComparer.CurrentCulture)];
        var colleagues = await db.Set<StaffUser>().AsNoTracking().Where(s => s.UnitId != null && involved.Contains(s.UnitId.Value)).ToListAsync(ct);
        Colleagues = [.. colleagues.OrderBy(s => s.DisplayName, StringComparer.CurrentCulture).Select(s =>
            new FormChoice(s.Id.ToString(), $"{s.DisplayName} – {UnitName(s.UnitId!.Value)}"))];
        var actors = Notes.Select(n => n.Author).Concat(Documents.Select(d => d.UploadedBy)).Concat(Appeals.Select(a => a.RegisteredBy))
            .Concat(Requests.Select(r => r.CreatedBy)).Concat(Advice.Select(a => a.RequestedBy)).Concat(Advice.Select(a => a.AnsweredBy).OfType<string>());
        if (Decision is not null) actors = actors.Append(Decision.IssuedBy);
        var ids = actors.Select(CaseDisplay.StaffIdOf).OfType<Guid>().ToList();
        if (Case.HandlerId is { } handler) ids.Add(handler);
        Staff = await CaseDisplay.StaffNamesAsync(db, ids, ct);
        return true;
    }

    /// A case type text in the user's language, else in the language of procedure.
    public (string Text, string? Lang) Text(LocalizedText text) => CaseDisplay.Text(text, Case.Language);

    public IReadOnlyList<FormChoice> NextStatuses =>
        // A decision status is reached through the decision form, not here.
        [.. (Type.Status(Case.Status)?.Next ?? []).Select(code => Type.Status(code)).OfType<CaseStatus>().Where(s => !s.Decision).Select(s =>
        {
            var (text, lang) = Text(s.CustomerText);
            return new FormChoice(s.Code, s.Final ? Texts["cases.status.closes", text] : text, lang);
        })];

    public IReadOnlyList<FormChoice> SuspensionReasons =>
        [.. Type.Content.SuspensionReasons.Select(r =>
        {
            var (text, lang) = Text(r.Label);
            return new FormChoice(r.Code, text, lang);
        })];

    public IReadOnlyList<FormChoice> InvolvedUnits =>
        [.. Type.Content.UnitIds.Select(u => new FormChoice(u.ToString(), UnitName(u), Units.TryGetValue(u, out var n) ? n.Lang : null))];

    public IReadOnlyList<FormChoice> Kinds =>
        [.. DocumentKinds.Split(' ').Select(k => new FormChoice(k, Texts["cases.document.kind." + k]))];

    public string? SuspensionReason
    {
        get
        {
            var open = Case.Suspensions.FirstOrDefault(s => s.Until is null);
            var reason = Type.Content.SuspensionReasons.FirstOrDefault(r => r.Code == open?.Reason);
            return reason is null ? open?.Reason : Text(reason.Label).Text;
        }
    }
}
