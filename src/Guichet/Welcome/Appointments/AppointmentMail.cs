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
internal sealed class AppointmentMail(Outbox outbox, Texts texts, PublicUrls urls)
{
    public const string IcsFileName = "appointment.ics";

    public string ManageUrl(string token) => urls.Absolute($"/appointments/manage/{token}");

    public void Confirmation(Appointment a, AppointmentSlots.Offer offer, string token, bool rescheduled) =>
        Send(a, offer, rescheduled ? "appointments.mail.rescheduled" : "appointments.mail.confirmation", token, withCalendar: true);

    public void Reminder(Appointment a, AppointmentSlots.Offer offer) =>
        Send(a, offer, "appointments.mail.reminder", token: null, withCalendar: false);

    public void Cancellation(Appointment a, AppointmentSlots.Offer offer) =>
        Send(a, offer, "appointments.mail.cancelled", token: null, withCalendar: false);

    private void Send(Appointment a, AppointmentSlots.Offer offer, string key, string? token, bool withCalendar)
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
        body.AppendLine().AppendLine(T("appointments.mail.reference", a.Id));

        outbox.EnqueueMail(new MailMessage
        {
            To = [new MailAddress(a.Email, a.Name)],
            Subject = T(key + ".subject", service, local.ToString("g", culture)),
            TextBody = body.ToString(),
            Attachments = withCalendar ? [new MailAttachment(IcsFileName, "text/calendar; method=PUBLISH; charset=utf-8", Encoding.UTF8.GetBytes(Ics(a, offer, service, counter)))] : [],
        }, PendingEvent.MailSent("appointment-" + key[(key.LastIndexOf('.') + 1)..], new EventLogObject("appointment", a.Id.ToString(), Role.Appointment)));
    }

    /// RFC 5545: one VEVENT whose UID is the appointment's id (a reschedule raises SEQUENCE so
    /// calendars update the same event), times in Europe/Brussels with its VTIMEZONE.
    public static string Ics(Appointment a, AppointmentSlots.Offer offer, string service, string counter)
    {
        const string zone = "Europe/Brussels";
        var calendar = new Ical.Net.Calendar { ProductId = "-//Guichet//Appointments//" + a.Language.ToUpperInvariant() };
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(zone));
        calendar.Events.Add(new CalendarEvent
        {
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
