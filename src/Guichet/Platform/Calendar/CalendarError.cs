namespace Guichet.Platform.Calendar;

/// A problem found in calendar or opening-hours data: a stable machine <see cref="Code"/> (pages
/// translate it) and the <see cref="Field"/> it is about, as a JSON path ("periods[0].hours[1].opens").
internal sealed record CalendarError(string Code, string Field);
