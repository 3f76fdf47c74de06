using System.Text;
using Guichet.Deliver.CaseTypes;
using Guichet.Improve.Mining;
using Guichet.Orient.Catalogue;

namespace Guichet.Improve.Processes;

/// What the form and the API send to declare a service's process (a new version).
internal sealed record ProcessRequest(Guid? OwnerUnitId, string? CaseType, IReadOnlyList<StepRequest>? Steps, string? Note);

internal sealed record StepRequest(string? Activity, Guid? UnitId, int? NormDays, bool? Optional);

/// A case type of a service as the inventory shows it: its statutory time (the promise) and
/// internal norm.
internal sealed record ServiceCaseType(string Code, int StatutoryDays, DayCount Unit, int InternalNormDays);

/// One line of the inventory: a service of the organisation with its current declared process,
/// if any, and what the catalogue and Deliver say about it.
internal sealed record InventoryLine(
    Guid ServiceId, Guid OrganisationId, string Slug, string Service, bool Published, string? ProviderUnit,
    IReadOnlyList<string> Channels, IReadOnlyList<LegalResource> LegalBasis, IReadOnlyList<ServiceCaseType> CaseTypes,
    DeclaredProcess? Process, string? OwnerUnit);

internal sealed record InventoryOrganisation(Guid Id, string Name, IReadOnlyList<InventoryLine> Services);

/// A service's process page: its inventory line, the units it may name, the versions.
internal sealed record ProcessView(InventoryLine Line, IReadOnlyList<CatalogueDirectory.UnitEntry> Units, IReadOnlyList<DeclaredProcess> Versions);

/// The use cases of the process inventory: list it per organisation, read a service's process and
/// its versions, declare a new version, export (CSV, JSON, BPMN 2.0) and check the live journal's
/// cases against it (conformance).
internal sealed class ProcessWork(GuichetDb db, CatalogueDirectory catalogue, LiveJournal live, EventLog eventLog, WorkingCalendar calendar, Texts texts, TimeProvider time)
{
    private const int MaxPeriodDays = 5 * 366;

    /// The activities a step may be mapped to: those of the customer process (not access or
    /// administration events).
    public static IReadOnlyList<Activity> StepActivities { get; } = [.. ActivityCatalogue.All.Where(a => a.Kind == EventKind.Process).OrderBy(a => a.Code, StringComparer.Ordinal)];

    /// Whether the journal ties the activity to a case, so that each case can be checked for it.
    public static bool MeasuredPerCase(string activity) =>
        ActivityCatalogue.Find(activity) is { Kind: EventKind.Process } a && a.Objects.Any(o => o is "case:subject" or "case:case");

    public string ActivityLabel(string code) => texts.Has("activity." + code) ? texts["activity." + code] : code;

    private static string Name(LocalizedText text) => text.Resolve(Languages.Current, "fr").Text;

    public async Task<IReadOnlyList<InventoryOrganisation>> InventoryAsync(CancellationToken ct)
    {
        var organisations = await catalogue.OwnOrganisationsAsync(ct);
        var lines = await LinesAsync(await catalogue.OwnServicesAsync(ct), ct);
        return [.. organisations.Select(o => new InventoryOrganisation(o.Id, Name(o.Name), [.. lines.Where(l => l.OrganisationId == o.Id)]))];
    }

    public async Task<ProcessView?> ViewAsync(Guid serviceId, CancellationToken ct)
    {
        if (await catalogue.ServiceAsync(serviceId, ct) is not { } service) return null;
        var organisations = await catalogue.OwnOrganisationsAsync(ct);
        if (organisations.All(o => o.Id != service.OrganisationId)) return null;
        var line = (await LinesAsync([service], ct))[0];
        var units = (await catalogue.UnitsOfAsync(service.OrganisationId, ct)).OrderBy(u => Name(u.Name), StringComparer.CurrentCulture).ToList();
        var versions = await db.Set<DeclaredProcess>().AsNoTracking().Where(p => p.ServiceId == serviceId).OrderByDescending(p => p.Version).ToListAsync(ct);
        return new ProcessView(line, units, versions);
    }

