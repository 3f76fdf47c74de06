namespace Guichet.Improve.Measures;

/// How a KPI turns its observations into one number.
internal enum Aggregate
{
    /// The median (p50) of the values, with the p90 beside it.
    Median,
    /// The share of observations that meet the norm (values 1 or 0), in percent.
    Share,
    /// The mean of the values.
    Mean,
    /// Observations per 1,000 of another count (complaints per 1,000 cases received).
    PerThousand,
}

/// What a measured object is, for the drill-down's links.
internal enum Measured { Case, Contact, Ticket, Appointment, Advice, Complaint, Survey }

/// One thing a KPI counts: the object, the day that places it in a period (Brussels time), its
/// value, and the dimensions a figure can be filtered on (null when the object does not have it).
internal readonly record struct Observation(Measured Kind, string Id, DateOnly On, double Value, string? Service, string? CaseType, string? Unit, string? Channel);

/// What the observers need besides the facts: each case type's service and internal norm, each
/// service's unit, and the one calendar's working days.
internal sealed class MeasureContext(IReadOnlyDictionary<string, (string Service, int InternalNormDays)> caseTypes, IReadOnlyDictionary<string, string> serviceUnits, WorkingCalendar calendar)
{
    /// Only the days of this window are observed (the period and the one before it): the observers
    /// skip older and newer objects before looking anything up.
    public DateOnly From { get; private init; } = DateOnly.MinValue;
    public DateOnly To { get; private init; } = DateOnly.MaxValue;

    public MeasureContext Within(DateOnly from, DateOnly to) => new(caseTypes, serviceUnits, calendar) { From = from, To = to };

    public bool In(DateOnly? day) => day is { } d && d >= From && d <= To;

    public string? ServiceOf(string? caseType) => caseType is not null && caseTypes.TryGetValue(caseType, out var t) ? t.Service : null;
    public int InternalNorm(string? caseType) => caseType is not null && caseTypes.TryGetValue(caseType, out var t) ? t.InternalNormDays : 0;
    public string? UnitOf(string? service) => service is not null && serviceUnits.TryGetValue(service, out var u) ? u : null;

    /// Working days between two days, as WorkingCalendar.WorkingDaysBetween counts them, from a
    /// running count of working days per day kept per calendar (one array over 1990–2109).
    public int WorkingDays(DateOnly from, DateOnly to)
    {
        var counts = RunningCounts.GetValue(calendar, Count);
        int At(DateOnly d) => counts[Math.Clamp(d.DayNumber - First.DayNumber, 0, counts.Length - 1)];
        return At(to) - At(from);
    }

    private static readonly DateOnly First = new(1990, 1, 1);
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<WorkingCalendar, int[]> RunningCounts = new();

    /// counts[i] = the working days from First (excluded) to First + i (included).
    private static int[] Count(WorkingCalendar calendar)
    {
        var counts = new int[new DateOnly(2110, 1, 1).DayNumber - First.DayNumber];
        for (var i = 1; i < counts.Length; i++) counts[i] = counts[i - 1] + (calendar.IsWorkingDay(First.AddDays(i)) ? 1 : 0);
        return counts;
    }
}

