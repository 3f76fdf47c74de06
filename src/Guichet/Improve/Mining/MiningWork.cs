using System.Collections.Concurrent;
using Guichet.Deliver.CaseTypes;
using Guichet.Orient.Catalogue;

namespace Guichet.Improve.Mining;

/// Which part of the live journal: one case type (its code) or every case type of a service, and
/// the period of the cases' received dates (inclusive; the last twelve months when not given).
internal sealed record LiveQuery(string? CaseType, Guid? Service, DateOnly? From, DateOnly? To);

/// A case type the journal can be mined for, with its service.
internal sealed record MinableCaseType(string Code, Guid ServiceId, string? ServiceName);

/// An export: the file's bytes, its media type and name, ready to download.
internal sealed record LogFile(byte[] Content, string MediaType, string FileName);

/// What the import form and the API send: the space's name, the format and the file, and for a CSV
/// its columns, for an OCEL log the object type that is the case.
internal sealed record ImportRequest(string? Name, string? Format, Stream? File, CsvMapping? Columns, string? ObjectType);

/// The imported logs by space, read once from their tables (a space never changes after its import).
internal sealed class SpaceLogs
{
    private readonly ConcurrentDictionary<Guid, List<LogEvent>> logs = new();

    public async Task<List<LogEvent>> GetAsync(GuichetDb db, Guid id, CancellationToken ct)
    {
        if (logs.TryGetValue(id, out var cached)) return cached;
        // Two first reads at once both load it; the same rows, harmless.
        var rows = await db.Set<AnalysisEvent>().AsNoTracking().Where(e => e.SpaceId == id).OrderBy(e => e.Seq).ToListAsync(ct);
        return logs[id] = rows.ConvertAll(e => e.ToLogEvent());
    }

    public void Forget(Guid id) => logs.TryRemove(id, out _);
}

/// The use cases of process mining: a map of the live journal or of an analysis space, their
/// exports, the import of a log into a new space and its deletion.
internal sealed class MiningWork(GuichetDb db, LiveJournal live, SpaceLogs spaces, EventLog eventLog, CatalogueDirectory catalogue, TimeProvider time)
{
    public static readonly string[] Formats = ["xes", "csv", "ocel"];
    private const int MaxPeriodDays = 5 * 366;

    /// Admins and quality staff see the whole organisation; everyone else the cases of their unit
    /// and of the units below it, as in the work list.
    internal static (bool All, IReadOnlyList<string> Units) Scope(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Quality) ? (true, []) : (false, [.. StaffClaims.UnitsOf(user).Select(u => u.ToString())]);

    public async Task<IReadOnlyList<MinableCaseType>> CaseTypesAsync(CancellationToken ct)
    {
        var language = Languages.Current;
        var types = await db.Set<CaseType>().AsNoTracking().Where(t => t.IsCurrent).Select(t => new { t.Code, t.ServiceId }).ToListAsync(ct);
        var names = await catalogue.PublishedServiceNamesAsync(types.Select(t => t.ServiceId), ct);
        return [.. types.Select(t => new MinableCaseType(t.Code, t.ServiceId, names.TryGetValue(t.ServiceId, out var n) ? Name(n, language) : null)).OrderBy(t => t.Code, StringComparer.Ordinal)];
    }

    private async Task<Result<LiveSelection>> SelectionAsync(ClaimsPrincipal user, LiveQuery query, CancellationToken ct)
    {
        var errors = new List<InvalidParam>();
        if (string.IsNullOrWhiteSpace(query.CaseType) && query.Service is null)
            errors.Add(new InvalidParam("caseType", "required", "Choose a case type or a service."));
        if (query.CaseType is { Length: > 100 }) errors.Add(new InvalidParam("caseType", "too-long", "At most 100 characters."));
        var today = BrusselsTime.LocalDate(time.GetUtcNow());
        var to = query.To ?? today;
        var from = query.From ?? to.AddYears(-1).AddDays(1);
        if (from > to) errors.Add(new InvalidParam("from", "after-to", "The period starts after it ends."));
        else if (to.DayNumber - from.DayNumber > MaxPeriodDays) errors.Add(new InvalidParam("to", "too-long", "A period is at most five years."));
        if (errors.Count > 0) return Result<LiveSelection>.Invalid(errors);

        IReadOnlyCollection<string> codes = [];
        if (!string.IsNullOrWhiteSpace(query.CaseType)) codes = [query.CaseType.Trim()];
        else
        {
            var service = query.Service!.Value;
            codes = await db.Set<CaseType>().AsNoTracking().Where(t => t.ServiceId == service).Select(t => t.Code).Distinct().ToListAsync(ct);
        }
        var (all, units) = Scope(user);
        return new LiveSelection(codes, BrusselsTime.ToInstant(from, TimeOnly.MinValue), BrusselsTime.ToInstant(to.AddDays(1), TimeOnly.MinValue), all, units);
    }

