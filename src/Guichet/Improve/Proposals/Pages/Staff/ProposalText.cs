using Guichet.Improve.Measures;

namespace Guichet.Improve.Proposals.Pages.Staff;

/// How the proposal pages write statuses, KPIs and their numbers in the reader's language (KPI
/// names and units are the measurements' own texts).
internal static class ProposalText
{
    public static string Status(Texts t, ProposalStatus status) => t["proposals.status." + EnumCodes.Code(status)];

    public static string Verdict(Texts t, EffectVerdict verdict) => t["proposals.verdict." + EnumCodes.Code(verdict)];

    public static string KpiName(Texts t, string code) => t[$"measures.kpi.{code}.name"];

    public static string Value(Texts t, Kpi kpi, double? value) =>
        value is not { } v ? "—" : t["measures.unit." + kpi.Unit, v.ToString("0.##", CultureInfo.CurrentCulture)];

    public static string Activity(Texts t, string? code) => code is null ? t["proposals.whole-process"] : t.Has("activity." + code) ? t["activity." + code] : code;

    public static string Day(DateOnly? day) => day?.ToString("d MMMM yyyy", CultureInfo.CurrentCulture) ?? "—";

    public static string Number(double? value) => value?.ToString("0.####", CultureInfo.CurrentCulture) ?? "—";
}