/// A key performance indicator: its code (kebab-case, the key of its texts `measures.kpi.{code}.*`),
/// its stage, how it aggregates, the unit of its number, whether lower is better, the dimensions its
/// objects carry, and how it observes the facts. Every figure on the dashboard is one of these; the
/// definitions page prints them.
internal sealed record Kpi(string Code, string Stage, Aggregate Aggregate, string Unit, bool LowerIsBetter, string[] Dimensions,
    Func<MeasureFacts, MeasureContext, IEnumerable<Observation>> Observe,
    Func<MeasureFacts, MeasureContext, IEnumerable<Observation>>? Denominator = null)
{
    public const string Days = "days", WorkingDays = "working-days", Percent = "percent", Minutes = "minutes", Score = "score", PerThousandCases = "per-thousand";
    private static readonly string[] CaseDimensions = ["service", "caseType", "unit", "channel"];
    private static readonly string[] ContactDimensions = ["service", "unit", "channel"];
    private static readonly string[] CounterDimensions = ["service", "unit"];

    public static readonly IReadOnlyList<Kpi> All =
    [
        new("lead-time", "deliver", Aggregate.Median, Days, true, CaseDimensions,
            (f, x) => Closed(f, x).Select(o => o.Obs with { Value = o.Closed.DayNumber - o.Received.DayNumber })),
        new("lead-time-working", "deliver", Aggregate.Median, WorkingDays, true, CaseDimensions,
            (f, x) => Closed(f, x).Select(o => o.Obs with { Value = x.WorkingDays(o.Received, o.Closed) })),
        new("statutory-norm-met", "deliver", Aggregate.Share, Percent, false, CaseDimensions,
            (f, x) => Closed(f, x).Where(o => o.Case.DueOn is not null).Select(o => o.Obs with { Value = o.Closed <= o.Case.DueOn ? 1 : 0 })),
        new("internal-norm-met", "deliver", Aggregate.Share, Percent, false, CaseDimensions,
            (f, x) => Closed(f, x).Where(o => x.InternalNorm(o.Case.CaseType) > 0)
                .Select(o => o.Obs with { Value = x.WorkingDays(o.Received, o.Closed) <= x.InternalNorm(o.Case.CaseType) ? 1 : 0 })),
        new("time-suspended", "deliver", Aggregate.Mean, Days, true, CaseDimensions,
            (f, x) => Closed(f, x).Select(o => o.Obs with { Value = o.Case.SuspendedDays })),
        new("advice-kept", "deliver", Aggregate.Share, Percent, false, ["service", "caseType", "unit"],
            (f, x) => f.Advice.Values.Where(a => x.In(a.Given)).Select(a =>
            {
                var c = a.Case is not null ? f.Cases.GetValueOrDefault(a.Case) : null;
                return new Observation(Measured.Advice, a.Case ?? a.Id, a.Given!.Value, a.Kept ? 1 : 0, x.ServiceOf(c?.CaseType), c?.CaseType, a.AskedUnit, null);
            })),
        new("first-contact-resolution", "welcome", Aggregate.Share, Percent, false, ContactDimensions,
            (f, x) => Contacts(f, x).Where(o => o.Contact.Responded is not null).Select(o => o.Obs with { Value = o.Contact.Outcome == "answered" ? 1 : 0 })),
        new("response-time", "welcome", Aggregate.Median, WorkingDays, true, ContactDimensions,
            (f, x) => Contacts(f, x).Where(o => o.Contact.Responded is not null).Select(o => o.Obs with
            {
                Value = o.Contact.ResponseWorkingDays ?? x.WorkingDays(o.Obs.On, o.Contact.Responded!.Value),
            })),
        new("response-on-time", "welcome", Aggregate.Share, Percent, false, ContactDimensions,
            (f, x) => Contacts(f, x).Where(o => o.Contact.Responded is not null && o.Contact.RespondBy is not null)
                .Select(o => o.Obs with { Value = o.Contact.Responded!.Value <= o.Contact.RespondBy ? 1 : 0 })),
        new("counter-waiting-time", "welcome", Aggregate.Median, Minutes, true, CounterDimensions,
            (f, x) => f.Tickets.Values.Where(t => x.In(t.Called) && t.WaitedSeconds is not null).Select(t =>
                new Observation(Measured.Ticket, t.Id, t.Called!.Value, Math.Round(t.WaitedSeconds!.Value / 60.0, 1), t.Service, null, x.UnitOf(t.Service), "counter"))),
        new("no-shows", "welcome", Aggregate.Share, Percent, true, CounterDimensions,
            (f, x) => f.Appointments.Values.Where(a => a.Start is not null && !a.Cancelled && (a.CheckedIn || a.Missed) && x.In(BrusselsTime.LocalDate(a.Start.Value))).Select(a =>
                new Observation(Measured.Appointment, a.Id, BrusselsTime.LocalDate(a.Start!.Value), a.Missed && !a.CheckedIn ? 1 : 0, a.Service, null, x.UnitOf(a.Service), "counter"))),
        new("complaints-per-thousand-cases", "follow", Aggregate.PerThousand, PerThousandCases, true, ["service", "caseType", "unit"],
            (f, x) => f.Complaints.Values.Where(c => x.In(c.Received)).Select(c =>
            {
                var caseType = c.Case is not null ? f.Cases.GetValueOrDefault(c.Case)?.CaseType : null;
                return new Observation(Measured.Complaint, c.Id, c.Received!.Value, 1, c.Service ?? x.ServiceOf(caseType), caseType, c.Unit, c.Channel);
            }),
            (f, x) => f.Cases.Values.Where(c => x.In(c.Received)).Select(c => CaseObservation(f, x, c, c.Received!.Value))),
        new("complaint-deadlines-met", "follow", Aggregate.Share, Percent, false, ContactDimensions,
            (f, x) => f.Complaints.Values.Where(c => x.In(c.Answered)).Select(c =>
                new Observation(Measured.Complaint, c.Id, c.Answered!.Value, c.AnsweredLate || c.AcknowledgedLate ? 0 : 1, c.Service, null, c.Unit, c.Channel))),
        new("satisfaction-score", "follow", Aggregate.Mean, Score, false, CaseDimensions,
            (f, x) => f.Surveys.Values.Where(s => x.In(s.Answered) && s.Score is not null).Select(s => Survey(f, x, s, s.Answered!.Value, s.Score!.Value))),
        new("survey-response-rate", "follow", Aggregate.Share, Percent, false, CaseDimensions,
            (f, x) => f.Surveys.Values.Where(s => x.In(s.Requested)).Select(s => Survey(f, x, s, s.Requested!.Value, s.Answered is null ? 0 : 1))),
    ];

    public static Kpi? Find(string? code) => All.FirstOrDefault(k => k.Code == code);

    private static Observation CaseObservation(MeasureFacts f, MeasureContext x, CaseFacts c, DateOnly on)
    {
        var channel = c.Contact is not null && f.Contacts.TryGetValue(c.Contact, out var contact) ? contact.Channel : null;
        return new Observation(Measured.Case, c.Id, on, 0, x.ServiceOf(c.CaseType), c.CaseType, c.Unit, channel);
    }

    /// The closed cases with their received and closing days (Brussels time), placed by the closing day.
    private static IEnumerable<(Observation Obs, CaseFacts Case, DateOnly Received, DateOnly Closed)> Closed(MeasureFacts f, MeasureContext x)
    {
        foreach (var c in f.Cases.Values)
        {
            if (!x.In(c.Closed) || c.Closed is not { } closed || c.Received is not { } received) continue;
            yield return (CaseObservation(f, x, c, closed), c, received, closed);
        }
    }

    /// The contacts received, placed by the day they were received.
    private static IEnumerable<(Observation Obs, ContactFacts Contact)> Contacts(MeasureFacts f, MeasureContext x)
    {
        foreach (var c in f.Contacts.Values)
            if (x.In(c.Received))
                yield return (new Observation(Measured.Contact, c.Id, c.Received!.Value, 0, c.Service, null, c.Unit, c.Channel), c);
    }

    private static Observation Survey(MeasureFacts f, MeasureContext x, SurveyFacts s, DateOnly on, double value)
    {
        // A survey's own channel says what asked it (a case, a counter visit, a complaint): a counter
        // visit is the counter channel; a case's survey has the channel of the contact the case came from.
        var c = s.Case is not null ? f.Cases.GetValueOrDefault(s.Case) : null;
        var channel = s.Channel == "counter" ? "counter" : c?.Contact is not null ? f.Contacts.GetValueOrDefault(c.Contact)?.Channel : null;
        return new Observation(Measured.Survey, s.Id, on, value, s.Service ?? x.ServiceOf(c?.CaseType), c?.CaseType, s.Unit ?? x.UnitOf(s.Service), channel);
    }
}
