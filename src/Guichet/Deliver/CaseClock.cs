using Guichet.Orient.Catalogue;

namespace Guichet.Deliver;

/// When the clock of a case starts: when the request is received, or when the file is complete.
internal enum ClockStart { Receipt, Completeness }

/// A processing-time rule of a case type: N calendar or working days from receipt or from
/// completeness, and the share of the time after which the case is flagged.
internal sealed record ClockRule(int Days, DayCount Unit, ClockStart StartsAt, int WarningPercent = 75)
{
    public IEnumerable<string> Problems()
    {
        if (Days is < 1 or > 3650) yield return "days";
        if (WarningPercent is < 1 or > 100) yield return "warningPercent";
    }
}

/// A stop of the clock, from the day it was suspended to the day it resumed (null: still
/// suspended), and why (a reason code of the case type).
internal sealed record ClockSuspension(DateOnly From, DateOnly? Until)
{
    public string? Reason { get; init; }
}

/// What happened to a case that moves its deadline.
internal sealed record ClockFacts(DateOnly ReceivedOn, DateOnly? CompleteOn, IReadOnlyList<ClockSuspension> Suspensions, int ExtensionDays = 0);

internal enum ClockState { NotStarted, Running, Warning, Suspended, Breached }

/// The clock as of one day: when it started, when the case is due, when it is flagged, how many
/// days (in the rule's unit) it stood still, and its state.
internal sealed record ClockReading(DateOnly? StartedOn, DateOnly? DueOn, DateOnly? WarningOn, int SuspendedDays, bool IsSuspended, ClockState State);

/// The one place where a case's deadline is computed: pages, API, warnings and statistics all
/// call <see cref="Read"/>.
///
/// - Calendar days: the due date is start + N days, moved to the next working day when it falls
///   on a weekend, a holiday or a closure. Working days: the N-th working day after the start.
/// - A suspension stops the clock: the due date moves by the suspended time counted in the
///   rule's unit (calendar days, or working days in (from, until]); a suspension still running
///   counts up to today. A suspension of zero days changes nothing, and their order does not matter.
/// - An extension adds its days once (the case type allows at most one; the caller enforces it).
internal static class CaseClock
{
    public static ClockReading Read(ClockRule rule, ClockFacts facts, DateOnly today, WorkingCalendar calendar)
    {
        DateOnly? start = rule.StartsAt == ClockStart.Receipt ? facts.ReceivedOn : facts.CompleteOn;
        if (start is not { } started) return new ClockReading(null, null, null, 0, false, ClockState.NotStarted);

        var suspended = 0;
        var isSuspended = false;
        foreach (var s in facts.Suspensions)
        {
            var from = s.From < started ? started : s.From;
            var until = s.Until ?? (today > from ? today : from);
            if (s.Until is null) isSuspended = true;
            if (until <= from) continue;
            suspended += rule.Unit == DayCount.Working ? calendar.WorkingDaysBetween(from, until) : until.DayNumber - from.DayNumber;
        }

        var total = rule.Days + suspended + Math.Max(0, facts.ExtensionDays);
        var due = rule.Unit == DayCount.Working
            ? calendar.AddWorkingDays(started, total)
            : calendar.NextWorkingDayOnOrAfter(started.AddDays(total));
        var span = due.DayNumber - started.DayNumber;
        var warning = started.AddDays((int)Math.Ceiling(span * rule.WarningPercent / 100.0));
        var state = today > due ? ClockState.Breached
            : isSuspended ? ClockState.Suspended
            : today >= warning ? ClockState.Warning
            : ClockState.Running;
        return new ClockReading(started, due, warning, suspended, isSuspended, state);
    }
}