    private async Task<List<InventoryLine>> LinesAsync(IReadOnlyList<CatalogueDirectory.ServiceRecord> services, CancellationToken ct)
    {
        var ids = services.Select(s => s.Id).ToList();
        var processes = await db.Set<DeclaredProcess>().AsNoTracking().Where(p => p.IsCurrent && ids.Contains(p.ServiceId)).ToListAsync(ct);
        var types = await db.Set<CaseType>().AsNoTracking().Where(t => t.IsCurrent && ids.Contains(t.ServiceId)).ToListAsync(ct);
        var channels = (await catalogue.ChannelsAsync(services.SelectMany(s => s.ChannelIds), ct)).ToDictionary(c => c.Id);
        var unitIds = services.Select(s => s.UnitId).OfType<Guid>().Concat(processes.Select(p => p.Content.OwnerUnitId));
        var units = (await catalogue.UnitsAsync(unitIds, ct)).ToDictionary(u => u.Id, u => Name(u.Name));
        return [.. services.Select(s =>
        {
            var process = processes.FirstOrDefault(p => p.ServiceId == s.Id);
            return new InventoryLine(s.Id, s.OrganisationId, s.Slug, Name(s.Name), s.Published, s.UnitId is { } u ? units.GetValueOrDefault(u) : null,
                [.. s.ChannelIds.Where(channels.ContainsKey).Select(c => Name(channels[c].Name))],
                s.LegalResources,
                [.. types.Where(t => t.ServiceId == s.Id).OrderBy(t => t.Code, StringComparer.Ordinal)
                    .Select(t => new ServiceCaseType(t.Code, t.Content.Clock.Days, t.Content.Clock.Unit, t.Content.InternalNormDays))],
                process, process is null ? null : units.GetValueOrDefault(process.Content.OwnerUnitId));
        }).OrderBy(l => l.Service, StringComparer.CurrentCulture)];
    }

