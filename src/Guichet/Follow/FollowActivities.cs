namespace Guichet.Follow;

/// The journal's activities of Follow: complaints (federal circular of 14 March 2013), from their
/// registration through the acknowledgement, the unit's view, to the reasoned answer.
internal static class FollowActivities
{
    private static readonly string[] Complaint = ["complaint:subject", "unit:unit", "customer:customer", "service:service", "case:case"];

    public static readonly Activity ComplaintRegistered = Activity.Process("follow.complaint.registered",
        "A complaint was registered with its number (business time: the day it was received); its two deadlines run from here.",
        [.. Complaint, "contact:contact", "survey:survey"], "number", "channel", "category", "language", "receivedOn", "acknowledgeBy", "answerBy", "aboutDecision", "attachments", "from");
    public static readonly Activity ComplaintAcknowledged = Activity.Process("follow.complaint.acknowledged",
        "The acknowledgement reached the customer: its mail was sent, or its letter printed to be posted.",
        [.. Complaint, "outbox-message:message"], "channel", "acknowledgeBy", "late");
    public static readonly Activity ComplaintAssigned = Activity.Process("follow.complaint.assigned",
        "The complaint was given to a complaint officer and the unit concerned.", [.. Complaint, "unit:previous-unit"], "unit", "officer");
    public static readonly Activity ComplaintViewAsked = Activity.Process("follow.complaint.view-asked",
        "The unit concerned was asked for its view on the complaint by a date.", [.. Complaint, "unit:asked-unit"], "dueOn");
    public static readonly Activity ComplaintViewGiven = Activity.Process("follow.complaint.view-given",
        "The unit concerned gave its view.", [.. Complaint, "unit:asked-unit"], "dueOn", "late");
    public static readonly Activity ComplaintAnswered = Activity.Process("follow.complaint.answered",
        "The reasoned answer (founded, partly founded or unfounded, with the second line) was given.", Complaint,
        "outcome", "answerBy", "late", "channel");
    public static readonly Activity ComplaintViewed = Activity.Access("follow.complaint.viewed", "A member of staff read a complaint.", Complaint);
    public static readonly Activity ComplaintListViewed = Activity.Access("follow.complaint-list.viewed",
        "A member of staff read the complaint work list (one event a page; the complaints shown are an attribute).", [], "complaints", "count");

    // Satisfaction: one short survey after a closed case, a served counter ticket or an answered complaint.
    private static readonly string[] Survey = ["survey:subject", "customer:customer", "unit:unit", "service:service", "case:case", "contact:contact", "complaint:complaint"];

    public static readonly Activity SurveyRequested = Activity.Process("follow.survey.requested",
        "A satisfaction survey was made for a closed case, a counter visit or an answered complaint; its mail leaving is platform.mail.sent.",
        Survey, "channel", "language", "expiresAt");
    public static readonly Activity SurveyAnswered = Activity.Process("follow.survey.answered",
        "The customer answered the satisfaction survey (a 1-5 score, whether they got what they needed, a comment or not).",
        Survey, "channel", "score", "gotWhatNeeded", "commented");
    public static readonly Activity SurveyCommentsViewed = Activity.Access("follow.survey-comments.viewed",
        "A member of staff read the comments of unhappy survey answers (one event a page; the surveys shown are an attribute).", [], "surveys", "count");

    // Subscriptions: double opt-in, changes and erasure; the journal names the subscriber by its random id, never its address.
    private static readonly string[] Subscriber = ["subscriber:subject"];

    public static readonly Activity SubscriberSubscribed = Activity.Process("follow.subscriber.subscribed",
        "An address was subscribed to topics and sent its confirmation link (nothing else is sent before the click).", Subscriber, "language", "frequency", "topics");
    public static readonly Activity SubscriberConfirmed = Activity.Process("follow.subscriber.confirmed",
        "The subscriber followed the confirmation link: the subscription runs.", Subscriber, "language", "frequency", "topics");
    public static readonly Activity SubscriberChanged = Activity.Process("follow.subscriber.changed",
        "The subscriber changed topics, language or frequency on the manage page.", Subscriber, "language", "frequency", "topics");
    public static readonly Activity SubscriberErased = Activity.Process("follow.subscriber.erased",
        "The subscriber left (one-click unsubscribe or the manage page): the address, topics and consents were deleted.", Subscriber, "how", "confirmed");
    public static readonly Activity TopicCreated = Activity.Administration("follow.subscription-topic.created",
        "A subscription topic was added.", ["subscription-topic:subject"], "code", "kind");
    public static readonly Activity TopicChanged = Activity.Administration("follow.subscription-topic.changed",
        "A subscription topic's names changed, or it was withdrawn or offered again.", ["subscription-topic:subject"], "code", "active");

    // Notices of a change: written and sent by communication staff; each recipient once, named by
    // the subscriber's random id or the customer's pseudonym, never an address.
    private static readonly string[] Notice = ["notice:subject"];
    private static readonly string[] NoticeRecipient = ["notice:subject", "subscriber:recipient", "customer:customer"];

    public static readonly Activity NoticeCreated = Activity.Administration("follow.notice.created",
        "A notice of a change was written (a draft).", Notice, "languages", "topics", "caseTypes");
    public static readonly Activity NoticeChanged = Activity.Administration("follow.notice.changed",
        "A draft notice was changed.", Notice, "languages", "topics", "caseTypes");
    public static readonly Activity NoticeSent = Activity.Process("follow.notice.sent",
        "A notice was sent: its recipients were fixed (each address or customer once) and its mails start leaving within the rate limit.",
        Notice, "mails", "letters", "topics", "caseTypes");
    public static readonly Activity NoticeMailed = Activity.Process("follow.notice.mailed",
        "A recipient's copy of a notice left (the mail server accepted it).", [.. NoticeRecipient, "outbox-message:message"], "language", "attempts");
    public static readonly Activity NoticeMailFailed = Activity.Process("follow.notice.mail-failed",
        "A recipient's copy of a notice failed for good (refused by the mail server, or too many attempts).", NoticeRecipient, "attempts");
    public static readonly Activity NoticeWithheld = Activity.Process("follow.notice.withheld",
        "A subscriber left before their copy of a notice was sent: nothing was sent to them.", NoticeRecipient);
    public static readonly Activity NoticeLettersPrinted = Activity.Process("follow.notice.letters-printed",
        "The letters of a notice for recipients without an e-mail address were printed to be posted.", Notice, "count");
    public static readonly Activity NoticeCompleted = Activity.Process("follow.notice.completed",
        "Every recipient of a notice has its outcome (sent, failed, left, or a letter).", Notice, "sent", "failed", "withheld", "letters");

    // Webhooks for integrators: subscriptions kept by admins; the receiver named by its host only.
    private static readonly string[] Webhook = ["webhook-subscription:subject"];

    public static readonly Activity WebhookSubscribed = Activity.Administration("follow.webhook.subscribed",
        "An external system was subscribed to event types by webhook.", Webhook, "host", "eventTypes", "active");
    public static readonly Activity WebhookChanged = Activity.Administration("follow.webhook.changed",
        "A webhook subscription's URL or event types changed, or it was switched on again.", Webhook, "host", "eventTypes", "active");
    public static readonly Activity WebhookDeleted = Activity.Administration("follow.webhook.deleted",
        "A webhook subscription was deleted.", Webhook, "host", "eventTypes", "active");
    public static readonly Activity WebhookDisabled = Activity.Administration("follow.webhook.disabled",
        "A webhook receiver failed for days without a success and was switched off (the admins were told).", Webhook, "host", "failures", "failingSince");
}
