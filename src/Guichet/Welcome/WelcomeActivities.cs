namespace Guichet.Welcome;

/// The journal's activities of Welcome: contacts from every channel, appointments, the counter queue.
internal static class WelcomeActivities
{
    // Contacts: one register for every channel.
    public static readonly Activity ContactReceived = Activity.Process("welcome.contact.received", "A contact came in (counter, phone, e-mail, letter, web form, Open311); for a letter, the business time is the day it was received.",
        ["contact:subject", "customer:customer", "unit:unit", "service:service"], "channel", "service", "unit", "respondBy", "representation", "receivedOn", "attachments", "messageId", "refusedAttachments");
    public static readonly Activity ContactAnswered = Activity.Process("welcome.contact.answered", "The contact was answered at first contact.", ["contact:subject", "customer:customer", "unit:unit", "service:service"], "unit", "service", "responseWorkingDays");
    public static readonly Activity ContactRouted = Activity.Process("welcome.contact.routed", "The contact was sent to the competent unit of the organisation.", ["contact:subject", "customer:customer", "unit:unit", "service:service"], "unit", "service", "responseWorkingDays");
    public static readonly Activity ContactReferred = Activity.Process("welcome.contact.referred", "Not ours: the customer was referred to the competent body.", ["contact:subject", "customer:customer", "unit:unit", "service:service"], "unit", "service", "responseWorkingDays", "referredTo");
    public static readonly Activity CallBackPromised = Activity.Process("welcome.contact.call-back-promised", "A call back was promised by a date.", ["contact:subject", "customer:customer", "unit:unit", "service:service"], "unit", "service", "callBackBy");
    public static readonly Activity CalledBack = Activity.Process("welcome.contact.called-back", "The customer was called back as promised.", ["contact:subject", "customer:customer", "unit:unit", "service:service"], "late");
    public static readonly Activity ContactCaseOpened = Activity.Process("welcome.contact.case-opened", "A case file was opened from the contact.", ["contact:subject", "case:case", "customer:customer", "unit:unit", "service:service"], "case", "responseWorkingDays");
    public static readonly Activity ReplyReceived = Activity.Process("welcome.contact.reply-received", "The customer's e-mail reply joined an existing contact.", ["contact:subject"], "messageId");
    public static readonly Activity MailRejected = Activity.Process("welcome.incoming-mail.rejected", "An e-mail in the intake mailbox was not taken in (unreadable, too large, a loop).", ["incoming-mail:subject"], "uid", "status", "problem");
    public static readonly Activity ContactViewed = Activity.Access("welcome.contact.viewed", "A member of staff read a contact.", ["contact:subject", "customer:customer", "unit:unit", "service:service"]);
    public static readonly Activity AttachmentViewed = Activity.Access("welcome.contact-attachment.viewed", "A member of staff downloaded a contact's file.", ["contact-attachment:subject", "contact:contact", "customer:customer", "unit:unit", "service:service"], "fileName");
    public static readonly Activity CustomerHistoryViewed = Activity.Access("welcome.customer-history.viewed", "A member of staff read a customer's history across channels.", ["customer:customer"], "contacts");

    // Appointments.
    public static readonly Activity AppointmentBooked = Activity.Process("welcome.appointment.booked", "A customer booked an appointment.", ["appointment:subject", "service:service", "channel:channel"], "start", "seat");
    public static readonly Activity AppointmentRescheduled = Activity.Process("welcome.appointment.rescheduled", "A customer moved an appointment.", ["appointment:subject", "service:service", "channel:channel"], "from", "start", "seat");
    public static readonly Activity AppointmentCancelled = Activity.Process("welcome.appointment.cancelled", "A customer cancelled an appointment.", ["appointment:subject", "service:service", "channel:channel"]);
    public static readonly Activity AppointmentReminded = Activity.Process("welcome.appointment.reminded", "The reminder of an appointment was queued to be mailed (its sending is platform.mail.sent).", ["appointment:subject", "service:service", "channel:channel"], "start");
    public static readonly Activity AppointmentCheckedIn = Activity.Process("welcome.appointment.checked-in", "The customer arrived at the office for the appointment.", ["appointment:subject", "service:service", "channel:channel", "queue-ticket:ticket"], "ticket");
    public static readonly Activity AppointmentMissed = Activity.Process("welcome.appointment.missed", "The customer did not come to the appointment.", ["appointment:subject", "service:service", "channel:channel"]);

