namespace Guichet.Platform.Calendar;

/// Open now and until <see cref="ClosesAt"/>, or closed and opening next at <see cref="NextOpening"/>
/// (null when nothing opens within <see cref="OpeningHours.NextOpeningHorizonDays"/> days).
internal sealed record OpenStatus(bool IsOpen, DateTimeOffset? ClosesAt, DateTimeOffset? NextOpening)
{
    public static OpenStatus OpenUntil(DateTimeOffset closesAt) => new(true, closesAt, null);

    public static OpenStatus ClosedUntil(DateTimeOffset? nextOpening) => new(false, null, nextOpening);
}
