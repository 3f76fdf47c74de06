using System.Text;
using Guichet.Platform.Mail;
using Guichet.Platform.Outbox;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Guichet.Welcome.Appointments;

/// The mails of a booking, in the booker's language: the confirmation (and the new one after a
/// reschedule) with an iCalendar invitation, the reminder, the cancellation. Each is put into
/// the use case's outbox, so it goes out if and only if the change is stored.
internal sealed class AppointmentMail(Outbox outbox, Texts texts, PublicUrls urls, IOptions<Guichet.Platform.Mail.MailOptions> mailOptions)
{
    public const string IcsFileName = "appointment.ics";

    public string ManageUrl(string token) => urls.Absolute($"/appointments/manage/{token}");

    public void Confirmation(Appointment a, AppointmentSlots.Offer offer, string token, bool rescheduled) =>
        Send(a, offer, rescheduled ? "appointments.mail.rescheduled" : "appointments.mail.confirmation", token, IcsMethod.Publish);

    public void Reminder(Appointment a, AppointmentSlots.Offer offer) =>
        Send(a, offer, "appointments.mail.reminder", token: null, IcsMethod.None);

    /// With an iCalendar CANCEL of the same event (same UID, higher SEQUENCE), so that it leaves
    /// the person's agenda.
    public void Cancellation(Appointment a, AppointmentSlots.Offer offer) =>
        Send(a, offer, "appointments.mail.cancelled", token: null, IcsMethod.Cancel);

    public enum IcsMethod { None, Publish, Cancel }

    private void Send(Appointment a, AppointmentSlots.Offer offer, string key, string? token, IcsMethod method)
    {
        var lang = a.Language;
        var culture = CultureInfo.GetCultureInfo(Languages.CultureName(lang));
        var local = BrusselsTime.ToLocal(a.StartsAt);
        var service = offer.Service.Name.Resolve(lang, offer.Counter.PrimaryLanguage).Text;
        var counter = offer.Counter.Name.Resolve(lang, offer.Counter.PrimaryLanguage).Text;
        string T(string k, params object[] args) => string.Format(culture, texts.Get(lang, k), args);

        var body = new StringBuilder();
        body.AppendLine(T("appointments.mail.greeting", a.Name)).AppendLine();
        body.AppendLine(T(key + ".intro", service)).AppendLine();
        body.AppendLine(T("appointments.mail.when", local.ToString("D", culture), local.ToString("t", culture)));
        body.AppendLine(T("appointments.mail.where", counter + (offer.Counter.Address is { } addr ? ", " + addr : "")));
        if (token is not null)
            body.AppendLine().AppendLine(T("appointments.mail.manage", ManageUrl(token)));
        body.AppendLine().AppendLine(T("appointments.mail.reference", a.Reference ?? a.Id.ToString()));

        outbox.EnqueueMail(new MailMessage
        {
            To = [new MailAddress(a.Email, a.Name)],
            Subject = T(key + ".subject", service, local.ToString("g", culture)),
            TextBody = body.ToString(),
            Attachments = method == IcsMethod.None ? []
                : [new MailAttachment(IcsFileName, $"text/calendar; method={MethodName(method)}; charset=utf-8", Encoding.UTF8.GetBytes(Ics(a, offer, service, counter, method, mailOptions.Value.FromAddress)))],
        }, PendingEvent.MailSent("appointment-" + key[(key.LastIndexOf('.') + 1)..], new EventLogObject("appointment", a.Id.ToString(), Role.Appointment)));
    }

    private static string MethodName(IcsMethod method) => method == IcsMethod.Cancel ? "CANCEL" : "PUBLISH";

    /// RFC 5545 and 5546 (iTIP): one VEVENT whose UID is the appointment's id (a reschedule or a
    /// cancellation raises SEQUENCE so calendars update the same event), times in Europe/Brussels
    /// with its VTIMEZONE; METHOD PUBLISH for a booking, CANCEL with STATUS CANCELLED for a
    /// cancellation, the organiser being the platform's sending address.
    public static string Ics(Appointment a, AppointmentSlots.Offer offer, string service, string counter, IcsMethod method = IcsMethod.Publish, string? organiser = null)
    {
        const string zone = "Europe/Brussels";
        var calendar = new Ical.Net.Calendar { ProductId = "-//Guichet//Appointments//" + a.Language.ToUpperInvariant(), Method = MethodName(method) };
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(zone));
        calendar.Events.Add(new CalendarEvent
        {
            Organizer = organiser is null ? null : new Organizer("mailto:" + organiser),
            Status = method == IcsMethod.Cancel ? "CANCELLED" : "CONFIRMED",
            Uid = a.Id.ToString(),
            DtStamp = new CalDateTime(a.CreatedAt.UtcDateTime, "UTC"),
            DtStart = new CalDateTime(BrusselsTime.ToLocal(a.StartsAt), zone),
            DtEnd = new CalDateTime(BrusselsTime.ToLocal(a.EndsAt), zone),
            Sequence = a.Sequence,
            Summary = service,
            Location = offer.Counter.Address is { } address ? $"{counter}, {address}" : counter,
        });
        return new CalendarSerializer().SerializeToString(calendar)!;
    }
}
