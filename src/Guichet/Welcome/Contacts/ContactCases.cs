namespace Guichet.Welcome.Contacts;

/// What a case (or a complaint, Follow) needs to know of the contact it is made from: who asked, about what, in which language, by which channel.
internal sealed record ContactForCase(
    Guid Id, DateTimeOffset ReceivedAt, string Subject, string Language, Guid? ServiceId, Guid? UnitId, bool IsOpen,
    CustomerKind CustomerKind, string? CustomerNumber, string? CustomerName, string? Email, string? Phone, string? Address, Representation? OnBehalfOf, ContactChannel Channel);

/// The register's surface for later stages: opening a case file from a contact (Deliver), or reading
/// the contact a complaint is made from (Follow). The contact is found
/// within the user's sight, and marked "case opened" in the caller's unit of work, so the case,
/// the contact's outcome and both events are saved by one SaveChanges.
internal sealed class ContactCases(GuichetDb db, EventLog eventLog, WorkingCalendar calendar, TimeProvider time)
{
    public async Task<ContactForCase?> FindAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var c = await ContactScope.FindAsync(db, user, id, ct);
        return c is null ? null : new ContactForCase(c.Id, c.ReceivedAt, c.Subject, c.Language, c.ServiceId, c.UnitId, c.IsOpen,
            c.CustomerKind, c.CustomerNumber, c.CustomerName, c.Email, c.Phone, c.Address, c.OnBehalfOf, c.Channel);
    }

    /// Marks the contact as answered by the case; false when it is out of sight or no longer open
    /// (nothing is changed then).
    public async Task<bool> CaseOpenedAsync(ClaimsPrincipal user, Guid contactId, Guid caseId, string caseNumber, CancellationToken ct)
    {
        var contact = await ContactScope.FindAsync(db, user, contactId, ct, tracked: true);
        if (contact is null || !contact.IsOpen) return false;
        var now = time.GetUtcNow();
        contact.OpenedCase(caseId, caseNumber, now, calendar.WorkingDaysBetween(BrusselsTime.LocalDate(contact.ReceivedAt), BrusselsTime.LocalDate(now)));
        eventLog.Record(user, WelcomeActivities.ContactCaseOpened, [.. ContactRegister.Objects(contact, eventLog), new EventLogObject("case", caseId.ToString(), Role.Case)],
            new Dictionary<string, object?> { ["case"] = caseNumber, ["responseWorkingDays"] = contact.ResponseWorkingDays });
        return true;
    }

    /// A contact whatever the reader's sight, for the platform's own follow-up (Follow's satisfaction
    /// survey after a counter visit, run by a background job, not by a member of staff); null when unknown.
    public async Task<ContactForCase?> FindForFollowUpAsync(Guid id, CancellationToken ct)
    {
        var c = await db.Set<Contact>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        return c is null ? null : new ContactForCase(c.Id, c.ReceivedAt, c.Subject, c.Language, c.ServiceId, c.UnitId, c.IsOpen,
            c.CustomerKind, c.CustomerNumber, c.CustomerName, c.Email, c.Phone, c.Address, c.OnBehalfOf, c.Channel);
    }
}
