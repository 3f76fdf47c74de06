using Guichet.Improve.Measures;
using Guichet.Improve.Mining;
using Guichet.Improve.Processes;
using Guichet.Orient.Catalogue;

namespace Guichet.Improve.Proposals;

/// What the form and the API send to make or revise a proposal.
internal sealed record ProposalRequest(Guid? ServiceId, string? Step, string? Title, string? Problem, string? Evidence, string? Change,
    Guid? OwnerUnitId, Guid? OwnerId, string? Kpi, double? Target, int? WindowDays);

/// A move to another status; a proposal marked done says the day the change was done.
internal sealed record StatusRequest(string? Status, DateOnly? DoneOn, string? Note);

/// A proposal with the names it shows (service, owner unit and person) and what its KPI says:
/// before and after the change once done, else the latest window as the baseline.
internal sealed record ProposalView(Proposal Proposal, string Service, string OwnerUnit, string? Owner, Kpi Kpi, ProposalEffect? Effect, Sample? Baseline)
{
    /// The staff members' names behind the actors of its history ("staff:{id}").
    public IReadOnlyDictionary<string, string> People { get; init; } = new Dictionary<string, string>();

    public string Person(string actor) => People.GetValueOrDefault(actor) ?? actor;
}

/// The yearly improvement report of one organisation: its proposals made or done in the year,
/// counted by status, each with its measured effect.
internal sealed record ProposalReport(int Year, Guid OrganisationId, string Organisation, IReadOnlyDictionary<ProposalStatus, int> ByStatus, IReadOnlyList<ProposalView> Proposals);

/// A choice of the proposal form: a service with its declared steps, a member of staff.
internal sealed record ProposalService(Guid Id, Guid OrganisationId, string Name, IReadOnlyList<string> Steps);
internal sealed record ProposalChoices(IReadOnlyList<ProposalService> Services, IReadOnlyList<CatalogueDirectory.UnitEntry> Units, IReadOnlyList<(Guid Id, string Name)> Staff);

/// The use cases of improvement proposals: make one (tied to a service's declared process and one
/// of its steps, with the KPI it must move and a target), revise it while open, move it through its
/// statuses, read it with its measured effect, list them and report a year per organisation. Every
/// figure is measured within the reader's units (managers: their units and those below; quality
/// staff and admins: everything), and a manager handles the proposals of their own units.
internal sealed class ProposalWork(GuichetDb db, MeasureWork measures, CatalogueDirectory catalogue, EventLog eventLog, TimeProvider time)
{
    public const int MaxList = 500;

    private DateOnly Today => BrusselsTime.LocalDate(time.GetUtcNow());

    private static string Name(LocalizedText text) => text.Resolve(Languages.Current, "fr").Text;

