using FsCheck.Xunit;
using Guichet.Deliver;
using Guichet.Orient.Catalogue;
using Guichet.Platform.Calendar;

namespace Guichet.Tests.Deliver;

public sealed class CaseClockTests
{
    private static readonly WorkingCalendar Calendar = new(
        [new MonthDay(9, 27)], // Fête de la Communauté française
        [new CalendarClosure { From = new DateOnly(2026, 12, 28), To = new DateOnly(2026, 12, 31) }]);

    private static readonly ClockRule ThirtyDays = new(30, DayCount.Calendar, ClockStart.Receipt);
    private static readonly ClockRule TwentyWorkingDays = new(20, DayCount.Working, ClockStart.Completeness);

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    // ---- examples --------------------------------------------------------------------------

    [Fact]
    public void Calendar_days_from_receipt_land_on_a_working_day()
    {
        // 1 October + 30 days = 31 October 2026, a Saturday; 1 November (All Saints) and its
        // Sunday follow: due Monday 2 November.
        var r = CaseClock.Read(ThirtyDays, new ClockFacts(D(2026, 10, 1), null, []), D(2026, 10, 2), Calendar);
        Assert.Equal(D(2026, 11, 2), r.DueOn);
        Assert.Equal(ClockState.Running, r.State);
    }

    [Fact]
    public void Working_days_from_completeness_skip_holidays_and_closures()
    {
        var facts = new ClockFacts(D(2026, 12, 1), D(2026, 12, 10), []);
        var r = CaseClock.Read(TwentyWorkingDays, facts, D(2026, 12, 11), Calendar);
        // After Thursday 10 December: 11 (1), 14-18 (6), 21-24 (10), Christmas off, closure 28-31,
        // 1 January off, then 4-8 (15) and 11-15: Friday 15 January is the 20th.
        Assert.Equal(D(2027, 1, 15), r.DueOn);
        Assert.Equal(D(2026, 12, 10), r.StartedOn);
    }

    [Fact]
    public void The_clock_waits_for_a_complete_file_when_the_rule_says_so()
    {
        var r = CaseClock.Read(TwentyWorkingDays, new ClockFacts(D(2026, 12, 1), null, []), D(2026, 12, 11), Calendar);
        Assert.Equal(ClockState.NotStarted, r.State);
        Assert.Null(r.DueOn);
    }

    [Fact]
    public void A_suspension_moves_the_due_date_by_its_length()
    {
        var facts = new ClockFacts(D(2026, 3, 2), null, [new ClockSuspension(D(2026, 3, 10), D(2026, 3, 17))]);
        var r = CaseClock.Read(ThirtyDays, facts, D(2026, 3, 20), Calendar);
        Assert.Equal(7, r.SuspendedDays);
        Assert.Equal(D(2026, 4, 8), r.DueOn); // 1 April + 7 days
    }

    [Fact]
    public void A_running_suspension_counts_up_to_today_and_says_so()
    {
        var facts = new ClockFacts(D(2026, 3, 2), null, [new ClockSuspension(D(2026, 3, 10), null)]);
        var r = CaseClock.Read(ThirtyDays, facts, D(2026, 3, 15), Calendar);
        Assert.True(r.IsSuspended);
        Assert.Equal(ClockState.Suspended, r.State);
        Assert.Equal(5, r.SuspendedDays);
    }

    [Fact]
    public void An_extension_adds_its_days_once()
    {
        var without = CaseClock.Read(ThirtyDays, new ClockFacts(D(2026, 3, 2), null, []), D(2026, 3, 3), Calendar);
        var with = CaseClock.Read(ThirtyDays, new ClockFacts(D(2026, 3, 2), null, [], 15), D(2026, 3, 3), Calendar);
        Assert.Equal(D(2026, 4, 1), without.DueOn);
        Assert.Equal(D(2026, 4, 16), with.DueOn);
    }

    [Fact]
    public void Warning_then_breach()
    {
        var facts = new ClockFacts(D(2026, 3, 2), null, []);
        Assert.Equal(ClockState.Running, CaseClock.Read(ThirtyDays, facts, D(2026, 3, 20), Calendar).State);
        Assert.Equal(ClockState.Warning, CaseClock.Read(ThirtyDays, facts, D(2026, 3, 25), Calendar).State); // 75 % of 30 days: 24 March
        Assert.Equal(ClockState.Warning, CaseClock.Read(ThirtyDays, facts, D(2026, 4, 1), Calendar).State);   // due today: not late yet
        Assert.Equal(ClockState.Breached, CaseClock.Read(ThirtyDays, facts, D(2026, 4, 2), Calendar).State);
    }

    // ---- properties ------------------------------------------------------------------------

    private static DateOnly Day(ushort seed) => new DateOnly(2020, 1, 1).AddDays(seed % 4000);

    private static ClockRule Rule(byte days, bool working) => new(1 + days % 120, working ? DayCount.Working : DayCount.Calendar, ClockStart.Receipt);

    private static ClockSuspension Suspension(DateOnly start, byte offset, byte length) =>
        new(start.AddDays(offset % 60), start.AddDays(offset % 60 + length % 30));

    private static DateOnly Due(ClockRule rule, DateOnly start, params ClockSuspension[] s) =>
        CaseClock.Read(rule, new ClockFacts(start, null, s), start.AddDays(400), Calendar).DueOn!.Value;

    [Property(MaxTest = 300)]
    public void The_due_date_is_never_before_start_plus_the_norm(ushort start, byte days, bool working, byte offset, byte length)
    {
        var rule = Rule(days, working);
        var s = Day(start);
        var due = Due(rule, s, Suspension(s, offset, length));
        Assert.True(due >= (working ? Calendar.AddWorkingDays(s, rule.Days) : s.AddDays(rule.Days)));
    }

    [Property(MaxTest = 300)]
    public void A_suspension_of_zero_days_changes_nothing(ushort start, byte days, bool working, byte offset)
    {
        var rule = Rule(days, working);
        var s = Day(start);
        var at = s.AddDays(offset % 60);
        Assert.Equal(Due(rule, s), Due(rule, s, new ClockSuspension(at, at)));
    }

    [Property(MaxTest = 300)]
    public void Suspensions_commute(ushort start, byte days, bool working, byte o1, byte l1, byte o2, byte l2)
    {
        var rule = Rule(days, working);
        var s = Day(start);
        var a = Suspension(s, o1, l1);
        var b = Suspension(s, o2, l2);
        Assert.Equal(Due(rule, s, a, b), Due(rule, s, b, a));
    }

    [Property(MaxTest = 300)]
    public void Suspending_twice_in_a_row_is_suspending_once_for_the_whole_time(ushort start, byte days, bool working, byte offset, byte l1, byte l2)
    {
        var rule = Rule(days, working);
        var s = Day(start);
        var from = s.AddDays(offset % 60);
        var middle = from.AddDays(l1 % 30);
        var until = middle.AddDays(l2 % 30);
        Assert.Equal(Due(rule, s, new ClockSuspension(from, until)), Due(rule, s, new ClockSuspension(from, middle), new ClockSuspension(middle, until)));
    }

    [Property(MaxTest = 300)]
    public void A_longer_suspension_never_brings_the_due_date_forward(ushort start, byte days, bool working, byte offset, byte length)
    {
        var rule = Rule(days, working);
        var s = Day(start);
        var shorter = Suspension(s, offset, length);
        var longer = shorter with { Until = shorter.Until!.Value.AddDays(1) };
        Assert.True(Due(rule, s, longer) >= Due(rule, s, shorter));
    }
}
