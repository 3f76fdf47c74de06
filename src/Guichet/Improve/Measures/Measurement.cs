using Guichet.Improve.Mining;

namespace Guichet.Improve.Measures;

/// Which observations count: a period of days (inclusive, Brussels time), optional dimensions, and
/// the reader's unit scope (admins and quality staff: everything; others: their units and those
/// below; an object without a unit is outside a limited scope).
internal sealed record MeasureFilter(DateOnly From, DateOnly To, string? Service, string? CaseType, string? Unit, string? Channel, bool AllUnits, IReadOnlySet<string> ScopeUnits)
{
    public int Days => To.DayNumber - From.DayNumber + 1;

    /// The period of the same length just before this one.
    public MeasureFilter Previous => this with { From = From.AddDays(-Days), To = From.AddDays(-1) };

    public IEnumerable<string> Dimensions()
    {
        if (Service is not null) yield return "service";
        if (CaseType is not null) yield return "caseType";
        if (Unit is not null) yield return "unit";
        if (Channel is not null) yield return "channel";
    }

    /// A KPI whose objects lack a dimension filtered on is not measured for this filter.
    public bool Applies(Kpi kpi) => Dimensions().All(kpi.Dimensions.Contains);

    public bool Matches(Observation o) =>
        o.On >= From && o.On <= To
        && (Service is null || string.Equals(o.Service, Service, StringComparison.OrdinalIgnoreCase))
        && (CaseType is null || o.CaseType == CaseType)
        && (Unit is null || string.Equals(o.Unit, Unit, StringComparison.OrdinalIgnoreCase))
        && (Channel is null || o.Channel == Channel)
        && (AllUnits || (o.Unit is not null && ScopeUnits.Contains(o.Unit)));
}

/// A KPI's number over a period: the value (null when nothing was observed, or when the KPI is not
/// measured for the filter), the p90 beside a median, how many observations, and for a rate the
/// count it is divided by.
internal sealed record Figure(bool Applies, double? Value, double? P90, int Count, int? Denominator)
{
    public static readonly Figure NotMeasured = new(false, null, null, 0, null);
}

/// A figure against the same figure over the previous period of equal length.
internal sealed record Comparison(Kpi Kpi, Figure Current, Figure Previous)
{
    public double? Change => Current.Value is { } now && Previous.Value is { } before ? Math.Round(now - before, 1) : null;

    /// Better, worse or the same, by the KPI's direction; null without two values.
    public int? Direction => Change is not { } change ? null : change == 0 ? 0 : (change < 0) == Kpi.LowerIsBetter ? 1 : -1;
}

/// The observations a window selects, with their figure and, for a rate, the count they are divided
/// by: what a before/after comparison tests.
internal sealed record Sample(MeasureFilter Window, Figure Figure, double[] Values, int? Denominator);

/// One week of a KPI's trend (weeks start on Monday; the first and last may be cut by the period).
internal sealed record WeekFigure(DateOnly Monday, DateOnly From, DateOnly To, Figure Figure);

/// One KPI over a period in detail: the comparison, the weekly trend, the figure by each value of a
/// dimension, and the observations behind the number (the drill-down; the first `limit`).
internal sealed record KpiDetail(Comparison Comparison, IReadOnlyList<WeekFigure> Weeks, string? BreakdownBy, IReadOnlyList<(string Key, Figure Figure)> Breakdown,
    IReadOnlyList<Observation> Items, int ItemCount);

/// The arithmetic of the measurements, on observations already made from the facts.
internal static class Measurement
{
    public static Figure Of(Kpi kpi, IEnumerable<Observation> observations, int? denominator)
    {
        var values = observations.Select(o => o.Value).ToArray();
        if (kpi.Aggregate == Aggregate.PerThousand)
            return new Figure(true, denominator is > 0 ? Math.Round(values.Length * 1000.0 / denominator.Value, 1) : null, null, values.Length, denominator);
        if (values.Length == 0) return new Figure(true, null, null, 0, null);
        switch (kpi.Aggregate)
        {
            case Aggregate.Median:
                Array.Sort(values);
                return new Figure(true, Math.Round(ProcessMining.Percentile(values, 0.5), 1), Math.Round(ProcessMining.Percentile(values, 0.9), 1), values.Length, null);
            case Aggregate.Share:
                return new Figure(true, Math.Round(100.0 * values.Sum() / values.Length, 1), null, values.Length, null);
            default:
                return new Figure(true, Math.Round(values.Average(), 2), null, values.Length, null);
        }
    }

