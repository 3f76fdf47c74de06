using System.Text;
using Guichet.Orient.Catalogue;

namespace Guichet.Orient.Cpsv;

/// The opening hours of a channel as an iCalendar feed (RFC 5545) that people subscribe to: one
/// event per opening slot of the coming weeks, exactly as OpeningHours.Slots computes them, and
/// an all-day "transparent" event on each day the channel would normally open but is closed
/// (a holiday, a closure), with the reason. Written by hand: the format is small and this keeps
/// the VTIMEZONE and the UIDs under our control.
internal static class OpeningHoursCalendar
{
    public const string MediaType = "text/calendar";
    public const string TimeZoneId = "Europe/Brussels";
    public const int DefaultWeeks = 8;
    public const int MaxWeeks = 52;

    public static string Write(Channel channel, OpeningHours hours, string primaryLanguage, string language, WorkingCalendar calendar,
        DateTimeOffset now, int weeks, Texts texts)
    {
        var from = BrusselsTime.LocalDate(now);
        var to = from.AddDays(weeks * 7 - 1);
        var name = channel.Name.Resolve(language, primaryLanguage).Text;
        var stamp = channel.UpdatedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var location = channel.Address is { } a ? $"{a.Street}, {a.Postcode} {a.City.Resolve(language, primaryLanguage).Text}" : null;
        string Format(string key, params object[] args) => string.Format(CultureInfo.InvariantCulture, texts.Get(language, key), args);
        string Resolve(LocalizedText text) => text.Resolve(language, primaryLanguage).Text;

        var ics = new Writer();
        ics.Line("BEGIN:VCALENDAR");
        ics.Line("VERSION:2.0");
        ics.Line("PRODID:-//Guichet//Opening hours//" + language.ToUpperInvariant());
        ics.Line("CALSCALE:GREGORIAN");
        ics.Property("X-WR-CALNAME", Format("cpsv.ics.calendar-name", name));
        ics.Line("X-WR-TIMEZONE:" + TimeZoneId);
        WriteTimeZone(ics);

        var slots = hours.Slots(from, to, calendar).ToList();
        foreach (var (date, opens, closes, reason) in slots)
        {
            ics.Line("BEGIN:VEVENT");
            ics.Line($"UID:{channel.Id}-{Day(date)}-{opens:HHmm}@guichet");
            ics.Line("DTSTAMP:" + stamp);
            ics.Line($"DTSTART;TZID={TimeZoneId}:{Day(date)}T{opens:HHmm}00");
            ics.Line($"DTEND;TZID={TimeZoneId}:{Day(date)}T{closes:HHmm}00");
            ics.Property("SUMMARY", Format(reason is null ? "cpsv.ics.open" : "cpsv.ics.special", name));
            if (reason is not null) ics.Property("DESCRIPTION", Resolve(reason));
            if (location is not null) ics.Property("LOCATION", location);
            ics.Line("END:VEVENT");
        }

        // The days it would open on its weekly pattern alone, but does not.
        var regular = hours with { Closures = [], SpecialOpenings = [], ClosedOnPublicHolidays = false };
        var open = slots.Select(s => s.Date).ToHashSet();
        foreach (var date in regular.Slots(from, to, WorkingCalendar.LegalHolidaysOnly).Select(s => s.Date).Distinct().Where(d => !open.Contains(d)))
        {
            var reason = ClosureReason(hours, calendar, date);
            ics.Line("BEGIN:VEVENT");
            ics.Line($"UID:{channel.Id}-{Day(date)}-closed@guichet");
            ics.Line("DTSTAMP:" + stamp);
            ics.Line($"DTSTART;VALUE=DATE:{Day(date)}");
            ics.Line($"DTEND;VALUE=DATE:{Day(date.AddDays(1))}");
            ics.Property("SUMMARY", Format("cpsv.ics.closed", Resolve(reason)));
            ics.Property("DESCRIPTION", name);
            ics.Line("TRANSP:TRANSPARENT");
            ics.Line("END:VEVENT");
        }
        ics.Line("END:VCALENDAR");
        return ics.ToString();
    }

    private static LocalizedText ClosureReason(OpeningHours hours, WorkingCalendar calendar, DateOnly date)
    {
        foreach (var closure in hours.Closures)
            if (OpeningHours.TryParseDate(closure.From, out var from) && OpeningHours.TryParseDate(closure.To, out var to) && from <= date && date <= to)
                return closure.Reason is { IsEmpty: false } reason ? reason : WorkingCalendar.DefaultClosureName;
        return calendar.DayOffOn(date)?.Name ?? WorkingCalendar.DefaultClosureName;
    }

    private static string Day(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    // Belgium follows the EU rule since 1996: summer time from the last Sunday of March at 02:00
    // local (01:00 UTC) to the last Sunday of October at 03:00 local. The feed covers at most a
    // year ahead, so the current rule is all a client needs.
    private static void WriteTimeZone(Writer ics)
    {
        ics.Line("BEGIN:VTIMEZONE");
        ics.Line("TZID:" + TimeZoneId);
        ics.Line("X-LIC-LOCATION:" + TimeZoneId);
        ics.Line("BEGIN:DAYLIGHT");
        ics.Line("TZOFFSETFROM:+0100");
        ics.Line("TZOFFSETTO:+0200");
        ics.Line("TZNAME:CEST");
        ics.Line("DTSTART:19700329T020000");
        ics.Line("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU");
        ics.Line("END:DAYLIGHT");
        ics.Line("BEGIN:STANDARD");
        ics.Line("TZOFFSETFROM:+0200");
        ics.Line("TZOFFSETTO:+0100");
        ics.Line("TZNAME:CET");
        ics.Line("DTSTART:19701025T030000");
        ics.Line("RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU");
        ics.Line("END:STANDARD");
        ics.Line("END:VTIMEZONE");
    }

    /// Content lines with CRLF, folded at 75 octets without splitting a UTF-8 sequence (RFC 5545 §3.1).
    private sealed class Writer
    {
        private readonly StringBuilder _text = new();

        public void Property(string name, string value) => Line(name + ":" + Escape(value));

        public void Line(string line)
        {
            var octets = 0;
            var limit = 75;
            for (var i = 0; i < line.Length; i++)
            {
                var length = char.IsHighSurrogate(line[i]) && i + 1 < line.Length ? 2 : 1;
                var size = Encoding.UTF8.GetByteCount(line.AsSpan(i, length));
                if (octets + size > limit)
                {
                    _text.Append("\r\n ");
                    octets = 0;
                    limit = 74; // the leading space of a continuation line counts
                }
                _text.Append(line, i, length);
                octets += size;
                i += length - 1;
            }
            _text.Append("\r\n");
        }

        private static string Escape(string text) => text
            .Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace(";", "\\;", StringComparison.Ordinal)
            .Replace(",", "\\,", StringComparison.Ordinal)
            .Replace("\r\n", "\\n", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal);

        public override string ToString() => _text.ToString();
    }
}
