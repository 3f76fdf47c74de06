using System.Globalization;
using Guichet.Platform.Calendar;
using Guichet.Platform.Localization;

namespace Guichet.Tests.Platform.Calendar;

internal static class CalendarTestData
{
    public static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);

    /// The instant at which Belgian clocks show <paramref name="text"/> ("2026-03-19 18:30").
    public static DateTimeOffset Local(string text)
    {
        var local = DateTime.ParseExact(text, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        return BrusselsTime.ToInstant(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local));
    }

    public static WorkingCalendar Flemish(params CalendarClosure[] closures) => new([new MonthDay(7, 11)], closures);

    public static readonly LocalizedText ChristmasEve = LocalizedText.Of("Veille de Noël", "Kerstavond", "Heiligabend", "Christmas Eve");
    public static readonly LocalizedText Summer = LocalizedText.Of("Horaire d'été", "Zomeruren", "Sommerzeiten", "Summer hours");
    public static readonly LocalizedText WinterSaturday = LocalizedText.Of("Samedi d'hiver", "Winterzaterdag", "Wintersamstag", "Winter Saturday");

    /// A town hall counter: mornings every weekday, afternoons too, late on Thursday; mornings only
    /// in July and August; closed on 24 December 2026; open on Saturday 19 December 2026.
    public static OpeningHours TownHall() => new()
    {
        ClosedOnPublicHolidays = true,
        Periods =
        [
            new OpeningPeriod(null, null, null,
            [
                new("monday", "08:30", "12:00"), new("monday", "13:00", "16:00"),
                new("tuesday", "08:30", "12:00"), new("tuesday", "13:00", "16:00"),
                new("wednesday", "08:30", "12:00"), new("wednesday", "13:00", "16:00"),
                new("thursday", "08:30", "12:00"), new("thursday", "13:00", "19:00"),
                new("friday", "08:30", "12:00"), new("friday", "13:00", "16:00"),
            ]),
            new OpeningPeriod(Summer, "07-01", "08-31",
            [
                new("monday", "09:00", "12:00"), new("tuesday", "09:00", "12:00"), new("wednesday", "09:00", "12:00"),
                new("thursday", "09:00", "12:00"), new("friday", "09:00", "12:00"),
            ]),
        ],
        Closures = [new OpeningClosure("2026-12-24", "2026-12-24", ChristmasEve)],
        SpecialOpenings = [new SpecialOpening("2026-12-19", "09:00", "12:00", WinterSaturday)],
    };
}
