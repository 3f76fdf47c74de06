using Guichet.Improve.Mining;

namespace Guichet.Improve.Processes;

/// How a step of the declared process is followed by the cases: how many went through it, how many
/// skipped it (a required step), did it more than once, or did it out of the declared order; the
/// share of cases deviating on it; its time in working days from the step before, against its norm.
/// A step whose activity is not about a case (an orientation or a counter visit) is not measured
/// per case (Measured false) and counts for no deviation.
internal sealed record StepConformance(int Position, string Activity, bool Optional, bool Measured, int Present, int Skipped, int Repeated, int OutOfOrder,
    double DeviatingShare, double? MedianWorkingDays, double? P90WorkingDays, int NormDays, int OverNorm, double OverNormShare);

/// One case against the declared process: it fits when it skipped no required step, repeated none
/// and did them in order. Steps by their activity codes.
internal sealed record CaseConformance(string Case, bool Fits, IReadOnlyList<string> Skipped, IReadOnlyList<string> Repeated, IReadOnlyList<string> OutOfOrder);

/// The conformance of a selection of cases: the share that fits, each step's figures, and the
/// cases themselves (deviating ones first, at most Limit of them; Total says how many there are).
internal sealed record ConformanceReport(int Cases, int Fitting, double FitShare, IReadOnlyList<StepConformance> Steps, IReadOnlyList<CaseConformance> CaseList, int Limit)
{
    public static ConformanceReport Empty(IReadOnlyList<ProcessStep> steps, Func<string, bool> measured) =>
        new(0, 0, 0, [.. steps.Select((s, i) => new StepConformance(i + 1, s.Activity, s.Optional, measured(s.Activity), 0, 0, 0, 0, 0, null, null, s.NormDays, 0, 0))], [], 0);
}

/// Token-free conformance checking of a log against a declared sequence of steps: each case's
/// events are reduced to the first occurrence of each declared activity (other activities are
/// ignored); the steps in the longest run that keeps the declared order are in order, the others
/// out of order. Durations go from the previous declared step present (the case's first event for
/// the first) to the step, in working days of the calendar, dates taken in Brussels time.
internal static class Conformance
{
    public static ConformanceReport Check(MiningLog log, IReadOnlyList<ProcessStep> steps, Func<string, bool> measured, WorkingCalendar calendar, int limit)
    {
        var n = steps.Count;
        var stepOf = new int[log.Activities.Count];
        Array.Fill(stepOf, -1);
        var isMeasured = steps.Select(s => measured(s.Activity)).ToArray();
        for (var a = 0; a < log.Activities.Count; a++)
            for (var s = 0; s < n; s++)
                if (isMeasured[s] && steps[s].Activity == log.Activities[a]) stepOf[a] = s;

        int[] present = new int[n], skipped = new int[n], repeated = new int[n], outOfOrder = new int[n], deviating = new int[n], overNorm = new int[n];
        var durations = Enumerable.Range(0, n).Select(_ => new List<double>()).ToArray();
        var cases = new List<CaseConformance>();
        var fitting = 0;
        var first = new int[n];
        var count = new int[n];

        for (var c = 0; c < log.CaseCount; c++)
        {
            Array.Fill(first, -1);
            Array.Clear(count);
            int start = log.CaseStart[c], end = log.CaseStart[c + 1];
            for (var i = start; i < end; i++)
            {
                var s = stepOf[log.Activity[i]];
                if (s < 0) continue;
                if (count[s]++ == 0) first[s] = i;
            }
            // The steps present, by when they first happened; those outside the longest run in
            // declared order are out of order.
            var order = Enumerable.Range(0, n).Where(s => first[s] >= 0).OrderBy(s => first[s]).ToList();
            var inOrder = LongestIncreasing(order);
            var caseSkipped = new List<string>();
            var caseRepeated = new List<string>();
            var caseOutOfOrder = new List<string>();
            for (var s = 0; s < n; s++)
            {
                if (!isMeasured[s]) continue;
                var bad = false;
                if (first[s] < 0)
                {
                    if (!steps[s].Optional) { skipped[s]++; deviating[s]++; caseSkipped.Add(steps[s].Activity); }
                    continue;
                }
                present[s]++;
                if (count[s] > 1) { repeated[s]++; caseRepeated.Add(steps[s].Activity); bad = true; }
                if (!inOrder.Contains(s)) { outOfOrder[s]++; caseOutOfOrder.Add(steps[s].Activity); bad = true; }
                if (bad) deviating[s]++;
            }

            // Time of each step present, from the previous declared step present (declared order).
            var previous = log.Time[start];
            for (var s = 0; s < n; s++)
            {
                if (first[s] < 0) continue;
                var at = log.Time[first[s]];
                var days = Math.Max(0, calendar.WorkingDaysBetween(LocalDate(previous), LocalDate(at)));
                durations[s].Add(days);
                if (days > steps[s].NormDays) overNorm[s]++;
                if (at > previous) previous = at;
            }

            var fits = caseSkipped.Count == 0 && caseRepeated.Count == 0 && caseOutOfOrder.Count == 0;
            if (fits) fitting++;
            cases.Add(new CaseConformance(log.CaseIds[c], fits, caseSkipped, caseRepeated, caseOutOfOrder));
        }

        var total = log.CaseCount;
        double Share(int k, int of) => of == 0 ? 0 : Math.Round(100.0 * k / of, 1);
        var stepFigures = steps.Select((step, s) =>
        {
            durations[s].Sort();
            return new StepConformance(s + 1, step.Activity, step.Optional, isMeasured[s], present[s], skipped[s], repeated[s], outOfOrder[s],
                Share(deviating[s], total), Percentile(durations[s], 0.5), Percentile(durations[s], 0.9), step.NormDays, overNorm[s], Share(overNorm[s], present[s]));
        }).ToList();
        var list = cases.OrderBy(c => c.Fits).ThenBy(c => c.Case, StringComparer.Ordinal).Take(limit).ToList();
        return new ConformanceReport(total, fitting, Share(fitting, total), stepFigures, list, limit);
    }

    private static DateOnly LocalDate(long utcTicks) => BrusselsTime.LocalDate(new DateTimeOffset(utcTicks, TimeSpan.Zero));

    private static double? Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? null : Math.Round(Mining.ProcessMining.Percentile(sorted.ToArray(), p), 1);

    /// The elements of the longest strictly increasing subsequence (patience sorting).
    internal static HashSet<int> LongestIncreasing(IReadOnlyList<int> sequence)
    {
        var tails = new List<int>();      // indexes into sequence
        var parent = new int[sequence.Count];
        for (var i = 0; i < sequence.Count; i++)
        {
            int lo = 0, hi = tails.Count;
            while (lo < hi)
            {
                var mid = (lo + hi) / 2;
                if (sequence[tails[mid]] < sequence[i]) lo = mid + 1; else hi = mid;
            }
            parent[i] = lo > 0 ? tails[lo - 1] : -1;
            if (lo == tails.Count) tails.Add(i); else tails[lo] = i;
        }
        var result = new HashSet<int>();
        for (var i = tails.Count > 0 ? tails[^1] : -1; i >= 0; i = parent[i]) result.Add(sequence[i]);
        return result;
    }
}