    /// The map of the live journal's selection; a period without cases is an empty map.
    public async Task<Result<ProcessMap>> LiveAsync(ClaimsPrincipal user, LiveQuery query, PathFilter filter, CancellationToken ct)
    {
        if (!filter.IsValid) return Result<ProcessMap>.Invalid(FilterErrors(filter));
        var selection = await SelectionAsync(user, query, ct);
        if (selection.Value is not { } s) return selection.As<ProcessMap>();
        var (log, _) = await live.SelectAsync(db, s, ct);
        return await WithUnitNamesAsync(ProcessMap.Of(log, filter), Languages.Current, ct);
    }

    public async Task<Result<ProcessMap>> SpaceAsync(Guid id, PathFilter filter, CancellationToken ct)
    {
        if (!filter.IsValid) return Result<ProcessMap>.Invalid(FilterErrors(filter));
        if (!await db.Set<AnalysisSpace>().AnyAsync(s => s.Id == id, ct)) return Result<ProcessMap>.NotFound("The analysis space");
        var events = await spaces.GetAsync(db, id, ct);
        return ProcessMap.Of(new ImportedLog("", events).ToMiningLog(), filter);
    }

    private static List<InvalidParam> FilterErrors(PathFilter filter)
    {
        var errors = new List<InvalidParam>();
        if (filter.VariantCoverage is not (> 0 and <= 100)) errors.Add(new InvalidParam("variants", "out-of-range", "A share of the cases above 0 and at most 100."));
        if (filter.EdgeShare is not (>= 0 and <= 100)) errors.Add(new InvalidParam("edges", "out-of-range", "A share from 0 to 100."));
        return errors;
    }

    /// Units are journal objects (ids); a person reads their names.
    private async Task<ProcessMap> WithUnitNamesAsync(ProcessMap map, string language, CancellationToken ct)
    {
        if (map.Handovers.Count == 0) return map;
        var ids = map.Handovers.SelectMany(h => new[] { h.FromUnit, h.ToUnit }).Select(u => Guid.TryParse(u, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).Distinct();
        var names = (await catalogue.UnitsAsync(ids, ct)).ToDictionary(u => u.Id.ToString(), u => Name(u.Name, language));
        string Of(string unit) => names.TryGetValue(unit, out var n) && n.Length > 0 ? n : unit;
        return map with { Handovers = [.. map.Handovers.Select(h => h with { FromUnit = Of(h.FromUnit), ToUnit = Of(h.ToUnit) })] };
    }

    private static string Name(LocalizedText text, string language) => text.Resolve(language, "fr").Text;

    /// The live selection as XES or OCEL 2.0 (customers as the journal's pseudonyms); recorded.
    public async Task<Result<LogFile>> ExportLiveAsync(ClaimsPrincipal user, LiveQuery query, string? format, CancellationToken ct)
    {
        if (format is not ("xes" or "ocel")) return Result<LogFile>.Invalid("format", "unknown", "xes or ocel.");
        var selection = await SelectionAsync(user, query, ct);
        if (selection.Value is not { } s) return selection.As<LogFile>();
        var (log, ids) = await live.SelectAsync(db, s, ct);
        using var buffer = new MemoryStream();
        if (format == "xes")
        {
            XesLog.Write(buffer, Flat(log).GroupBy(e => e.Case));
        }
        else
        {
            // Every object of the selected events, in its role (the journal is OCEL-shaped already).
            var relations = new Dictionary<long, List<OcelRelation>>();
            var objects = new Dictionary<string, OcelObject>(StringComparer.Ordinal);
            foreach (var chunk in ids.Distinct().Chunk(500))
            {
                var rows = await db.Set<EventLogObject>().AsNoTracking().Where(o => chunk.Contains(o.EventId)).ToListAsync(ct);
                foreach (var o in rows)
                {
                    if (!relations.TryGetValue(o.EventId, out var list)) relations.Add(o.EventId, list = []);
                    list.Add(new OcelRelation(o.ObjectId, o.Qualifier));
                    objects.TryAdd(o.ObjectId, new OcelObject(o.ObjectId, o.ObjectType));
                }
            }
            var events = new List<OcelEvent>();
            var written = new HashSet<long>();
            for (var i = 0; i < log.EventCount; i++)
                if (written.Add(ids[i]))
                    events.Add(new OcelEvent($"e{ids[i]}", log.Activities[log.Activity[i]], new DateTimeOffset(log.Time[i], TimeSpan.Zero), relations.GetValueOrDefault(ids[i]) ?? []));
            OcelLog.Write(buffer, objects.Values, events.OrderBy(e => e.Time));
        }
        eventLog.Record(user, ImproveActivities.LogExported, [], new Dictionary<string, object?>
        {
            ["format"] = format, ["events"] = log.EventCount, ["cases"] = log.CaseCount, ["pseudonymised"] = true,
        });
        await db.SaveChangesAsync(ct);
        return File(buffer.ToArray(), format, "journal");
    }

    public async Task<Result<LogFile>> ExportSpaceAsync(ClaimsPrincipal user, Guid id, string? format, CancellationToken ct)
    {
        if (format is not ("xes" or "ocel")) return Result<LogFile>.Invalid("format", "unknown", "xes or ocel.");
        var space = await db.Set<AnalysisSpace>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (space is null) return Result<LogFile>.NotFound("The analysis space");
        var events = await spaces.GetAsync(db, id, ct);
        using var buffer = new MemoryStream();
        if (format == "xes") XesLog.Write(buffer, events.GroupBy(e => e.Case));
        else OcelLog.Write(buffer, events);
        eventLog.Record(user, ImproveActivities.LogExported, [], new Dictionary<string, object?>
        {
            ["format"] = format, ["events"] = events.Count, ["cases"] = space.Cases, ["pseudonymised"] = false,
        });
        await db.SaveChangesAsync(ct);
        return File(buffer.ToArray(), format, "space-" + id.ToString("N")[..8]);
    }

    private static LogFile File(byte[] content, string format, string name) => format == "xes"
        ? new LogFile(content, "application/xml", name + ".xes")
        : new LogFile(content, "application/json", name + ".jsonocel");

    private static IEnumerable<LogEvent> Flat(MiningLog log)
    {
        for (var c = 0; c < log.CaseCount; c++)
            for (var i = log.CaseStart[c]; i < log.CaseStart[c + 1]; i++)
                yield return new LogEvent(log.CaseIds[c], log.Activities[log.Activity[i]], new DateTimeOffset(log.Time[i], TimeSpan.Zero), "complete", null,
                    log.Unit[i] >= 0 ? log.Units[log.Unit[i]] : null);
    }

    public Task<List<AnalysisSpace>> SpacesAsync(CancellationToken ct) =>
        db.Set<AnalysisSpace>().AsNoTracking().OrderByDescending(s => s.CreatedAt).ToListAsync(ct);

    public async Task<AnalysisSpace?> FindSpaceAsync(Guid id, CancellationToken ct) =>
        await db.Set<AnalysisSpace>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);

