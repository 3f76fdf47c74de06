using Guichet.Deliver.CaseTypes;
using Guichet.Deliver;

namespace Guichet.Deliver.Cases.Api;

internal sealed record CaseResponse(
    Guid Id, string Number, string CaseType, int CaseTypeVersion, Guid ServiceId, Guid UnitId, Guid? HandlerId,
    string Status, LocalizedText StatusText, IReadOnlyList<string> NextStatuses, bool Closed,
    string Language, string Subject, DateOnly ReceivedOn, DateOnly? CompleteOn,
    ClockResponse Clock, IReadOnlyList<ClockSuspension> Suspensions, CaseExtension? Extension, bool CanExtend,
    IReadOnlyList<CaseParty> Parties, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? ClosedAt)
{
    /// Only in the answer to opening a case: the customer's status page (the token is not stored).
    public string? StatusUrl { get; init; }

    public static CaseResponse From(Case c, CaseType t, ClockReading clock)
    {
        var status = t.Status(c.Status);
        return new(c.Id, c.Number, t.Code, t.Version, c.ServiceId, c.UnitId, c.HandlerId,
            c.Status, status?.CustomerText ?? new LocalizedText(), status?.Next ?? [], c.IsClosed,
            c.Language, c.Subject, c.ReceivedOn, c.CompleteOn,
            ClockResponse.From(clock), c.Suspensions, c.Extension, t.Content.ExtensionDays is not null && c.Extension is null,
            c.Parties, c.CreatedAt, c.UpdatedAt, c.ClosedAt);
    }
}

/// The clock as of today: state is notStarted, running, warning, suspended or breached.
internal sealed record ClockResponse(ClockState State, DateOnly? StartedOn, DateOnly? DueOn, DateOnly? WarningOn, int SuspendedDays)
{
    public static ClockResponse From(ClockReading r) => new(r.State, r.StartedOn, r.DueOn, r.WarningOn, r.SuspendedDays);
}

/// A work-list line: enough to sort and pick, without the parties' details.
internal sealed record CaseListItem(Guid Id, string Number, string CaseType, Guid UnitId, Guid? HandlerId, string Status, string Subject, string Applicant, DateOnly? DueOn, bool Suspended, bool Closed);

/// A page of the work list; pass <see cref="Next"/> as ?after= for the following page (null: last page).
internal sealed record CaseListResponse(IReadOnlyList<CaseListItem> Items, string? Next);

internal sealed record CaseNoteResponse(Guid Id, string Author, string Text, DateTimeOffset At)
{
    public static CaseNoteResponse From(CaseNote n) => new(n.Id, n.Author, n.Text, n.At);
}
