namespace Guichet.Welcome.Queue;

/// The stable refusals of the queue, the same through the API and the desk pages.
internal static class QueueRefusals
{
    public static readonly Refusal OfficeClosed = new(409, "office-closed", "The counter is closed now: tickets are issued during its opening hours (see nextOpening).");
    public static readonly Refusal QueueEmpty = new(409, "queue-empty", "Nobody is waiting for this desk.");
    public static readonly Refusal DeskBusy = new(409, "desk-busy", "This desk is still with a customer: finish, transfer or mark the ticket absent first.");
    public static readonly Refusal TicketNotAtDesk = new(409, "ticket-not-at-desk", "This ticket is not at this desk.");
    public static readonly Refusal TicketFinished = new(409, "ticket-finished", "This ticket is already finished.");
    public static readonly Refusal TicketNotCalled = new(409, "ticket-not-called", "This step is for a ticket that was called and not yet served.");
    public static readonly Refusal TicketChanged = new(409, "ticket-changed", "This ticket was changed at the same moment: reload and try again.");
    public static readonly Refusal OfficeExists = new(409, "office-exists", "This counter already has a queue.");
    public static readonly Refusal DeskHasTicket = new(409, "desk-has-ticket", "A customer is at this desk or waits for it.");
}
