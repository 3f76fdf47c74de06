using System.Text;
using Guichet.Improve.Measures;

namespace Guichet.Improve.Proposals;

internal sealed record StatusChangeResponse(string Status, DateTimeOffset At, string By, string? Note, DateOnly? DoneOn);

/// The KPI before and after a done change: each window, its figure and count, the change, the test,
/// its p-value against the level, the verdict (measuring, notEnoughData, improved, noClearChange,
/// worsened) and whether the target is met.
internal sealed record EffectResponse(PeriodResponse Before, PeriodResponse After, bool Complete, double? BeforeValue, int BeforeCount, double? AfterValue, int AfterCount,
    double? Change, string Test, double? PValue, double Level, string Verdict, bool? TargetMet);

/// An open proposal's KPI over the latest window: what the target is set against.
internal sealed record BaselineResponse(PeriodResponse Period, double? Value, int Count);

internal sealed record ProposalResponse(Guid Id, string Reference, Guid ServiceId, string Service, string? Step, string Title, string Problem, string? Evidence, string Change,
    Guid OwnerUnitId, string OwnerUnit, Guid? OwnerId, string? Owner, string Kpi, string KpiUnit, bool LowerIsBetter, double Target, int WindowDays,
    string Status, IReadOnlyList<string> NextStatuses, DateOnly? DoneOn, IReadOnlyList<StatusChangeResponse> History, DateTimeOffset CreatedAt, string CreatedBy,
    EffectResponse? Effect, BaselineResponse? Baseline);

internal sealed record ReportResponse(int Year, Guid OrganisationId, string Organisation, IReadOnlyDictionary<string, int> ByStatus, IReadOnlyList<ProposalResponse> Proposals);

/// Proposals as the API's JSON and the report as CSV, the same for the API and the pages.
internal static class ProposalExport
{
    public static ProposalResponse From(ProposalView v)
    {
        var p = v.Proposal;
        var c = p.Content;
        return new ProposalResponse(p.Id, p.Reference, p.ServiceId, v.Service, c.Step, c.Title, c.Problem, c.Evidence, c.Change,
            c.OwnerUnitId, v.OwnerUnit, c.OwnerId, v.Owner, c.Kpi, v.Kpi.Unit, v.Kpi.LowerIsBetter, c.Target, c.WindowDays,
            EnumCodes.Code(p.Status), [.. Proposal.Next(p.Status).Select(s => EnumCodes.Code(s))], p.DoneOn,
            [.. p.History.Select(h => new StatusChangeResponse(EnumCodes.Code(h.Status), h.At, h.By, h.Note, h.DoneOn))], p.CreatedAt, p.CreatedBy,
            v.Effect is { } e ? Effect(e) : null,
            v.Baseline is { } b ? new BaselineResponse(new PeriodResponse(b.Window.From, b.Window.To), b.Figure.Value, b.Figure.Count) : null);
    }

    public static EffectResponse Effect(ProposalEffect e) => new(new PeriodResponse(e.BeforeFrom, e.BeforeTo), new PeriodResponse(e.AfterFrom, e.AfterTo), e.Complete,
        e.Before.Value, e.Before.Count, e.After.Value, e.After.Count, e.Change, e.Test, e.PValue, ProposalEffect.Level, EnumCodes.Code(e.Verdict), e.TargetMet);

    public static ReportResponse Report(ProposalReport r) => new(r.Year, r.OrganisationId, r.Organisation,
        r.ByStatus.ToDictionary(s => EnumCodes.Code(s.Key), s => s.Value), [.. r.Proposals.Select(From)]);

    /// The report as CSV: one row per proposal of each organisation, with its effect.
    public static MeasureFile ReportCsv(int year, IEnumerable<ProposalReport> reports)
    {
        var csv = new StringBuilder();
        csv.AppendLine(CsvText.Row(["organisation", "reference", "title", "service", "step", "owner_unit", "kpi", "target", "status", "done_on",
            "before_from", "before_to", "before_value", "before_count", "after_from", "after_to", "after_value", "after_count", "change", "test", "p_value", "verdict", "target_met"]));
        foreach (var r in reports)
            foreach (var v in r.Proposals)
            {
                var e = v.Effect;
                csv.AppendLine(CsvText.Row([r.Organisation, v.Proposal.Reference, v.Proposal.Content.Title, v.Service, v.Proposal.Content.Step ?? "", v.OwnerUnit,
                    v.Proposal.Content.Kpi, N(v.Proposal.Content.Target), EnumCodes.Code(v.Proposal.Status), D(v.Proposal.DoneOn),
                    D(e?.BeforeFrom), D(e?.BeforeTo), N(e?.Before.Value), e is null ? "" : I(e.Before.Count),
                    D(e?.AfterFrom), D(e?.AfterTo), N(e?.After.Value), e is null ? "" : I(e.After.Count),
                    N(e?.Change), e?.Test ?? "", N(e?.PValue), e is null ? "" : EnumCodes.Code(e.Verdict), e?.TargetMet is { } met ? (met ? "yes" : "no") : ""]));
            }
        return new MeasureFile(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8",
            $"improvement-report-{year.ToString(CultureInfo.InvariantCulture)}.csv");
    }

    private static string N(double? v) => v?.ToString("0.####", CultureInfo.InvariantCulture) ?? "";
    private static string I(int v) => v.ToString(CultureInfo.InvariantCulture);
    private static string D(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
