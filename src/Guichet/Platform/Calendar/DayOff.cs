namespace Guichet.Platform.Calendar;

internal enum DayOffKind
{
    LegalHoliday,
    RegionalDay,
    Closure,
}

internal sealed record DayOff(DateOnly Date, LocalizedText Name, DayOffKind Kind);
