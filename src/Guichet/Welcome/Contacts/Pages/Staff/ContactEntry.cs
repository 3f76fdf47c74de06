using Guichet.Orient.Catalogue;
using Guichet.Orient.Search;
using Guichet.Platform.Web.Forms;
using Microsoft.AspNetCore.Mvc;

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

    /// A service or unit chosen in a form: null when none; one that is not an id is a problem of its field.
    public static Guid? ServiceIdOf(string? text, string field, List<InvalidParam> errors) => IdOf(text, field, "unknown-service", "Not a service id.", errors);

    public static Guid? UnitIdOf(string? text, string field, List<InvalidParam> errors) => IdOf(text, field, "unknown-id", "Not a unit id.", errors);

    private static Guid? IdOf(string? text, string field, string code, string reason, List<InvalidParam> errors)
    {
        if (text is null) return null;
        if (Guid.TryParse(text, out var id)) return id;
        errors.Add(new(field, code, reason));
        return null;
    }

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
        var service = ServiceIdOf(ServiceId, "serviceId", errors);
        var unit = UnitIdOf(UnitId, "unitId", errors);
        var representation = OnBehalfName is null && OnBehalfRole is null ? null : new RepresentationRequest(OnBehalfName, OnBehalfRole);
        return new RegisterContactRequest(channel, receivedAt, CustomerKind, CustomerNumber, CustomerName, Email, Phone, Address, representation, Language, Subject,
            service, unit, Notes);
    }
}

/// A front-office form with the customer fields and the inline service search (_Customer,
/// _ServiceSearch): the phone call and the letter. Its search button posts the form to
/// ?handler=search, which shows it again as typed, with the services found.
internal abstract class ContactEntryPage(ServiceSearch search, CatalogueDirectory catalogue, Texts texts) : ContactsPage(catalogue, texts)
{
    public ContactEntryForm Values { get; protected set; } = new();
    public IReadOnlyList<ServiceSummary> Hits { get; private set; } = [];
    public ServiceSummary? Chosen { get; private set; }
    public bool Searched { get; private set; }
    public IReadOnlyList<FormChoice> Units { get; private set; } = [];
    public abstract string SearchAction { get; }

    public async Task<IActionResult> OnPostSearchAsync(CancellationToken ct)
    {
        await ReadFormAsync(ct);
        Searched = Values.Q is not null;
        return Page();
    }

    /// The form as posted, with what the page shows around it.
    protected async Task ReadFormAsync(CancellationToken ct)
    {
        Values = ContactEntryForm.Read(Request.Form);
        await LoadAsync(ct);
    }

    /// The services found for what was typed in the search box, the one already chosen, and the units.
    protected async Task LoadAsync(CancellationToken ct)
    {
        Hits = Values.Q is { Length: <= ContactEntry.MaxQuery } q ? await search.FindAsync(q, Languages.Current, 8, ct) : [];
        Chosen = Guid.TryParse(Values.ServiceId, out var id) ? await search.SummaryAsync(id, Languages.Current, ct) : null;
        Units = ContactDisplay.UnitChoices(await Catalogue.OwnUnitsAsync(ct));
    }
}

internal static class ContactEntry
{
    public const int MaxQuery = 200;

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
