using Guichet.Improve.Measures;

namespace Guichet.Improve.Proposals;

/// What the before/after comparison of a done proposal says: the after window is not over yet,
/// too few observations to tell, the KPI moved the right way or the wrong way beyond chance, or no
/// clear change.
internal enum EffectVerdict { Measuring, NotEnoughData, Improved, NoClearChange, Worsened }

/// The effect of a done proposal on its KPI: the same number of days before and after the day the
/// change was done (that day itself in neither), the figure and observation count of each window,
/// the change, the significance test used and its two-sided p-value, the verdict and whether the
/// after figure meets the target.
internal sealed record ProposalEffect(
    DateOnly BeforeFrom, DateOnly BeforeTo, DateOnly AfterFrom, DateOnly AfterTo, bool Complete,
    Figure Before, Figure After, double? Change, string Test, double? PValue, EffectVerdict Verdict, bool? TargetMet)
{
    /// Below this p-value a change is taken as real (two-sided, 5 %).
    public const double Level = 0.05;

    /// Fewer observations than this in either window: not enough to tell.
    public const int MinObservations = 5;

    /// The two windows of a change done on <paramref name="doneOn"/>.
    public static (DateOnly From, DateOnly To) BeforeWindow(DateOnly doneOn, int days) => (doneOn.AddDays(-days), doneOn.AddDays(-1));
    public static (DateOnly From, DateOnly To) AfterWindow(DateOnly doneOn, int days) => (doneOn.AddDays(1), doneOn.AddDays(days));

    public static ProposalEffect Of(Kpi kpi, double target, Sample before, Sample after, DateOnly today)
    {
        var complete = after.Window.To < today;
        var test = TestOf(kpi.Aggregate);
        double? change = before.Figure.Value is { } b && after.Figure.Value is { } a ? Math.Round(a - b, 2) : null;
        bool? targetMet = after.Figure.Value is { } value ? (kpi.LowerIsBetter ? value <= target : value >= target) : null;
        double? p = null;
        EffectVerdict verdict;
        if (!complete) verdict = EffectVerdict.Measuring;
        else if (!Enough(kpi, before) || !Enough(kpi, after)) verdict = EffectVerdict.NotEnoughData;
        else
        {
            p = kpi.Aggregate switch
            {
                Aggregate.Share => Significance.TwoProportions(before.Values, after.Values),
                Aggregate.PerThousand => Significance.TwoRates(before.Values.Length, before.Denominator!.Value, after.Values.Length, after.Denominator!.Value),
                _ => Significance.MannWhitney(before.Values, after.Values),
            };
            var better = change is { } c && c != 0 && (c < 0) == kpi.LowerIsBetter;
            verdict = p < Level && change is not null and not 0 ? (better ? EffectVerdict.Improved : EffectVerdict.Worsened) : EffectVerdict.NoClearChange;
            p = Math.Round(p.Value, 4);
        }
        return new ProposalEffect(before.Window.From, before.Window.To, after.Window.From, after.Window.To, complete,
            before.Figure, after.Figure, change, test, p, verdict, complete ? targetMet : null);
    }

    /// The test each kind of figure is compared with: ranks for durations, scores and means
    /// (Mann-Whitney U), two proportions for shares, two Poisson rates for a rate per 1,000.
    public static string TestOf(Aggregate aggregate) => aggregate switch
    {
        Aggregate.Share => "two-proportions",
        Aggregate.PerThousand => "two-rates",
        _ => "mann-whitney",
    };

    private static bool Enough(Kpi kpi, Sample s) =>
        kpi.Aggregate == Aggregate.PerThousand ? s.Denominator >= MinObservations : s.Values.Length >= MinObservations;
}

/// Simple significance checks, each two-sided with the normal approximation (enough for the
/// windows of weeks a proposal is measured over; a handful of observations is "not enough data").
internal static class Significance
{
    /// Mann-Whitney U with mid-ranks for ties, the tie correction and a continuity correction.
    public static double MannWhitney(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        int n1 = x.Count, n2 = y.Count, n = n1 + n2;
        var all = x.Select(v => (v, first: true)).Concat(y.Select(v => (v, first: false))).OrderBy(p => p.v).ToArray();
        double rankSum = 0, ties = 0;
        for (var i = 0; i < n;)
        {
            var j = i;
            while (j + 1 < n && all[j + 1].v == all[i].v) j++;
            var rank = (i + j) / 2.0 + 1;
            var t = j - i + 1;
            ties += (double)t * t * t - t;
            for (var k = i; k <= j; k++) if (all[k].first) rankSum += rank;
            i = j + 1;
        }
        var u = rankSum - n1 * (n1 + 1) / 2.0;
        var mean = n1 * (double)n2 / 2;
        var variance = n1 * (double)n2 / 12 * (n + 1 - ties / ((double)n * (n - 1)));
        if (variance <= 0) return 1;
        var z = Math.Max(0, Math.Abs(u - mean) - 0.5) / Math.Sqrt(variance);
        return TwoSided(z);
    }

    /// Two proportions of 1s among 0/1 values, pooled.
    public static double TwoProportions(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        double n1 = x.Count, n2 = y.Count, k1 = x.Sum(), k2 = y.Sum();
        var pooled = (k1 + k2) / (n1 + n2);
        var se = Math.Sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
        return se <= 0 ? 1 : TwoSided(Math.Abs(k1 / n1 - k2 / n2) / se);
    }

    /// Two Poisson rates (k events over n exposures each): given k1 + k2 events, k1 is binomial with
    /// the share n1 / (n1 + n2) when the rates are equal.
    public static double TwoRates(int k1, int n1, int k2, int n2)
    {
        var k = k1 + k2;
        if (k == 0) return 1;
        var share = n1 / (double)(n1 + n2);
        var sd = Math.Sqrt(k * share * (1 - share));
        return sd <= 0 ? 1 : TwoSided(Math.Max(0, Math.Abs(k1 - k * share) - 0.5) / sd);
    }

    /// P(|Z| ≥ z) for a standard normal Z.
    public static double TwoSided(double z) => Math.Clamp(Erfc(z / Math.Sqrt(2)), 0, 1);

    /// The complementary error function (Numerical Recipes' erfcc, relative error below 1.2e-7).
    private static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1 / (1 + 0.5 * z);
        var r = t * Math.Exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807
            + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}