    /// Every KPI for the filter against the previous period.
    public static Comparison[] Dashboard(MeasureFacts facts, MeasureContext context, MeasureFilter filter) =>
        [.. Kpi.All.Select(k => Compare(k, facts, context, filter))];

    public static Comparison Compare(Kpi kpi, MeasureFacts facts, MeasureContext context, MeasureFilter filter)
    {
        if (!filter.Applies(kpi)) return new Comparison(kpi, Figure.NotMeasured, Figure.NotMeasured);
        context = context.Within(filter.Previous.From, filter.To);
        var all = kpi.Observe(facts, context).ToList();
        var denominators = kpi.Denominator?.Invoke(facts, context).ToList();
        Figure For(MeasureFilter f) => Of(kpi, all.Where(f.Matches), denominators?.Count(f.Matches));
        return new Comparison(kpi, For(filter), For(filter.Previous));
    }

    /// The KPI's observations in each window (the windows of one reader: same scope and dimensions).
    public static Sample[] Samples(Kpi kpi, MeasureFacts facts, MeasureContext context, IReadOnlyList<MeasureFilter> windows)
    {
        if (windows.Count == 0) return [];
        if (!windows[0].Applies(kpi)) return [.. windows.Select(w => new Sample(w, Figure.NotMeasured, [], null))];
        context = context.Within(windows.Min(w => w.From), windows.Max(w => w.To));
        var all = kpi.Observe(facts, context).ToList();
        var denominators = kpi.Denominator?.Invoke(facts, context).ToList();
        return [.. windows.Select(w =>
        {
            var selected = all.Where(w.Matches).ToList();
            var denominator = denominators?.Count(w.Matches);
            return new Sample(w, Of(kpi, selected, denominator), [.. selected.Select(o => o.Value)], denominator);
        })];
    }

    public static KpiDetail Detail(Kpi kpi, MeasureFacts facts, MeasureContext context, MeasureFilter filter, string? breakdownBy, int limit)
    {
        if (!filter.Applies(kpi)) return new KpiDetail(new Comparison(kpi, Figure.NotMeasured, Figure.NotMeasured), [], breakdownBy, [], [], 0);
        context = context.Within(filter.Previous.From, filter.To);
        var all = kpi.Observe(facts, context).ToList();
        var denominators = kpi.Denominator?.Invoke(facts, context).ToList();
        Figure For(MeasureFilter f, Func<Observation, bool>? also = null) =>
            Of(kpi, all.Where(o => f.Matches(o) && (also is null || also(o))), denominators?.Count(o => f.Matches(o) && (also is null || also(o))));

        var comparison = new Comparison(kpi, For(filter), For(filter.Previous));
        var weeks = new List<WeekFigure>();
        for (var monday = filter.From.AddDays(-(((int)filter.From.DayOfWeek + 6) % 7)); monday <= filter.To; monday = monday.AddDays(7))
        {
            var from = monday < filter.From ? filter.From : monday;
            var to = monday.AddDays(6) > filter.To ? filter.To : monday.AddDays(6);
            weeks.Add(new WeekFigure(monday, from, to, For(filter with { From = from, To = to })));
        }
        var breakdown = new List<(string, Figure)>();
        if (breakdownBy is not null && kpi.Dimensions.Contains(breakdownBy))
        {
            Func<Observation, string?> key = breakdownBy switch
            {
                "service" => o => o.Service, "caseType" => o => o.CaseType, "unit" => o => o.Unit, _ => o => o.Channel,
            };
            foreach (var value in all.Where(filter.Matches).Select(key).Distinct().OrderBy(v => v, StringComparer.Ordinal))
                breakdown.Add((value ?? "", For(filter, o => key(o) == value)));
        }
        var items = all.Where(filter.Matches).OrderBy(o => o.On).ThenBy(o => o.Id, StringComparer.Ordinal).ToList();
        return new KpiDetail(comparison, weeks, breakdownBy, breakdown, [.. items.Take(limit)], items.Count);
    }
}
