using Guichet.Orient.Catalogue;

namespace Guichet.Follow.Satisfaction;

internal enum ResultsBy { Service, Unit, Channel }

/// One line of the results: a service, a unit or a channel (or all of them), over a period.
internal sealed record SurveyResultRow(string Key, string Name, int Requested, int Answered, double? ResponseRate, double? MeanScore,
    int[] Scores, int GotYes, int GotPartly, int GotNo);

internal sealed record ResultsQuery(DateOnly From, DateOnly To, ResultsBy By);

internal sealed record SurveyReport(DateOnly From, DateOnly To, string By, IReadOnlyList<SurveyResultRow> Rows, SurveyResultRow Total);

/// An unhappy answer with its comment, for those who may turn it into a complaint.
internal sealed record UnhappyAnswer(Guid Id, string Channel, string? Number, Guid? ServiceId, Guid? UnitId, int Score, string GotWhatNeeded, string Comment,
    DateTimeOffset AnsweredAt, Guid? ComplaintId);

/// The results the improvement loop and managers read: per service, unit or channel over a period
/// of request dates (Brussels), the score distribution, the mean and the response rate.
internal sealed class SurveyResults(GuichetDb db, CatalogueDirectory catalogue, EventLog eventLog, TimeProvider time)
{
    public const int MaxDays = 3660;

    public DateOnly Today => BrusselsTime.LocalDate(time.GetUtcNow());

    /// The period and grouping asked for, or what is wrong with them.
    public Result<ResultsQuery> Read(DateOnly? from, DateOnly? to, string? by)
    {
        var errors = new List<InvalidParam>();
        var grouping = string.IsNullOrEmpty(by) ? ResultsBy.Service : EnumCodes.Read<ResultsBy>(by, "by", errors);
        var end = to ?? Today;
        var start = from ?? end.AddDays(-89);
        if (start > end) errors.Add(new("from", "period-reversed", "The start of the period is after its end."));
        else if (end.DayNumber - start.DayNumber > MaxDays) errors.Add(new("from", "period-too-long", $"At most {MaxDays} days."));
        if (errors.Count > 0) return Result<ResultsQuery>.Invalid(errors);
        return new ResultsQuery(start, end, grouping!.Value);
    }

    public async Task<SurveyReport> ReportAsync(DateOnly from, DateOnly to, ResultsBy by, string language, CancellationToken ct)
    {
        var (start, end) = Range(from, to);
        var rows = await db.Set<Survey>().AsNoTracking().Where(s => s.RequestedAt >= start && s.RequestedAt < end)
            .Select(s => new { s.Channel, s.ServiceId, s.UnitId, s.Score, s.GotWhatNeeded }).ToListAsync(ct);
        var names = by switch
        {
            ResultsBy.Service => (await catalogue.ServicesAsync(rows.Where(r => r.ServiceId is not null).Select(r => r.ServiceId!.Value).Distinct(), ct))
                .ToDictionary(s => s.Id.ToString(), s => s.Name.Resolve(language, "fr").Text),
            ResultsBy.Unit => (await catalogue.UnitsAsync(rows.Where(r => r.UnitId is not null).Select(r => r.UnitId!.Value).Distinct(), ct))
                .ToDictionary(u => u.Id.ToString(), u => u.Name.Resolve(language, "fr").Text),
            _ => new Dictionary<string, string>(),
        };
        string KeyOf(Guid? id) => id?.ToString() ?? "none";
        var groups = rows.GroupBy(r => by switch
        {
            ResultsBy.Service => KeyOf(r.ServiceId),
            ResultsBy.Unit => KeyOf(r.UnitId),
            _ => EnumCodes.Code(r.Channel),
        });
        var lines = groups.Select(g => Row(g.Key, names.GetValueOrDefault(g.Key) ?? g.Key, g.Select(r => (r.Score, r.GotWhatNeeded))))
            .OrderBy(r => r.Name, StringComparer.CurrentCulture).ToList();
        return new SurveyReport(from, to, EnumCodes.Code(by), lines, Row("all", "", rows.Select(r => (r.Score, r.GotWhatNeeded))));
    }

    private static SurveyResultRow Row(string key, string name, IEnumerable<(int? Score, GotWhatNeeded? Got)> surveys)
    {
        var list = surveys.ToList();
        var answered = list.Where(s => s.Score is not null).ToList();
        var scores = new int[5];
        foreach (var s in answered) scores[s.Score!.Value - 1]++;
        return new SurveyResultRow(key, name, list.Count, answered.Count,
            list.Count == 0 ? null : Math.Round((double)answered.Count / list.Count, 4),
            answered.Count == 0 ? null : Math.Round(answered.Average(s => s.Score!.Value), 2),
            scores, answered.Count(s => s.Got == GotWhatNeeded.Yes), answered.Count(s => s.Got == GotWhatNeeded.Partly), answered.Count(s => s.Got == GotWhatNeeded.No));
    }

    private static (DateTimeOffset Start, DateTimeOffset End) Range(DateOnly from, DateOnly to) =>
        (BrusselsTime.ToInstant(from, TimeOnly.MinValue), BrusselsTime.ToInstant(to.AddDays(1), TimeOnly.MinValue));

    /// Unhappy answers (score 1 or 2) with a comment in the period, newest first; the comments may
    /// tell about a person, so reading them is recorded (one access event a page).
    public async Task<List<UnhappyAnswer>> UnhappyAsync(ClaimsPrincipal user, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var (start, end) = Range(from, to);
        var found = await db.Set<Survey>().AsNoTracking()
            .Where(s => s.AnsweredAt != null && s.Score <= 2 && s.Comment != null && s.RequestedAt >= start && s.RequestedAt < end)
            .OrderByDescending(s => s.AnsweredAt).Take(100).ToListAsync(ct);
        var list = found.Select(s => new UnhappyAnswer(s.Id, EnumCodes.Code(s.Channel), s.SourceNumber, s.ServiceId, s.UnitId, s.Score!.Value,
            EnumCodes.Code(s.GotWhatNeeded!.Value), s.Comment!, s.AnsweredAt!.Value, s.ComplaintId)).ToList();
        eventLog.Record(user, FollowActivities.SurveyCommentsViewed, [],
            new Dictionary<string, object?> { ["surveys"] = list.Select(s => s.Id).ToList(), ["count"] = list.Count });
        await db.SaveChangesAsync(ct);
        return list;
    }

    /// The report as CSV (RFC 4180, semicolons are not used: a comma and quotes where needed).
    public static string Csv(SurveyReport r)
    {
        var b = new System.Text.StringBuilder();
        b.Append("group,name,requested,answered,responseRate,meanScore,score1,score2,score3,score4,score5,gotYes,gotPartly,gotNo\r\n");
        foreach (var row in r.Rows.Append(r.Total))
            b.Append(string.Join(',', Quote(row.Key), Quote(row.Name), row.Requested, row.Answered, Number(row.ResponseRate), Number(row.MeanScore),
                string.Join(',', row.Scores), row.GotYes, row.GotPartly, row.GotNo)).Append("\r\n");
        return b.ToString();
    }

    private static string Number(double? d) => d?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static string Quote(string s) => CsvText.Cell(s);
}