    // Counter queue.
    public static readonly Activity TicketIssued = Activity.Process("welcome.ticket.issued", "A queue ticket was issued (kiosk, desk, or a checked-in appointment).", ["queue-ticket:subject", "queue-office:office", "service:service", "appointment:appointment"], "code", "priority", "language", "appointment");
    public static readonly Activity TicketCalled = Activity.Process("welcome.ticket.called", "A ticket was called to a desk.", ["queue-ticket:subject", "queue-office:office", "service:service", "queue-desk:desk"], "code", "priority", "desk", "waitedSeconds");
    public static readonly Activity TicketRecalled = Activity.Process("welcome.ticket.recalled", "A called ticket was called again.", ["queue-ticket:subject", "queue-office:office", "service:service", "queue-desk:desk"], "code", "priority", "desk");
    public static readonly Activity TicketServingStarted = Activity.Process("welcome.ticket.serving-started", "The customer is being served at the desk.", ["queue-ticket:subject", "queue-office:office", "service:service", "queue-desk:desk"], "code", "priority", "desk");
    public static readonly Activity TicketServed = Activity.Process("welcome.ticket.served", "The visit ended; it was registered as a counter contact.", ["queue-ticket:subject", "queue-office:office", "service:service", "queue-desk:desk", "contact:contact"], "code", "priority", "desk", "outcome", "serviceSeconds", "contact");
    public static readonly Activity TicketMissed = Activity.Process("welcome.ticket.missed", "The customer did not come when called.", ["queue-ticket:subject", "queue-office:office", "service:service", "queue-desk:desk"], "code", "priority", "desk");
    public static readonly Activity TicketTransferred = Activity.Process("welcome.ticket.transferred", "The ticket was sent to another service's queue.", ["queue-ticket:subject", "queue-office:office", "service:service", "queue-desk:desk"], "code", "priority", "desk", "toService", "fromService", "toDesk");
    public static readonly Activity TicketClosedAtDayEnd = Activity.Process("welcome.ticket.closed-at-day-end", "A ticket left open at the end of its day was closed.", ["queue-ticket:subject", "queue-office:office", "service:service", "queue-desk:desk"], "code", "from", "status", "priority", "desk");
    public static readonly Activity DeskOpened = Activity.Process("welcome.desk.opened", "A desk opened for customers.", ["queue-desk:subject", "queue-office:office"], "number");
    public static readonly Activity DeskClosed = Activity.Process("welcome.desk.closed", "A desk closed.", ["queue-desk:subject", "queue-office:office"], "number");
    public static readonly Activity OfficeCreated = Activity.Administration("welcome.queue-office.created", "A counter queue was set up for an office.", ["queue-office:subject", "channel:channel"], "services");
    public static readonly Activity OfficeServicesChanged = Activity.Administration("welcome.queue-office.services-changed", "The services (and their letters) of an office's queue changed.", ["queue-office:subject"], "services");
    public static readonly Activity DeskCreated = Activity.Administration("welcome.desk.created", "A desk was added to an office.", ["queue-desk:subject", "queue-office:office"], "number", "services");
    public static readonly Activity DeskChanged = Activity.Administration("welcome.desk.changed", "A desk's number or services changed.", ["queue-desk:subject", "queue-office:office"], "number", "services");
    public static readonly Activity DeskRemoved = Activity.Administration("welcome.desk.removed", "A desk was removed.", ["queue-desk:subject", "queue-office:office"], "number");
}
