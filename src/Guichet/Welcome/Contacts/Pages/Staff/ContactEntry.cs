using Guichet.Orient.Search;
using Guichet.Platform.Localization;
using Guichet.Platform.Web;
using Guichet.Platform.Web.Forms;

namespace Guichet.Welcome.Contacts.Pages.Staff;

/// What a front-office form (phone call, letter) holds, as typed, to show it again. Names are the
/// API's JSON paths, so the register's problems land on the right field.
internal sealed class ContactEntryForm
{
    public string? CustomerKind { get; init; }
    public string? CustomerNumber { get; init; }
    public string? CustomerName { get; init; }
    public string? Phone { get; init; }
    public string? Email { get; init; }
    public string? Address { get; init; }
    public string? OnBehalfName { get; init; }
    public string? OnBehalfRole { get; init; }
    public string? Language { get; init; }
    public string? ReceivedOn { get; init; }
    public string? Subject { get; init; }
    public string? Q { get; init; }
    public string? ServiceId { get; init; }
    public string? UnitId { get; init; }
    public string? Notes { get; init; }
    public string? Outcome { get; init; }
    public string? OutcomeUnitId { get; init; }

    public static ContactEntryForm Read(IFormCollection f)
    {
        string? V(string name) => f[name].ToString().Trim() is { Length: > 0 } v ? v : null;
        return new ContactEntryForm
        {
            CustomerKind = V("customerKind"), CustomerNumber = V("customerNumber"), CustomerName = V("customerName"), Phone = V("phone"), Email = V("email"),
            Address = V("address"), OnBehalfName = V("onBehalfOf.name"), OnBehalfRole = V("onBehalfOf.role"), Language = V("language"), ReceivedOn = V("receivedOn"),
            Subject = V("subject"), Q = V("q"), ServiceId = V("serviceId"), UnitId = V("unitId"), Notes = V("notes"), Outcome = V("outcome"), OutcomeUnitId = V("outcome.unitId"),
        };
    }

    /// The register's request; a value that is not an id is reported in <paramref name="errors"/>.
    public RegisterContactRequest Request(string channel, DateTimeOffset? receivedAt, List<InvalidParam> errors)
    {
        Guid? service = null, unit = null;
        if (ServiceId is not null)
        {
            if (Guid.TryParse(ServiceId, out var s)) service = s;
            else errors.Add(new("serviceId", "unknown-service", "Not a service id."));
        }
        if (UnitId is not null)
        {
            if (Guid.TryParse(UnitId, out var u)) unit = u;
            else errors.Add(new("unitId", "unknown-id", "Not a unit id."));
        }
        var representation = OnBehalfName is null && OnBehalfRole is null ? null : new RepresentationRequest(OnBehalfName, OnBehalfRole);
        return new RegisterContactRequest(channel, receivedAt, CustomerKind, CustomerNumber, CustomerName, Email, Phone, Address, representation, Language, Subject,
            service, unit, Notes);
    }
}

/// A page with the customer fields and the inline service search (_Customer, _ServiceSearch).
internal interface IContactEntryPage
{
    ContactEntryForm Values { get; }
    FieldErrors Errors { get; }
    IReadOnlyList<ServiceSummary> Hits { get; }
    ServiceSummary? Chosen { get; }
    bool Searched { get; }
    string SearchAction { get; }
}

internal static class ContactEntry
{
    public const int MaxQuery = 200;

    /// The services found for what was typed in the search box, and the one already chosen.
    public static async Task<(IReadOnlyList<ServiceSummary> Hits, ServiceSummary? Chosen)> ServicesAsync(ServiceSearch search, ContactEntryForm values, CancellationToken ct)
    {
        IReadOnlyList<ServiceSummary> hits = values.Q is { Length: <= MaxQuery } q ? await search.FindAsync(q, Languages.Current, 8, ct) : [];
        var chosen = Guid.TryParse(values.ServiceId, out var id) ? await search.SummaryAsync(id, Languages.Current, ct) : null;
        return (hits, chosen);
    }

    public static IReadOnlyList<FormChoice> Kinds(Texts t) =>
        [.. Enum.GetValues<CustomerKind>().Select(k => new FormChoice(EnumCodes.Code(k), ContactDisplay.Name(t, "kind", k)))];

    public static IReadOnlyList<FormChoice> Roles(Texts t) =>
        [.. Enum.GetValues<RepresentativeRole>().Select(r => new FormChoice(EnumCodes.Code(r), ContactDisplay.Name(t, "role", r)))];

    /// The customer's language, each named in its own language.
    public static IReadOnlyList<FormChoice> CustomerLanguages =>
        [.. Languages.Supported.Select(l => new FormChoice(l, Languages.NativeName(l), l))];

    /// What the front office may decide at once (a later outcome such as a case opened is not chosen here).
    public static IReadOnlyList<FormChoice> Outcomes(Texts t) =>
        [.. new[] { ContactOutcome.Answered, ContactOutcome.Routed, ContactOutcome.CallBackPromised, ContactOutcome.Referred }
            .Select(o => new FormChoice(EnumCodes.Code(o), ContactDisplay.Name(t, "outcome", o)) { Hint = t.Has($"contacts.outcome-hint.{EnumCodes.Code(o)}") ? t[$"contacts.outcome-hint.{EnumCodes.Code(o)}"] : null })];
}
