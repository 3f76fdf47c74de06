namespace Guichet.Welcome.Appointments;

/// Welcome:Appointments: how far ahead people may book, how late, and when reminders go out.
internal sealed class AppointmentOptions
{
    public const string Section = "Welcome:Appointments";

    /// Bookable up to this many days ahead (the last bookable local date is today + HorizonDays).
    public int HorizonDays { get; set; } = 60;

    /// No booking (nor reschedule) starting sooner than this after now.
    public int MinimumNoticeMinutes { get; set; } = 120;

    /// How often the reminder job looks for tomorrow's appointments; 0 switches it off.
    public int ReminderIntervalMinutes { get; set; } = 15;

    /// A checked-in appointment is due (called before the queue) from this many minutes before its start.
    public int DueMinutesBefore { get; set; } = 5;

    /// At most this many booked appointments still to come per person (the same e-mail address,
    /// compared without case, or the same national number) and service; 0 switches the cap off.
    public int MaxFuturePerPerson { get; set; } = 2;

    /// Retention: a manage link opens nothing (410) from this many days after the appointment's end;
    /// the retention job then removes its token.
    public int ManageLinkDaysAfter { get; set; } = 1;

    /// Retention: the name, e-mail, phone and national number are blanked this many days after the
    /// appointment's end (the appointment itself stays, without them, for the figures).
    public int KeepPersonDays { get; set; } = 365;
}
