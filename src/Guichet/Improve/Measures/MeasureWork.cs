using Guichet.Deliver.CaseTypes;
using Guichet.Improve.Mining;
using Guichet.Orient.Catalogue;
using Guichet.Welcome.Contacts;

namespace Guichet.Improve.Measures;

/// What the dashboard and the API are asked: a period (the last 28 days to today when not given)
/// and optional dimensions.
internal sealed record MeasureQuery(DateOnly? From, DateOnly? To, Guid? Service, string? CaseType, Guid? Unit, string? Channel);

/// A choice offered by the filter: its value and its name in the reader's language.
internal sealed record MeasureChoice(string Value, string Name);

/// The use cases of the measurements: every KPI for a filter against the previous period, and one
/// KPI in detail (weekly trend, breakdown, the objects behind the number), always within the
/// reader's unit scope.
internal sealed class MeasureWork(GuichetDb db, MeasureJournal journal, CatalogueDirectory catalogue, WorkingCalendar calendar, TimeProvider time)
{
    public const int DefaultDays = 28, MaxPeriodDays = 5 * 366, ItemLimit = 200;
    public static readonly string[] Breakdowns = ["service", "caseType", "unit", "channel"];
    public static readonly string[] Channels = [.. Enum.GetValues<ContactChannel>().Select(c => EnumCodes.Code(c))];

    public Result<MeasureFilter> Filter(ClaimsPrincipal user, MeasureQuery query)
    {
        var errors = new List<InvalidParam>();
        var today = BrusselsTime.LocalDate(time.GetUtcNow());
        var to = query.To ?? (query.From is { } f0 ? f0.AddDays(DefaultDays - 1) : today);
        var from = query.From ?? to.AddDays(-(DefaultDays - 1));
        if (from > to) errors.Add(new InvalidParam("from", "after-to", "The period starts after it ends."));
        else if (to.DayNumber - from.DayNumber >= MaxPeriodDays) errors.Add(new InvalidParam("to", "too-long", "A period is at most five years."));
        if (from.Year < 2000 || to.Year > 2100) errors.Add(new InvalidParam(from.Year < 2000 ? "from" : "to", "out-of-range", "A date between 2000 and 2100."));
        if (query.CaseType is { Length: > 100 }) errors.Add(new InvalidParam("caseType", "too-long", "At most 100 characters."));
        var channel = string.IsNullOrWhiteSpace(query.Channel) ? null : query.Channel.Trim();
        if (channel is not null && !Channels.Contains(channel)) errors.Add(new InvalidParam("channel", "unknown", "One of " + string.Join(", ", Channels) + "."));
        if (errors.Count > 0) return Result<MeasureFilter>.Invalid(errors);

        var (all, units) = MiningWork.Scope(user);
        return new MeasureFilter(from, to, query.Service?.ToString(), string.IsNullOrWhiteSpace(query.CaseType) ? null : query.CaseType.Trim(),
            query.Unit?.ToString(), channel, all, new HashSet<string>(units, StringComparer.OrdinalIgnoreCase));
    }

    /// Every KPI for the filter against the previous period; a period without data gives empty figures.
    public async Task<Result<Comparison[]>> DashboardAsync(ClaimsPrincipal user, MeasureQuery query, CancellationToken ct)
    {
        var filter = Filter(user, query);
        if (filter.Value is not { } f) return filter.As<Comparison[]>();
        var context = await ContextAsync(ct);
        return await journal.ReadAsync(db, facts => Measurement.Dashboard(facts, context, f), ct);
    }

    public async Task<Result<KpiDetail>> DetailAsync(ClaimsPrincipal user, string code, MeasureQuery query, string? breakdown, CancellationToken ct)
    {
        if (Kpi.Find(code) is not { } kpi) return Result<KpiDetail>.NotFound("The KPI");
        var filter = Filter(user, query);
        if (filter.Value is not { } f) return filter.As<KpiDetail>();
        if (breakdown is not null && !Breakdowns.Contains(breakdown)) return Result<KpiDetail>.Invalid("breakdown", "unknown", "service, caseType, unit or channel.");
        var context = await ContextAsync(ct);
        return await journal.ReadAsync(db, facts => Measurement.Detail(kpi, facts, context, f, breakdown, ItemLimit), ct);
    }

    /// The KPI's observations in each window, for the same dimensions and the reader's scope (the
    /// before and after windows of an improvement proposal). Windows are checked like a period.
    public async Task<Result<Sample[]>> SamplesAsync(ClaimsPrincipal user, Kpi kpi, IReadOnlyList<MeasureQuery> windows, CancellationToken ct)
    {
        var filters = new List<MeasureFilter>();
        foreach (var w in windows)
        {
            var filter = Filter(user, w);
            if (filter.Value is not { } f) return filter.As<Sample[]>();
            filters.Add(f);
        }
        var context = await ContextAsync(ct);
        return await journal.ReadAsync(db, facts => Measurement.Samples(kpi, facts, context, filters), ct);
    }

    /// The case types' services and internal norms, the services' units: read per request (small).
    private async Task<MeasureContext> ContextAsync(CancellationToken ct)
    {
        var types = await db.Set<CaseType>().AsNoTracking().Where(t => t.IsCurrent).Select(t => new { t.Code, t.ServiceId, t.Content }).ToListAsync(ct);
        var services = await catalogue.OwnServicesAsync(ct);
        return new MeasureContext(
            types.ToDictionary(t => t.Code, t => (t.ServiceId.ToString(), t.Content.InternalNormDays), StringComparer.Ordinal),
            services.Where(s => s.UnitId is not null).ToDictionary(s => s.Id.ToString(), s => s.UnitId!.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            calendar);
    }

    /// The filter's choices in the reader's language: services, case types, units (within scope).
    public async Task<(IReadOnlyList<MeasureChoice> Services, IReadOnlyList<MeasureChoice> CaseTypes, IReadOnlyList<MeasureChoice> Units)> ChoicesAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var language = Languages.Current;
        var services = await catalogue.OwnServicesAsync(ct);
        var types = await db.Set<CaseType>().AsNoTracking().Where(t => t.IsCurrent).Select(t => new { t.Code, t.Content }).ToListAsync(ct);
        var units = await catalogue.OwnUnitsAsync(ct);
        var (all, scope) = MiningWork.Scope(user);
        return (
            [.. services.Select(s => new MeasureChoice(s.Id.ToString(), Name(s.Name, language))).OrderBy(c => c.Name, StringComparer.CurrentCulture)],
            [.. types.Select(t => new MeasureChoice(t.Code, t.Code + " — " + Name(t.Content.Name, language))).OrderBy(c => c.Value, StringComparer.Ordinal)],
            [.. units.Where(u => all || scope.Contains(u.Id.ToString())).Select(u => new MeasureChoice(u.Id.ToString(), Name(u.Name, language))).OrderBy(c => c.Name, StringComparer.CurrentCulture)]);
    }

    /// Names of the units, services and case types a breakdown or a drill-down shows as ids.
    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(CancellationToken ct)
    {
        var language = Languages.Current;
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var s in await catalogue.OwnServicesAsync(ct)) names[s.Id.ToString()] = Name(s.Name, language);
        foreach (var u in await catalogue.OwnUnitsAsync(ct)) names[u.Id.ToString()] = Name(u.Name, language);
        return names;
    }

    private static string Name(LocalizedText text, string language) => text.Resolve(language, "fr").Text;
}
