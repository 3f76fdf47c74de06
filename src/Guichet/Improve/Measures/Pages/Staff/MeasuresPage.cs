using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Improve.Measures.Pages.Staff;

/// What the measurement pages share: the filter bound from the query string, its choices, its
/// errors, the links that keep it, and how a KPI's number is written in the reader's language.
internal abstract class MeasuresPage(MeasureWork work, Texts texts) : PageModel
{
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Service { get; set; }
    [BindProperty(SupportsGet = true)] public string? CaseType { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public string? Channel { get; set; }

    public IReadOnlyList<MeasureChoice> Services { get; private set; } = [];
    public IReadOnlyList<MeasureChoice> CaseTypes { get; private set; } = [];
    public IReadOnlyList<MeasureChoice> Units { get; private set; } = [];
    public IReadOnlyList<InvalidParam> Errors { get; protected set; } = [];
    public MeasureFilter? Filter { get; private set; }

    protected MeasureWork Work => work;
    protected MeasureQuery Query => new(From, To, Service, CaseType, Unit, Channel);

    /// Reads the choices and checks the filter; false (and a 400) when it is not valid.
    protected async Task<bool> LoadAsync(CancellationToken ct)
    {
        (Services, CaseTypes, Units) = await work.ChoicesAsync(User, ct);
        var filter = work.Filter(User, Query);
        Filter = filter.Value;
        Errors = filter.InvalidParams;
        if (Filter is null) Response.StatusCode = 400;
        return Filter is not null;
    }

    public string? Error(string field) => Errors.FirstOrDefault(e => e.Name == field)?.Reason;

    /// The filter as a query string (starting with ?), with more parameters after it.
    public string QueryString(params (string Name, string? Value)[] more)
    {
        var q = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value)) q.Add(name + "=" + Uri.EscapeDataString(value));
        }
        Add("from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("service", Service?.ToString());
        Add("caseType", CaseType);
        Add("unit", Unit?.ToString());
        Add("channel", Channel);
        foreach (var (name, value) in more) Add(name, value);
        return q.Count == 0 ? "" : "?" + string.Join("&", q);
    }

    public string Name(Kpi kpi) => texts[$"measures.kpi.{kpi.Code}.name"];

    /// A KPI's number with its unit, in the reader's language; a dash when there is none.
    public string Value(Kpi kpi, double? value) => value is not { } v ? "—" : texts["measures.unit." + kpi.Unit, v.ToString("0.#", CultureInfo.CurrentCulture)];

    public string Day(DateOnly day) => day.ToString("d MMM yyyy", CultureInfo.CurrentCulture);

    public string ChannelName(string? code) => code is null ? "—" : texts.Has("measures.channel." + code) ? texts["measures.channel." + code] : code;
}
