using Guichet.Orient.Catalogue;
using Guichet.Welcome.Contacts;

namespace Guichet.Follow.Complaints;

/// One line of a count: a channel, a category, a unit or an outcome, with its name in the reader's language.
internal sealed record ComplaintCount(string Key, string Name, int Count);

/// How a deadline was kept over the year: the complaints whose deadline has come (the step taken,
/// or the day passed without it), those that kept it, the share, and the median number of
/// calendar days from receipt to the step among those where it was taken.
internal sealed record DeadlineFigures(int Due, int Met, double? Share, double? MedianDays);

/// The yearly complaint report a federal organisation must produce (circular of 14 March 2013),
/// over the complaints received in the year that the reader may see.
internal sealed record ComplaintYearReport(int Year, int Total, IReadOnlyList<ComplaintCount> ByChannel, IReadOnlyList<ComplaintCount> ByCategory,
    IReadOnlyList<ComplaintCount> ByUnit, IReadOnlyList<ComplaintCount> ByOutcome, int Answered, int Founded, int PartlyFounded, int Unfounded, double? FoundedShare,
    DeadlineFigures Acknowledgement, DeadlineFigures Answer);

/// Computes the yearly report: counts by channel, category, unit and outcome, the founded share
/// (founded or partly founded among the answered), the acknowledgement and answer deadlines kept.
/// Unit scope applies: unit staff count only their units' complaints.
internal sealed class ComplaintReport(GuichetDb db, CatalogueDirectory catalogue, Texts texts, TimeProvider time)
{
    public const int FirstYear = 2000;

    public int ThisYear => BrusselsTime.LocalDate(time.GetUtcNow()).Year;

    /// The year asked for (this year when none), or what is wrong with it.
    public Result<string> ReadYear(string? year, out int value)
    {
        value = ThisYear;
        if (string.IsNullOrWhiteSpace(year)) return "";
        if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out value))
            return Result<string>.Invalid("year", "invalid-year", "A year, such as 2026.");
        if (value < FirstYear || value > ThisYear) return Result<string>.Invalid("year", "year-out-of-range", $"A year from {FirstYear} to {ThisYear}.");
        return "";
    }

    public async Task<ComplaintYearReport> ForYearAsync(ClaimsPrincipal user, int year, string language, CancellationToken ct)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var rows = await ComplaintScope.Of(user).Apply(db.Set<Complaint>().AsNoTracking())
            .Where(c => c.ReceivedOn >= from && c.ReceivedOn <= to)
            .Select(c => new { c.Channel, c.Category, c.UnitId, c.Outcome, c.ReceivedOn, c.AcknowledgeBy, c.AcknowledgedOn, c.AnswerBy, c.AnsweredOn })
            .ToListAsync(ct);
        var today = BrusselsTime.LocalDate(time.GetUtcNow());

        var channels = rows.GroupBy(r => r.Channel).Select(g => new ComplaintCount(EnumCodes.Code(g.Key), texts["contacts.channel." + EnumCodes.Code(g.Key)], g.Count()));
        var categories = rows.GroupBy(r => r.Category).Select(g => new ComplaintCount(g.Key,
            texts.Has("complaints.category." + g.Key) ? texts["complaints.category." + g.Key] : g.Key, g.Count()));
        var unitNames = (await catalogue.UnitsAsync(rows.Where(r => r.UnitId is not null).Select(r => r.UnitId!.Value).Distinct(), ct))
            .ToDictionary(u => u.Id, u => u.Name.Resolve(language, "fr").Text);
        var units = rows.GroupBy(r => r.UnitId).Select(g => new ComplaintCount(g.Key?.ToString() ?? "none",
            g.Key is { } u ? unitNames.GetValueOrDefault(u, u.ToString()) : texts["complaints.report.no-unit"], g.Count()));
        var outcomes = rows.GroupBy(r => r.Outcome).Select(g => new ComplaintCount(g.Key is { } o ? EnumCodes.Code(o) : "open",
            g.Key is { } oc ? texts["complaints.outcome." + EnumCodes.Code(oc)] : texts["complaints.report.open"], g.Count()));

        var answered = rows.Count(r => r.Outcome is not null);
        var founded = rows.Count(r => r.Outcome == ComplaintOutcome.Founded);
        var partly = rows.Count(r => r.Outcome == ComplaintOutcome.PartlyFounded);
        var unfounded = rows.Count(r => r.Outcome == ComplaintOutcome.Unfounded);
        return new ComplaintYearReport(year, rows.Count,
            Ordered(channels), Ordered(categories), Ordered(units), Ordered(outcomes),
            answered, founded, partly, unfounded, Share(founded + partly, answered),
            Deadline(rows.Select(r => (r.ReceivedOn, r.AcknowledgeBy, r.AcknowledgedOn)), today),
            Deadline(rows.Select(r => (r.ReceivedOn, r.AnswerBy, r.AnsweredOn)), today));
    }

    private static List<ComplaintCount> Ordered(IEnumerable<ComplaintCount> counts) =>
        [.. counts.OrderByDescending(c => c.Count).ThenBy(c => c.Name, StringComparer.CurrentCulture)];

    private static double? Share(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);

    /// A deadline is due once its step was taken or its day has passed; kept when the step was taken on or before it.
    private static DeadlineFigures Deadline(IEnumerable<(DateOnly Received, DateOnly By, DateOnly? Done)> complaints, DateOnly today)
    {
        var list = complaints.ToList();
        var due = list.Where(c => c.Done is not null || c.By < today).ToList();
        var met = due.Count(c => c.Done is { } d && d <= c.By);
        var days = list.Where(c => c.Done is not null).Select(c => (double)(c.Done!.Value.DayNumber - c.Received.DayNumber)).Order().ToList();
        double? median = days.Count == 0 ? null : days.Count % 2 == 1 ? days[days.Count / 2] : (days[days.Count / 2 - 1] + days[days.Count / 2]) / 2;
        return new DeadlineFigures(due.Count, met, Share(met, due.Count), median);
    }

    /// The report as CSV (RFC 4180, CsvText): one line per figure — measure, key, label, value.
    public static string Csv(ComplaintYearReport r)
    {
        var b = new System.Text.StringBuilder();
        void Line(string measure, string key, string label, string value) => b.Append(CsvText.Row([measure, key, label, value])).Append("\r\n");
        static string N(double? d) => d?.ToString(CultureInfo.InvariantCulture) ?? "";
        Line("measure", "key", "label", "value");
        Line("year", "", "", r.Year.ToString(CultureInfo.InvariantCulture));
        Line("total", "", "", r.Total.ToString(CultureInfo.InvariantCulture));
        foreach (var (measure, counts) in new[] { ("channel", r.ByChannel), ("category", r.ByCategory), ("unit", r.ByUnit), ("outcome", r.ByOutcome) })
            foreach (var c in counts) Line(measure, c.Key, c.Name, c.Count.ToString(CultureInfo.InvariantCulture));
        Line("answered", "", "", r.Answered.ToString(CultureInfo.InvariantCulture));
        Line("founded-share", "", "", N(r.FoundedShare));
        foreach (var (name, d) in new[] { ("acknowledgement", r.Acknowledgement), ("answer", r.Answer) })
        {
            Line(name + "-due", "", "", d.Due.ToString(CultureInfo.InvariantCulture));
            Line(name + "-met", "", "", d.Met.ToString(CultureInfo.InvariantCulture));
            Line(name + "-met-share", "", "", N(d.Share));
            Line(name + "-median-days", "", "", N(d.MedianDays));
        }
        return b.ToString();
    }
}
