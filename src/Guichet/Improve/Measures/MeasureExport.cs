using System.Text;

namespace Guichet.Improve.Measures;

internal sealed record PeriodResponse(DateOnly From, DateOnly To);

/// A KPI's figure over the period against the previous period; `definition` is the page that says
/// how it is computed.
internal sealed record FigureResponse(string Kpi, string Stage, string Aggregate, string Unit, bool LowerIsBetter, bool Measured,
    double? Value, double? P90, int Count, int? Denominator, double? PreviousValue, double? PreviousP90, int PreviousCount, double? Change, string? Trend, string Definition)
{
    public static FigureResponse From(Comparison c) => new(c.Kpi.Code, c.Kpi.Stage, EnumCodes.Code(c.Kpi.Aggregate), c.Kpi.Unit, c.Kpi.LowerIsBetter, c.Current.Applies,
        c.Current.Value, c.Current.P90, c.Current.Count, c.Current.Denominator, c.Previous.Value, c.Previous.P90, c.Previous.Count, c.Change,
        c.Direction switch { 1 => "better", -1 => "worse", 0 => "same", _ => null }, "/staff/improve/measures/definitions#" + c.Kpi.Code);
}

internal sealed record DashboardResponse(PeriodResponse Period, PeriodResponse Previous, string? Service, string? CaseType, string? Unit, string? Channel, IReadOnlyList<FigureResponse> Figures);

internal sealed record WeekResponse(DateOnly Week, DateOnly From, DateOnly To, double? Value, double? P90, int Count);

internal sealed record ItemResponse(string Kind, string Id, DateOnly On, double Value, string? Link);

internal sealed record DetailResponse(PeriodResponse Period, PeriodResponse Previous, FigureResponse Figure, IReadOnlyList<WeekResponse> Weeks,
    IReadOnlyList<BreakdownRow> Breakdown, IReadOnlyList<ItemResponse> Items, int ItemCount);

internal sealed record BreakdownRow(string Value, string? Name, double? Figure, double? P90, int Count);

/// A download: its bytes, media type and file name.
internal sealed record MeasureFile(byte[] Content, string MediaType, string Name);

/// The figures as the API's JSON and as CSV, the same for the API and the pages' downloads.
internal static class MeasureExport
{
    public static readonly string[] Parts = ["weeks", "breakdown", "items"];

    /// The API's JSON shape for the pages' downloads (camelCase, nulls left out).
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    public static DashboardResponse Dashboard(MeasureFilter f, IEnumerable<Comparison> figures) =>
        new(Period(f), Period(f.Previous), f.Service, f.CaseType, f.Unit, f.Channel, [.. figures.Select(FigureResponse.From)]);

    public static DetailResponse Detail(MeasureFilter f, KpiDetail d, IReadOnlyDictionary<string, string> names) =>
        new(Period(f), Period(f.Previous), FigureResponse.From(d.Comparison), Weeks(d), Breakdown(d, names), [.. d.Items.Select(Item)], d.ItemCount);

    public static MeasureFile DashboardCsv(IEnumerable<Comparison> figures) =>
        Csv("measures.csv", ["kpi", "stage", "unit", "measured", "value", "p90", "count", "previousValue", "previousCount", "change", "trend"],
            figures.Select(FigureResponse.From).Select(r => new[] { r.Kpi, r.Stage, r.Unit, r.Measured ? "yes" : "no", Number(r.Value), Number(r.P90), Count(r.Count),
                Number(r.PreviousValue), Count(r.PreviousCount), Number(r.Change), r.Trend }));

    /// One part of a KPI's detail as CSV: its weekly trend, its breakdown, or the objects behind it.
    public static MeasureFile DetailCsv(string code, string part, KpiDetail d, IReadOnlyDictionary<string, string> names)
    {
        var name = $"{code}-{part}.csv";
        return part switch
        {
            "weeks" => Csv(name, ["week", "from", "to", "value", "p90", "count"],
                Weeks(d).Select(w => new[] { Day(w.Week), Day(w.From), Day(w.To), Number(w.Value), Number(w.P90), Count(w.Count) })),
            "breakdown" => Csv(name, [d.BreakdownBy ?? "value", "name", "value", "p90", "count"],
                Breakdown(d, names).Select(b => new[] { b.Value, b.Name, Number(b.Figure), Number(b.P90), Count(b.Count) })),
            _ => Csv(name, ["kind", "id", "on", "value", "link"],
                d.Items.Select(Item).Select(i => new[] { i.Kind, i.Id, Day(i.On), Number(i.Value), i.Link })),
        };
    }

    public static PeriodResponse Period(MeasureFilter f) => new(f.From, f.To);

    public static List<WeekResponse> Weeks(KpiDetail d) =>
        d.Weeks.Select(w => new WeekResponse(w.Monday, w.From, w.To, w.Figure.Value, w.Figure.P90, w.Figure.Count)).ToList();

    public static List<BreakdownRow> Breakdown(KpiDetail d, IReadOnlyDictionary<string, string> names) =>
        d.Breakdown.Select(b => new BreakdownRow(b.Key, names.GetValueOrDefault(b.Key), b.Figure.Value, b.Figure.P90, b.Figure.Count)).ToList();

    public static ItemResponse Item(Observation o) => new(EnumCodes.Code(o.Kind), o.Id, o.On, o.Value, Link(o));

    /// The staff page of the object behind a number, when it has one.
    public static string? Link(Observation o) => o.Kind switch
    {
        Measured.Case or Measured.Advice => "/staff/cases/" + o.Id,
        Measured.Contact => "/staff/contacts/" + o.Id,
        Measured.Complaint => "/staff/complaints/" + o.Id,
        _ => null,
    };

    private static string Number(double? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? "";
    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static MeasureFile Csv(string name, string[] header, IEnumerable<string?[]> rows)
    {
        var text = new StringBuilder();
        text.Append(CsvText.Row(header)).Append("\r\n");
        foreach (var row in rows) text.Append(CsvText.Row(row)).Append("\r\n");
        return new MeasureFile(Encoding.UTF8.GetBytes(text.ToString()), "text/csv; charset=utf-8", name);
    }
}