    private static bool SeesAll(ClaimsPrincipal user) => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Quality);

    /// The proposals within the reader's units, newest first; optionally of one status or service.
    public async Task<Result<IReadOnlyList<ProposalView>>> ListAsync(ClaimsPrincipal user, string? status, Guid? serviceId, CancellationToken ct)
    {
        ProposalStatus? wanted = null;
        if (!string.IsNullOrEmpty(status))
        {
            var errors = new List<InvalidParam>();
            wanted = EnumCodes.Read<ProposalStatus>(status, "status", errors);
            if (errors.Count > 0) return Result<IReadOnlyList<ProposalView>>.Invalid(errors);
        }
        // The owner unit lives in the JSON content: read the candidates, then keep those in scope.
        var query = db.Set<Proposal>().AsNoTracking();
        if (wanted is { } w) query = query.Where(p => p.Status == w);
        if (serviceId is { } s) query = query.Where(p => p.ServiceId == s);
        var found = Scoped(user, await query.OrderByDescending(p => p.CreatedAt).ToListAsync(ct)).Take(MaxList).ToList();
        return Result<IReadOnlyList<ProposalView>>.Of(await ViewsAsync(user, found, measure: false, ct));
    }

    private static IEnumerable<Proposal> Scoped(ClaimsPrincipal user, IEnumerable<Proposal> proposals)
    {
        if (SeesAll(user)) return proposals;
        var units = StaffClaims.UnitsOf(user).ToHashSet();
        return proposals.Where(p => units.Contains(p.Content.OwnerUnitId));
    }

    public async Task<Result<ProposalView>> ViewAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var proposal = await db.Set<Proposal>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (proposal is null || !Scoped(user, [proposal]).Any()) return Result<ProposalView>.NotFound("The proposal");
        return (await ViewsAsync(user, [proposal], measure: true, ct))[0];
    }

    private async Task<IReadOnlyList<ProposalView>> ViewsAsync(ClaimsPrincipal user, IReadOnlyList<Proposal> proposals, bool measure, CancellationToken ct)
    {
        var services = (await catalogue.ServicesAsync(proposals.Select(p => p.ServiceId), ct)).ToDictionary(s => s.Id, s => Name(s.Name));
        var units = (await catalogue.UnitsAsync(proposals.Select(p => p.Content.OwnerUnitId), ct)).ToDictionary(u => u.Id, u => Name(u.Name));
        var actors = proposals.SelectMany(p => p.History.Select(h => h.By).Append(p.CreatedBy))
            .Select(a => a.StartsWith("staff:", StringComparison.Ordinal) && Guid.TryParse(a[6..], out var g) ? g : (Guid?)null).OfType<Guid>();
        var ownerIds = proposals.Select(p => p.Content.OwnerId).OfType<Guid>().Concat(actors).Distinct().ToList();
        var owners = await db.Set<StaffUser>().AsNoTracking().Where(s => ownerIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.DisplayName, ct);
        var people = owners.ToDictionary(o => "staff:" + o.Key, o => o.Value, StringComparer.OrdinalIgnoreCase);
        var views = new List<ProposalView>();
        foreach (var p in proposals)
        {
            var kpi = Kpi.Find(p.Content.Kpi)!;
            ProposalEffect? effect = null;
            Sample? baseline = null;
            if (measure) (effect, baseline) = await MeasureAsync(user, p, kpi, ct);
            views.Add(new ProposalView(p, services.GetValueOrDefault(p.ServiceId) ?? "—", units.GetValueOrDefault(p.Content.OwnerUnitId) ?? "—",
                p.Content.OwnerId is { } o ? owners.GetValueOrDefault(o) : null, kpi, effect, baseline) { People = people });
        }
        return views;
    }

    /// Done: the KPI over the window before the change against the window after it. Open: the KPI
    /// over the latest window, the baseline the target is set against.
    private async Task<(ProposalEffect?, Sample?)> MeasureAsync(ClaimsPrincipal user, Proposal p, Kpi kpi, CancellationToken ct)
    {
        var days = p.Content.WindowDays;
        if (p is { Status: ProposalStatus.Done, DoneOn: { } doneOn })
        {
            var (bf, bt) = ProposalEffect.BeforeWindow(doneOn, days);
            var (af, at) = ProposalEffect.AfterWindow(doneOn, days);
            var samples = await measures.SamplesAsync(user, kpi, [Window(p, bf, bt), Window(p, af, at)], ct);
            return samples.Value is { } s ? (ProposalEffect.Of(kpi, p.Content.Target, s[0], s[1], Today), null) : (null, null);
        }
        var latest = await measures.SamplesAsync(user, kpi, [Window(p, Today.AddDays(-(days - 1)), Today)], ct);
        return (null, latest.Value?[0]);
    }

    private static MeasureQuery Window(Proposal p, DateOnly from, DateOnly to) => new(from, to, p.ServiceId, null, null, null);

    /// What the form offers: the services with a declared process and their steps, the units the
    /// person may name as owner, the members of staff.
    public async Task<ProposalChoices> ChoicesAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var processes = await db.Set<DeclaredProcess>().AsNoTracking().Where(p => p.IsCurrent).ToListAsync(ct);
        var services = await catalogue.ServicesAsync(processes.Select(p => p.ServiceId), ct);
        var units = await catalogue.OwnUnitsAsync(ct);
        var scope = StaffClaims.UnitsOf(user).ToHashSet();
        var staff = await db.Set<StaffUser>().AsNoTracking().OrderBy(s => s.DisplayName).Select(s => new { s.Id, s.DisplayName }).ToListAsync(ct);
        return new ProposalChoices(
            [.. services.Select(s => new ProposalService(s.Id, s.OrganisationId, Name(s.Name),
                [.. processes.First(p => p.ServiceId == s.Id).Content.Steps.Select(x => x.Activity)])).OrderBy(s => s.Name, StringComparer.CurrentCulture)],
            [.. units.Where(u => SeesAll(user) || scope.Contains(u.Id)).OrderBy(u => Name(u.Name), StringComparer.CurrentCulture)],
            [.. staff.Select(s => (s.Id, s.DisplayName))]);
    }

    public async Task<Result<Proposal>> MakeAsync(ClaimsPrincipal user, ProposalRequest request, CancellationToken ct)
    {
        var checkedContent = await CheckAsync(user, request, ct);
        if (checkedContent.Value is not { } c) return checkedContent.As<Proposal>();
        var year = Today.Year;
        for (var attempt = 1; ; attempt++)
        {
            var prefix = $"P-{year.ToString(CultureInfo.InvariantCulture)}-";
            var taken = await db.Set<Proposal>().CountAsync(p => p.Reference.StartsWith(prefix), ct);
            var proposal = new Proposal(c.OrganisationId, prefix + (taken + 1).ToString("D3", CultureInfo.InvariantCulture), c.ServiceId, c.Content, EventLog.ActorOf(user), time.GetUtcNow());
            db.Add(proposal);
            eventLog.Record(user, ImproveActivities.ProposalMade, Objects(proposal), new Dictionary<string, object?>
            {
                ["reference"] = proposal.Reference, ["kpi"] = c.Content.Kpi, ["target"] = c.Content.Target, ["step"] = c.Content.Step, ["windowDays"] = c.Content.WindowDays,
            });
            try
            {
                await db.SaveChangesAsync(ct);
                return proposal;
            }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e) && attempt < 5)
            {
                // Another proposal took this reference at the same instant: count again.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// A new content for an open proposal (its service stays; a done or dropped one is kept as it was).
    public async Task<Result<Proposal>> ReviseAsync(ClaimsPrincipal user, Guid id, ProposalRequest request, CancellationToken ct)
    {
        var proposal = await db.Set<Proposal>().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (proposal is null || !Scoped(user, [proposal]).Any()) return Result<Proposal>.NotFound("The proposal");
        if (!proposal.IsOpen) return Result<Proposal>.Conflict("proposal-closed", "A done or dropped proposal is not changed any more.");
        if (request.ServiceId is { } s && s != proposal.ServiceId) return Result<Proposal>.Invalid("serviceId", "not-changeable", "A proposal stays with its service; make a new one.");
        var checkedContent = await CheckAsync(user, request with { ServiceId = proposal.ServiceId }, ct);
        if (checkedContent.Value is not { } c) return checkedContent.As<Proposal>();
        if (c.Content == proposal.Content) return proposal;
        proposal.Revise(c.Content);
        eventLog.Record(user, ImproveActivities.ProposalRevised, Objects(proposal), new Dictionary<string, object?>
        {
            ["reference"] = proposal.Reference, ["kpi"] = c.Content.Kpi, ["target"] = c.Content.Target, ["step"] = c.Content.Step, ["windowDays"] = c.Content.WindowDays,
        });
        return await SaveAsync(proposal, ct);
    }

    public async Task<Result<Proposal>> MoveAsync(ClaimsPrincipal user, Guid id, StatusRequest request, CancellationToken ct)
    {
        var proposal = await db.Set<Proposal>().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (proposal is null || !Scoped(user, [proposal]).Any()) return Result<Proposal>.NotFound("The proposal");
        var errors = new List<InvalidParam>();
        var to = EnumCodes.Read<ProposalStatus>(request.Status, "status", errors);
        if (to == ProposalStatus.Done)
        {
            if (request.DoneOn is not { } on) errors.Add(new("doneOn", "required", "The day the change was done: its effect is measured from the day after."));
            else if (on > Today) errors.Add(new("doneOn", "in-the-future", "The change is marked done once it is done."));
            else if (on.Year < 2001) errors.Add(new("doneOn", "out-of-range", "A day from 2001 on."));
        }
        else if (request.DoneOn is not null && to is not null) errors.Add(new("doneOn", "only-when-done", "A day is given only when the proposal is marked done."));
        var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        if (note is { Length: > Proposal.MaxNote }) errors.Add(new("note", "too-long", $"At most {Proposal.MaxNote} characters."));
        if (errors.Count > 0) return Result<Proposal>.Invalid(errors);
        if (!Proposal.Next(proposal.Status).Contains(to!.Value))
            return Result<Proposal>.Conflict("status-not-allowed", $"A proposal that is {EnumCodes.Code(proposal.Status)} cannot become {EnumCodes.Code(to.Value)}.");
        var from = proposal.Status;
        proposal.Move(to.Value, request.DoneOn, note, EventLog.ActorOf(user), time.GetUtcNow());
        eventLog.Record(user, ImproveActivities.ProposalStatusChanged, Objects(proposal), new Dictionary<string, object?>
        {
            ["reference"] = proposal.Reference, ["from"] = EnumCodes.Code(from), ["to"] = EnumCodes.Code(to.Value), ["doneOn"] = proposal.DoneOn,
        });
        return await SaveAsync(proposal, ct);
    }

    private async Task<Result<Proposal>> SaveAsync(Proposal proposal, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return proposal;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<Proposal>.Conflict("proposal-changed", "The proposal was changed meanwhile; read it again.");
        }
    }

    private static EventLogObject[] Objects(Proposal p) =>
    [
        new("proposal", p.Id.ToString(), Role.Subject),
        new("service", p.ServiceId.ToString(), Role.Service),
        new("unit", p.Content.OwnerUnitId.ToString(), Role.Unit),
    ];

    private sealed record CheckedContent(Guid ServiceId, Guid OrganisationId, ProposalContent Content);

    /// The request checked as a whole: nothing is stored unless all of it holds.
    private async Task<Result<CheckedContent>> CheckAsync(ClaimsPrincipal user, ProposalRequest request, CancellationToken ct)
    {
        var errors = new List<InvalidParam>();
        CatalogueDirectory.ServiceRecord? service = null;
        DeclaredProcess? process = null;
        if (request.ServiceId is not { } serviceId) errors.Add(new("serviceId", "required", "The service whose process the proposal changes."));
        else if ((service = await catalogue.ServiceAsync(serviceId, ct)) is null || (await catalogue.OwnOrganisationsAsync(ct)).All(o => o.Id != service.OrganisationId))
            errors.Add(new("serviceId", "unknown-service", "Not a service of the catalogue."));
        else if ((process = await db.Set<DeclaredProcess>().AsNoTracking().FirstOrDefaultAsync(p => p.ServiceId == serviceId && p.IsCurrent, ct)) is null)
            errors.Add(new("serviceId", "no-declared-process", "Declare the service's process in the inventory first: a proposal changes a declared process."));

        var step = string.IsNullOrWhiteSpace(request.Step) ? null : request.Step.Trim();
        if (step is not null && process is not null && process.Content.Steps.All(s => s.Activity != step))
            errors.Add(new("step", "not-a-step", "Not a step of the service's declared process."));
        var title = Text(errors, "title", request.Title, Proposal.MaxTitle, "A short title.");
        var problem = Text(errors, "problem", request.Problem, Proposal.MaxText, "The problem seen.");
        var change = Text(errors, "change", request.Change, Proposal.MaxText, "The change proposed.");
        var evidence = string.IsNullOrWhiteSpace(request.Evidence) ? null : request.Evidence.Trim();
        if (evidence is { Length: > Proposal.MaxEvidence }) errors.Add(new("evidence", "too-long", $"At most {Proposal.MaxEvidence} characters."));
        else if (evidence is not null && (!evidence.StartsWith("/staff/", StringComparison.Ordinal) || evidence.Contains("//", StringComparison.Ordinal) || evidence.Any(char.IsWhiteSpace)))
            errors.Add(new("evidence", "not-a-staff-link", "The address of the figure or graph on Guichet's staff pages, starting with /staff/."));

        if (request.OwnerUnitId is not { } owner) errors.Add(new("ownerUnitId", "required", "The unit that carries the change."));
        else if (service is not null && (await catalogue.UnitsOfAsync(service.OrganisationId, ct)).All(u => u.Id != owner))
            errors.Add(new("ownerUnitId", "unknown-unit", "Not a unit of the service's organisation."));
        else if (!SeesAll(user) && !StaffClaims.UnitsOf(user).Contains(owner))
            errors.Add(new("ownerUnitId", "unit-not-allowed", "A manager makes proposals for their own units."));
        if (request.OwnerId is { } person && !await db.Set<StaffUser>().AnyAsync(s => s.Id == person, ct))
            errors.Add(new("ownerId", "unknown-owner", "No member of staff has this id."));

        var kpiCode = request.Kpi?.Trim();
        var kpi = Kpi.Find(kpiCode);
        if (string.IsNullOrEmpty(kpiCode)) errors.Add(new("kpi", "required", "The KPI the change must move (see the measurements' definitions)."));
        else if (kpi is null) errors.Add(new("kpi", "unknown-kpi", "One of " + string.Join(", ", Kpi.All.Select(k => k.Code)) + "."));
        if (request.Target is not { } target) errors.Add(new("target", "required", "The value of the KPI the change must reach."));
        else if (!double.IsFinite(target) || target < 0 || target > (kpi?.Unit == Kpi.Percent ? 100 : 100_000))
            errors.Add(new("target", "out-of-range", kpi?.Unit == Kpi.Percent ? "A share from 0 to 100." : "From 0 to 100000."));
        var window = request.WindowDays ?? Proposal.DefaultWindow;
        if (window is < Proposal.MinWindow or > Proposal.MaxWindow)
            errors.Add(new("windowDays", "out-of-range", $"From {Proposal.MinWindow} to {Proposal.MaxWindow} days."));
        if (errors.Count > 0) return Result<CheckedContent>.Invalid(errors);

        return new CheckedContent(service!.Id, service.OrganisationId, new ProposalContent
        {
            Title = title!, Step = step, Problem = problem!, Evidence = evidence, Change = change!,
            OwnerUnitId = request.OwnerUnitId!.Value, OwnerId = request.OwnerId, Kpi = kpi!.Code, Target = Math.Round(request.Target!.Value, 2), WindowDays = window,
        });
    }

    private static string? Text(List<InvalidParam> errors, string field, string? value, int max, string what)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text)) errors.Add(new(field, "required", what));
        else if (text.Length > max) errors.Add(new(field, "too-long", $"At most {max} characters."));
        return text;
    }

    /// The year's proposals (made or done in it) within the reader's units, per organisation, each
    /// with its effect.
    public async Task<Result<IReadOnlyList<ProposalReport>>> ReportAsync(ClaimsPrincipal user, int? year, CancellationToken ct)
    {
        var y = year ?? Today.Year;
        if (y is < 2000 or > 2100) return Result<IReadOnlyList<ProposalReport>>.Invalid("year", "out-of-range", "A year from 2000 to 2100.");
        var start = BrusselsTime.ToInstant(new DateOnly(y, 1, 1), TimeOnly.MinValue);
        var end = BrusselsTime.ToInstant(new DateOnly(y + 1, 1, 1), TimeOnly.MinValue);
        DateOnly first = new(y, 1, 1), last = new(y, 12, 31);
        var found = await db.Set<Proposal>().AsNoTracking()
            .Where(p => (p.CreatedAt >= start && p.CreatedAt < end) || (p.DoneOn >= first && p.DoneOn <= last)).ToListAsync(ct);
        var views = await ViewsAsync(user, [.. Scoped(user, found).OrderBy(p => p.Reference, StringComparer.Ordinal)], measure: true, ct);
        var organisations = await catalogue.OwnOrganisationsAsync(ct);
        return Result<IReadOnlyList<ProposalReport>>.Of([.. organisations.Select(o =>
        {
            var mine = views.Where(v => v.Proposal.OrganisationId == o.Id).ToList();
            return new ProposalReport(y, o.Id, Name(o.Name), Enum.GetValues<ProposalStatus>().ToDictionary(s => s, s => mine.Count(v => v.Proposal.Status == s)), mine);
        })]);
    }
}
