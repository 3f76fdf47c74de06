using Microsoft.AspNetCore.Http.HttpResults;

namespace Guichet.Platform.Calendar;

/// The organisation's calendar for integrators: which days are off, and "N working days after".
/// The same WorkingCalendar answers deadlines everywhere, so these answers are the platform's.
internal static class CalendarEndpoints
{
    public sealed record DayOffItem(DateOnly Date, string Kind, LocalizedText Name);

    public sealed record DaysOffResponse(int Year, IReadOnlyList<DayOffItem> Items);

    public sealed record DeadlineResponse(DateOnly From, int Days, string Unit, DateOnly Due, bool FromIsWorkingDay);

    public static WebApplication MapCalendar(this WebApplication app)
    {
        var group = app.MapGroup("/api/v1/calendar").WithTags("Calendar");
        group.MapGet("/days-off", DaysOff)
            .WithSummary("The legal holidays, configured regional days and organisation closures of a year.");
        group.MapGet("/deadline", Deadline)
            .WithSummary("The date N working days (or calendar days) after a date, on the organisation's calendar.");
        return app;
    }

    private static Results<Ok<DaysOffResponse>, ProblemHttpResult> DaysOff(int? year, WorkingCalendar calendar, TimeProvider time)
    {
        var y = year ?? BrusselsTime.LocalDate(time.GetUtcNow()).Year;
        if (y is < 1900 or > 2200) return Problems.Validation("year", "out-of-range", "Between 1900 and 2200.");
        var items = calendar.DaysOff(y).Select(d => new DayOffItem(d.Date, Kind(d.Kind), d.Name)).ToList();
        return TypedResults.Ok(new DaysOffResponse(y, items));
    }

    private static Results<Ok<DeadlineResponse>, ProblemHttpResult> Deadline(DateOnly? from, int? days, string? unit, WorkingCalendar calendar)
    {
        var errors = new List<InvalidParam>();
        if (from is null) errors.Add(new("from", "required", "A start date (yyyy-MM-dd) is required."));
        if (days is null or < 0 or > 3650) errors.Add(new("days", "out-of-range", "Between 0 and 3650."));
        var u = unit ?? "working";
        if (u is not ("working" or "calendar")) errors.Add(new("unit", "invalid-value", "Use 'working' or 'calendar'."));
        if (errors.Count > 0) return Problems.Validation(errors);

        var due = u == "working"
            ? calendar.AddWorkingDays(from!.Value, days!.Value)
            // A calendar-day deadline that ends on a day off moves to the next working day.
            : calendar.NextWorkingDayOnOrAfter(calendar.AddCalendarDays(from!.Value, days!.Value));
        return TypedResults.Ok(new DeadlineResponse(from.Value, days.Value, u, due, calendar.IsWorkingDay(from.Value)));
    }

    private static string Kind(DayOffKind kind) => kind switch
    {
        DayOffKind.LegalHoliday => "legal-holiday",
        DayOffKind.RegionalDay => "regional-day",
        _ => "closure",
    };
}
