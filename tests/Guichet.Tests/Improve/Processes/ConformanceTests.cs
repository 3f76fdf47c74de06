using Guichet.Improve.Mining;
using Guichet.Improve.Processes;
using Guichet.Platform.Calendar;

namespace Guichet.Tests.Improve.Processes;

/// The conformance checker on logs written by hand: fits, skipped, repeated, out of order, optional
/// steps, steps not tied to a case, and step times in working days against their norms.
public sealed class ConformanceTests
{
    private static readonly ProcessStep[] Declared =
    [
        new("welcome.contact.received", null, 0, false),   // not tied to a case: not measured
        new("deliver.case.opened", null, 0, false),
        new("deliver.case.assigned", null, 2, false),
        new("deliver.case.completed", null, 5, false),
        new("deliver.advice.requested", null, 2, true),
        new("deliver.decision.issued", null, 10, false),
    ];

    /// Monday 5 March 2018, 9:00 in Brussels.
    private static readonly DateTimeOffset Monday = new(2018, 3, 5, 8, 0, 0, TimeSpan.Zero);

    private static ConformanceReport Check(params (string Case, string Activity, int Day)[] events)
    {
        var builder = new MiningLogBuilder();
        foreach (var (c, a, day) in events) builder.Add(c, a, Monday.AddDays(day), null);
        return Conformance.Check(builder.Build(), Declared, ProcessWork.MeasuredPerCase, WorkingCalendar.LegalHolidaysOnly, 100);
    }

    [Fact]
    public void A_case_that_does_every_required_step_once_and_in_order_fits()
    {
        var r = Check(("a", "deliver.case.opened", 0), ("a", "deliver.case.assigned", 1), ("a", "deliver.request.asked", 2),
            ("a", "deliver.case.completed", 3), ("a", "deliver.decision.issued", 10));
        Assert.Equal((1, 1, 100.0), (r.Cases, r.Fitting, r.FitShare));
        var c = Assert.Single(r.CaseList);
        Assert.True(c.Fits);
        Assert.False(r.Steps[0].Measured);
        Assert.Equal(0, r.Steps[4].Skipped); // optional
        // Working days from the step before: assigned Tue (1), completed Thu (2), decided the next
        // Thursday (5 working days), against norms of 2, 5 and 10.
        Assert.Equal([1.0, 2.0, 5.0], new[] { r.Steps[2], r.Steps[3], r.Steps[5] }.Select(s => s.MedianWorkingDays!.Value));
        Assert.All(r.Steps, s => Assert.Equal(0, s.OverNorm));
    }

    [Fact]
    public void Skipped_repeated_and_out_of_order_steps_are_told_per_case_and_per_step()
    {
        var r = Check(
            ("fits", "deliver.case.opened", 0), ("fits", "deliver.case.assigned", 1), ("fits", "deliver.case.completed", 2), ("fits", "deliver.decision.issued", 3),
            ("skips", "deliver.case.opened", 0), ("skips", "deliver.case.completed", 2), ("skips", "deliver.decision.issued", 3),
            ("repeats", "deliver.case.opened", 0), ("repeats", "deliver.case.assigned", 1), ("repeats", "deliver.case.completed", 2), ("repeats", "deliver.case.completed", 3), ("repeats", "deliver.decision.issued", 4),
            ("disorder", "deliver.case.opened", 0), ("disorder", "deliver.case.assigned", 1), ("disorder", "deliver.decision.issued", 2), ("disorder", "deliver.case.completed", 3));

        Assert.Equal((4, 1, 25.0), (r.Cases, r.Fitting, r.FitShare));
        var byCase = r.CaseList.ToDictionary(c => c.Case);
        Assert.Equal(["deliver.case.assigned"], byCase["skips"].Skipped);
        Assert.Equal(["deliver.case.completed"], byCase["repeats"].Repeated);
        Assert.Equal(["deliver.decision.issued"], byCase["disorder"].OutOfOrder);
        Assert.False(r.CaseList[0].Fits); // deviating cases first

        var assigned = r.Steps[2];
        Assert.Equal((3, 1, 25.0), (assigned.Present, assigned.Skipped, assigned.DeviatingShare));
        Assert.Equal((1, 0), (r.Steps[3].Repeated, r.Steps[3].OutOfOrder));
        Assert.Equal(1, r.Steps[5].OutOfOrder);
    }

    [Fact]
    public void A_step_over_its_norm_is_counted_and_an_empty_log_fits_nothing()
    {
        // Assigned on the Friday of the next week: 9 working days against a norm of 2.
        var r = Check(("late", "deliver.case.opened", 0), ("late", "deliver.case.assigned", 11), ("late", "deliver.case.completed", 12), ("late", "deliver.decision.issued", 13));
        Assert.Equal((1, 100.0), (r.Steps[2].OverNorm, r.Steps[2].OverNormShare));
        Assert.Equal(9, r.Steps[2].MedianWorkingDays);

        var empty = Check();
        Assert.Equal((0, 0, 0.0), (empty.Cases, empty.Fitting, empty.FitShare));
        Assert.Null(empty.Steps[1].MedianWorkingDays);
    }

    [Fact]
    public void The_longest_run_in_declared_order_decides_what_is_out_of_order()
    {
        Assert.Equal([0, 1, 2, 5], Conformance.LongestIncreasing([0, 1, 4, 2, 5]).Order());
        Assert.Empty(Conformance.LongestIncreasing([]));
        Assert.Single(Conformance.LongestIncreasing([3, 2, 1]));
    }
}