    /// Reads the file whole and checks it before anything is stored; then the space, its events and
    /// the journal event in one SaveChanges.
    public async Task<Result<AnalysisSpace>> ImportAsync(ClaimsPrincipal user, ImportRequest request, CancellationToken ct)
    {
        var errors = new List<InvalidParam>();
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name)) errors.Add(new InvalidParam("name", "required", "Name the analysis space."));
        else if (name.Length > AnalysisSpace.MaxName) errors.Add(new InvalidParam("name", "too-long", $"At most {AnalysisSpace.MaxName} characters."));
        var format = request.Format?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(format)) errors.Add(new InvalidParam("format", "required", "xes, csv or ocel."));
        else if (!Formats.Contains(format)) errors.Add(new InvalidParam("format", "unknown", "xes, csv or ocel."));
        if (request.File is null) errors.Add(new InvalidParam("file", "required", "Send the log file."));
        if (errors.Count > 0) return Result<AnalysisSpace>.Invalid(errors);

        var read = format switch
        {
            "xes" => XesLog.Read(request.File!),
            "csv" => CsvLog.Read(request.File!, request.Columns ?? new CsvMapping()),
            _ => OcelLog.Read(request.File!, request.ObjectType),
        };
        if (read.Value is not { } log) return read.As<AnalysisSpace>();
        if (log.Events.Count == 0) return Result<AnalysisSpace>.Refused(LogRefusals.Empty);
        if (log.Events.FirstOrDefault(e => e.Case.Length > AnalysisEvent.MaxText || e.Activity.Length > AnalysisEvent.MaxText
                || e.Lifecycle?.Length > AnalysisEvent.MaxText || e.Resource?.Length > AnalysisEvent.MaxText || e.Unit?.Length > AnalysisEvent.MaxText) is { } tooLong)
            return Result<AnalysisSpace>.Refused(new Refusal(422, "mining-log-value-too-long", $"A value of case {tooLong.Case[..Math.Min(40, tooLong.Case.Length)]} is longer than {AnalysisEvent.MaxText} characters."));

        var space = new AnalysisSpace(Guid.NewGuid(), name!, log, EventLog.ActorOf(user), time.GetUtcNow());
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            db.Add(space);
            db.AddRange(log.Events.Select((e, i) => new AnalysisEvent(space.Id, i, e)));
            eventLog.Record(user, ImproveActivities.LogImported, [new EventLogObject("analysis-space", space.Id.ToString(), Role.Subject)], new Dictionary<string, object?>
            {
                ["format"] = log.Format, ["events"] = space.Events, ["cases"] = space.Cases,
            });
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }
        return space;
    }

    public async Task<Result<AnalysisSpace>> DeleteAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var space = await db.Set<AnalysisSpace>().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (space is null) return Result<AnalysisSpace>.NotFound("The analysis space");
        // Its events go with it, by the foreign key's cascade in the database, in the same statement's transaction.
        db.Remove(space);
        eventLog.Record(user, ImproveActivities.AnalysisSpaceDeleted, [new EventLogObject("analysis-space", space.Id.ToString(), Role.Subject)], new Dictionary<string, object?>
        {
            ["name"] = space.Name, ["events"] = space.Events,
        });
        await db.SaveChangesAsync(ct);
        spaces.Forget(id);
        return space;
    }
}