    /// A new version of the service's process; the same content as the current version changes
    /// nothing. Checked as a whole before anything is stored.
    public async Task<Result<DeclaredProcess>> DeclareAsync(ClaimsPrincipal user, Guid serviceId, ProcessRequest request, CancellationToken ct)
    {
        if (await catalogue.ServiceAsync(serviceId, ct) is not { } service || (await catalogue.OwnOrganisationsAsync(ct)).All(o => o.Id != service.OrganisationId))
            return Result<DeclaredProcess>.NotFound("The service");
        var units = (await catalogue.UnitsOfAsync(service.OrganisationId, ct)).Select(u => u.Id).ToHashSet();
        var caseTypes = await db.Set<CaseType>().AsNoTracking().Where(t => t.ServiceId == serviceId && t.IsCurrent).Select(t => t.Code).ToListAsync(ct);

        var errors = new List<InvalidParam>();
        if (request.OwnerUnitId is not { } owner) errors.Add(new InvalidParam("ownerUnitId", "required", "The unit that owns the process."));
        else if (!units.Contains(owner)) errors.Add(new InvalidParam("ownerUnitId", "unknown-unit", "Not a unit of the service's organisation."));
        else if (!SeesAll(user) && !StaffClaims.UnitsOf(user).Contains(owner)) errors.Add(new InvalidParam("ownerUnitId", "unit-not-allowed", "A manager declares the processes of their own units."));
        var caseType = string.IsNullOrWhiteSpace(request.CaseType) ? null : request.CaseType.Trim();
        if (caseType is not null && !caseTypes.Contains(caseType)) errors.Add(new InvalidParam("caseType", "unknown-case-type", "Not a case type of this service."));
        var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        if (note is { Length: > DeclaredProcess.MaxNote }) errors.Add(new InvalidParam("note", "too-long", $"At most {DeclaredProcess.MaxNote} characters."));

        var steps = new List<ProcessStep>();
        var given = request.Steps ?? [];
        if (given.Count == 0) errors.Add(new InvalidParam("steps", "required", "At least one step."));
        else if (given.Count > DeclaredProcess.MaxSteps) errors.Add(new InvalidParam("steps", "too-many", $"At most {DeclaredProcess.MaxSteps} steps."));
        else
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < given.Count; i++)
            {
                var s = given[i];
                var path = $"steps[{i}]";
                var activity = s.Activity?.Trim();
                if (string.IsNullOrEmpty(activity)) errors.Add(new InvalidParam(path + ".activity", "required", "The activity of the journal that marks the step done."));
                else if (ActivityCatalogue.Find(activity) is not { } a) errors.Add(new InvalidParam(path + ".activity", "unknown-activity", "Not an activity of the journal (docs/journal.md)."));
                else if (a.Kind != EventKind.Process) errors.Add(new InvalidParam(path + ".activity", "not-a-process-activity", "An access or administration event is not a step of the customer process."));
                else if (!seen.Add(activity)) errors.Add(new InvalidParam(path + ".activity", "duplicate", "Each activity marks one step."));
                if (s.UnitId is { } u && !units.Contains(u)) errors.Add(new InvalidParam(path + ".unitId", "unknown-unit", "Not a unit of the service's organisation."));
                if (s.NormDays is null) errors.Add(new InvalidParam(path + ".normDays", "required", "The norm time in working days."));
                else if (s.NormDays is < 0 or > DeclaredProcess.MaxNormDays) errors.Add(new InvalidParam(path + ".normDays", "out-of-range", $"From 0 to {DeclaredProcess.MaxNormDays} working days."));
                steps.Add(new ProcessStep(activity ?? "", s.UnitId, s.NormDays ?? 0, s.Optional ?? false));
            }
        }
        if (errors.Count > 0) return Result<DeclaredProcess>.Invalid(errors);

        var content = new ProcessContent { OwnerUnitId = request.OwnerUnitId!.Value, CaseType = caseType, Steps = steps, Note = note };
        var current = await db.Set<DeclaredProcess>().Where(p => p.ServiceId == serviceId && p.IsCurrent).FirstOrDefaultAsync(ct);
        if (current is not null && current.Content.SameAs(content)) return current;
        current?.Supersede();
        var process = new DeclaredProcess(serviceId, service.OrganisationId, (current?.Version ?? 0) + 1, content, EventLog.ActorOf(user), time.GetUtcNow());
        db.Add(process);
        var objects = new List<EventLogObject>
        {
            new("declared-process", process.Id.ToString(), Role.Subject),
            new("service", serviceId.ToString(), Role.Service),
            new("unit", content.OwnerUnitId.ToString(), Role.Unit),
        };
        if (current is not null) objects.Add(new("declared-process", current.Id.ToString(), Role.PreviousVersion));
        eventLog.Record(user, ImproveActivities.ProcessDeclared, objects, new Dictionary<string, object?>
        {
            ["version"] = process.Version, ["steps"] = steps.Count, ["caseType"] = caseType,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another declaration of the same service took this version number first.
            return Result<DeclaredProcess>.Conflict("process-changed", "The process was changed meanwhile; read it again.");
        }
        return process;
    }

    private static bool SeesAll(ClaimsPrincipal user) => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Quality);

    /// The live journal's cases of the process (its case type, else every case type of the
    /// service) received in the period, within the user's units, checked against the current
    /// version. A service without a declared process: 404; a period without cases: an empty report.
    public async Task<Result<ConformanceReport>> ConformanceAsync(ClaimsPrincipal user, Guid serviceId, DateOnly? from, DateOnly? to, int? limit, CancellationToken ct)
    {
        var errors = new List<InvalidParam>();
        var today = BrusselsTime.LocalDate(time.GetUtcNow());
        var end = to ?? today;
        var start = from ?? end.AddYears(-1).AddDays(1);
        if (start > end) errors.Add(new InvalidParam("from", "after-to", "The period starts after it ends."));
        else if (end.DayNumber - start.DayNumber > MaxPeriodDays) errors.Add(new InvalidParam("to", "too-long", "A period is at most five years."));
        if (limit is < 1 or > 1000) errors.Add(new InvalidParam("limit", "out-of-range", "From 1 to 1000 cases."));
        if (errors.Count > 0) return Result<ConformanceReport>.Invalid(errors);

        var process = await db.Set<DeclaredProcess>().AsNoTracking().FirstOrDefaultAsync(p => p.ServiceId == serviceId && p.IsCurrent, ct);
        if (process is null) return Result<ConformanceReport>.NotFound("The declared process of the service");
        IReadOnlyCollection<string> codes = process.Content.CaseType is { } code ? [code]
            : await db.Set<CaseType>().AsNoTracking().Where(t => t.ServiceId == serviceId).Select(t => t.Code).Distinct().ToListAsync(ct);
        var (all, units) = MiningWork.Scope(user);
        var selection = new LiveSelection(codes, BrusselsTime.ToInstant(start, TimeOnly.MinValue), BrusselsTime.ToInstant(end.AddDays(1), TimeOnly.MinValue), all, units);
        var (log, _) = await live.SelectAsync(db, selection, ct);
        return Conformance.Check(log, process.Content.Steps, MeasuredPerCase, calendar, limit ?? 100);
    }

    /// The declared flow of the service's current process as BPMN 2.0 XML, labels in the
    /// reader's language.
    public async Task<Result<byte[]>> BpmnAsync(Guid serviceId, CancellationToken ct)
    {
        if (await ViewAsync(serviceId, ct) is not { Line.Process: { } process } view) return Result<byte[]>.NotFound("The declared process of the service");
        var units = view.Units.ToDictionary(u => u.Id, u => Name(u.Name));
        var owner = units.GetValueOrDefault(process.Content.OwnerUnitId) ?? "";
        var steps = process.Content.Steps.Select(s => new BpmnStep(s, ActivityLabel(s.Activity), s.UnitId is { } u ? units.GetValueOrDefault(u) ?? owner : owner)).ToList();
        return ProcessBpmn.Write(view.Line.Service, owner, steps, texts["processes.bpmn.start"], texts["processes.bpmn.end"],
            s => $"{s.Activity}; {texts["processes.bpmn.norm", s.NormDays]}{(s.Optional ? "; " + texts["processes.optional"] : "")}");
    }

    /// The inventory as CSV: one row per step of each declared process (a service without one has
    /// one row with its name only), in the reader's language.
    public async Task<byte[]> CsvAsync(CancellationToken ct)
    {
        var inventory = await InventoryAsync(ct);
        var units = (await catalogue.OwnUnitsAsync(ct)).ToDictionary(u => u.Id, u => Name(u.Name));
        var csv = new StringBuilder();
        csv.AppendLine(Row(["organisation", "service", "slug", "version", "owner_unit", "case_type", "statutory_time", "channels", "legal_basis",
            "step", "activity", "step_label", "step_unit", "norm_working_days", "optional"]));
        foreach (var o in inventory)
            foreach (var l in o.Services)
            {
                var statutory = string.Join(" | ", l.CaseTypes.Select(t => $"{t.Code}: {t.StatutoryDays} {(t.Unit == DayCount.Working ? "working" : "calendar")} days"));
                string[] head = [o.Name, l.Service, l.Slug, l.Process?.Version.ToString(CultureInfo.InvariantCulture) ?? "", l.OwnerUnit ?? "", l.Process?.Content.CaseType ?? "",
                    statutory, string.Join(" | ", l.Channels), string.Join(" | ", l.LegalBasis.Select(r => r.Url))];
                if (l.Process is null) { csv.AppendLine(Row([.. head, "", "", "", "", "", ""])); continue; }
                var position = 0;
                foreach (var s in l.Process.Content.Steps)
                    csv.AppendLine(Row([.. head, (++position).ToString(CultureInfo.InvariantCulture), s.Activity, ActivityLabel(s.Activity),
                        s.UnitId is { } u ? units.GetValueOrDefault(u) ?? "" : l.OwnerUnit ?? "", s.NormDays.ToString(CultureInfo.InvariantCulture), s.Optional ? "yes" : "no"]));
            }
        return Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
    }

    private static string Row(IEnumerable<string> cells) => CsvText.Row(cells);
}
