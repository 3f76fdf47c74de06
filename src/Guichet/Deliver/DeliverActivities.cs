namespace Guichet.Deliver;

/// The journal's activities of Deliver: case files, their clock, requests to the customer,
/// advice between units, documents, decisions and appeals, case types.
internal static class DeliverActivities
{
    private static readonly string[] Case = ["case:subject", "unit:unit", "customer:customer"];

    public static readonly Activity CaseOpened = Activity.Process("deliver.case.opened", "A case file was opened; the business time is the day the request was received.",
        [.. Case, "contact:contact"], "number", "caseType", "caseTypeVersion", "status", "unit", "language", "receivedOn", "dueOn", "contact");
    public static readonly Activity StatusChanged = Activity.Process("deliver.case.status-changed", "The case moved to another status of its case type.", Case, "from", "to", "closed", "dueOn");
    public static readonly Activity CaseSuspended = Activity.Process("deliver.case.suspended", "The clock stopped (a reason of the case type, or a request to the customer).", Case, "reason", "on", "request", "dueOn");
    public static readonly Activity CaseResumed = Activity.Process("deliver.case.resumed", "The clock runs again.", Case, "on", "request", "dueOn");
    public static readonly Activity CaseCompleted = Activity.Process("deliver.case.completed", "The file was marked complete (the clock may start from here).", Case, "on", "dueOn");
    public static readonly Activity CaseExtended = Activity.Process("deliver.case.extended", "The processing time was extended once, with a reason told to the customer.", Case, "days", "reason", "dueOn");
    public static readonly Activity CaseAssigned = Activity.Process("deliver.case.assigned", "The case was assigned to a unit and a handler.", [.. Case, "unit:previous-unit"], "unit", "handler", "dueOn");
    public static readonly Activity NoteAdded = Activity.Process("deliver.case-note.added", "A handler added an internal note.", Case);
    public static readonly Activity CaseViewed = Activity.Access("deliver.case.viewed", "A member of staff read a case file.", Case);
    public static readonly Activity CaseListViewed = Activity.Access("deliver.case-list.viewed", "A member of staff read a page of a work list or search (one event a page; the cases shown are an attribute).", [], "cases", "count");
    public static readonly Activity StatusLinkCreated = Activity.Process("deliver.status-link.created", "A new status link was made for the customer (earlier ones stop).", Case);

    public static readonly Activity DocumentAdded = Activity.Process("deliver.document.added", "A document was added to the case (by staff or by the customer).", [.. Case, "document:part"], "kind", "mediaType", "size", "sha256");
    public static readonly Activity DocumentViewed = Activity.Access("deliver.document.viewed", "A member of staff downloaded a case document.", [.. Case, "document:part"]);

    public static readonly Activity RequestAsked = Activity.Process("deliver.request.asked", "The customer was asked for a document or information by a date.", [.. Case, "customer-request:part"], "dueOn");
    public static readonly Activity RequestAnswered = Activity.Process("deliver.request.answered", "The customer answered a request (through the status link).", [.. Case, "customer-request:part", "document:part"], "document");
    public static readonly Activity RequestWithdrawn = Activity.Process("deliver.request.withdrawn", "A request still open ended unanswered: the case was decided or closed (reason case-decided, case-closed).", [.. Case, "customer-request:part"], "reason", "dueOn");
    public static readonly Activity RequestLetterPrinted = Activity.Process("deliver.request-letter.printed", "The letter of a request was printed to be posted.", [.. Case, "customer-request:part"]);

    public static readonly Activity AdviceRequested = Activity.Process("deliver.advice.requested", "Another unit was asked for its advice within the agreed working days.", [.. Case, "unit:asked-unit"], "advice", "dueOn", "workingDays");
    public static readonly Activity AdviceGiven = Activity.Process("deliver.advice.given", "The unit asked gave its advice.", ["case:subject", "unit:asked-unit"], "advice", "dueOn", "kept");

    public static readonly Activity DecisionIssued = Activity.Process("deliver.decision.issued", "A motivated decision with its appeal block was issued.", Case, "outcome", "channel", "notifiedOn", "appealDeadline", "from", "to");
    public static readonly Activity DecisionNotified = Activity.Process("deliver.decision.notified", "The decision reached the customer: its mail was sent, or its letter posted (business time: the notification date).",
        [.. Case, "outbox-message:message"], "channel", "notifiedOn");
    public static readonly Activity DecisionLetterViewed = Activity.Access("deliver.decision-letter.viewed", "A member of staff read the decision letter.", Case, "format");
    public static readonly Activity AppealLodged = Activity.Process("deliver.appeal.lodged", "An objection or appeal against the decision was registered.", Case, "kind", "lodgedOn", "late");

    public static readonly Activity CaseTypeCreated = Activity.Administration("deliver.case-type.created", "A case type was created (version 1).", ["case-type:subject"], "code", "version", "language");
    public static readonly Activity CaseTypeChanged = Activity.Administration("deliver.case-type.changed", "A new version of a case type was written.", ["case-type:subject", "case-type:previous-version"], "code", "version");
}
