using Guichet.Orient.Catalogue;
using Guichet.Platform.Identifiers;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Guichet.Welcome.Contacts.Api;

internal sealed record ContactResponse(
    Guid Id, ContactChannel Channel, DateTimeOffset ReceivedAt, CustomerKind CustomerKind, string? CustomerNumber, string? CustomerName,
    string? Email, string? Phone, string? Address, Representation? OnBehalfOf, string Language, string Subject, Guid? ServiceId, Guid? UnitId,
    ContactOutcome Outcome, string? Notes, DateOnly RespondBy, DateTimeOffset? RespondedAt, int? ResponseWorkingDays, bool Late,
    DateOnly? CallBackBy, DateTimeOffset? CalledBackAt, bool CallBackOverdue, Guid? CaseId, string? CaseNumber)
{
    public static ContactResponse From(Contact c, DateOnly today) => new(
        c.Id, c.Channel, c.ReceivedAt, c.CustomerKind, c.CustomerNumber, c.CustomerName, c.Email, c.Phone, c.Address, c.OnBehalfOf, c.Language, c.Subject,
        c.ServiceId, c.UnitId, c.Outcome, c.Notes, c.RespondBy, c.RespondedAt, c.ResponseWorkingDays,
        c.Late(today),
        c.CallBackBy, c.CalledBackAt, c.CallBackOverdue(today), c.CaseId, c.CaseNumber);
}

internal static class ContactsApi
{
    public static WebApplication MapContactsApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Contacts").RequireAuthorization(Acts.ContactWork);
        api.MapPost("/contacts", Register).ProducesProblem(400)
            .WithSummary("Registers a contact from any channel: the customer (a person with a national number, a company with an enterprise number, or anonymous), who acts for them, the subject, the catalogue service and the competent unit (from the service when not given).");
        api.MapGet("/contacts", Inbox).ProducesProblem(400)
            .WithSummary("A unit's inbox: contacts of the caller's unit (front office and admins: all), newest first; ?unit=, ?open=true, ?channel=, ?limit= (1-200).");
        api.MapGet("/contacts/call-backs", CallBacks).WithSummary("Promised call-backs, by due date; ?overdue=true for the late ones.");
        api.MapGet("/contacts/{id:guid}", Get).ProducesProblem(404).WithSummary("One contact; the view is recorded.");
        api.MapPost("/contacts/{id:guid}/outcome", Decide).ProducesProblem(400).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Answered, routed to a unit, referred to another body (its contact data is e-mailed to the customer), or a call-back promised (due within the call-back norm).");
        api.MapPost("/contacts/{id:guid}/called-back", CalledBack).ProducesProblem(404).ProducesProblem(409).WithSummary("The promised call-back was made.");
        api.MapGet("/contacts/{id:guid}/referral.html", Referral).ProducesProblem(404).WithSummary("The competent body's contact data, to print and hand over or post.");
        api.MapGet("/customers/{number}/contacts", History).ProducesProblem(400)
            .WithSummary("Every contact of a person (national number) or company (enterprise number) across channels, newest first; the view is recorded.");
        return app;
    }

    private static DateOnly Today(TimeProvider time) => BrusselsTime.LocalDate(time.GetUtcNow());

    private static async Task<Results<Created<ContactResponse>, ProblemHttpResult>> Register(RegisterContactRequest request, ContactRegister register, TimeProvider time, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await register.RegisterAsync(user, request, ct);
        return result.Value is { } contact ? TypedResults.Created($"/api/v1/contacts/{contact.Id}", ContactResponse.From(contact, Today(time))) : result.ToProblem();
    }

    private static async Task<Results<Ok<List<ContactResponse>>, ProblemHttpResult>> Inbox(Guid? unit, bool? open, string? channel, int? limit, ContactRegister register, TimeProvider time, ClaimsPrincipal user, CancellationToken ct)
    {
        if (limit is < 1 or > 200) return Problems.Validation("limit", "out-of-range", "From 1 to 200.");
        ContactChannel? ch = null;
        if (channel is not null)
        {
            var errors = new List<InvalidParam>();
            ch = EnumCodes.Read<ContactChannel>(channel, "channel", errors);
            if (ch is null) return Problems.Validation(errors);
        }
        return Responses(await register.InboxAsync(user, unit, open == true, ch, limit ?? 50, ct), time);
    }

    private static async Task<Ok<List<ContactResponse>>> CallBacks(bool? overdue, ContactRegister register, TimeProvider time, ClaimsPrincipal user, CancellationToken ct) =>
        Responses(await register.CallBacksAsync(user, overdue == true, ct), time);

    private static async Task<Results<Ok<ContactResponse>, ProblemHttpResult>> Get(Guid id, ContactRegister register, TimeProvider time, ClaimsPrincipal user, CancellationToken ct) =>
        await register.ViewAsync(user, id, ct) is { } contact ? TypedResults.Ok(ContactResponse.From(contact, Today(time))) : Problems.NotFound("The contact");

    private static async Task<Results<Ok<ContactResponse>, ProblemHttpResult>> Decide(Guid id, OutcomeRequest request, ContactRegister register, TimeProvider time, ClaimsPrincipal user, CancellationToken ct) =>
        Answer(await register.DecideAsync(user, id, request, ct), time);

    private static async Task<Results<Ok<ContactResponse>, ProblemHttpResult>> CalledBack(Guid id, ContactRegister register, TimeProvider time, ClaimsPrincipal user, CancellationToken ct) =>
        Answer(await register.CalledBackAsync(user, id, ct), time);

    private static Results<Ok<ContactResponse>, ProblemHttpResult> Answer(Result<Contact> result, TimeProvider time) =>
        result.Value is { } contact ? TypedResults.Ok(ContactResponse.From(contact, Today(time))) : result.ToProblem();

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> Referral(Guid id, ContactRegister register, ClaimsPrincipal user, CancellationToken ct) =>
        await register.ReferralHtmlAsync(user, id, ct) is { } html ? TypedResults.Content(html, "text/html; charset=utf-8") : Problems.NotFound("The referral");

    private static async Task<Results<Ok<List<ContactResponse>>, ProblemHttpResult>> History(string number, ContactRegister register, TimeProvider time, ClaimsPrincipal user, CancellationToken ct)
    {
        if (CustomerNumbers.Digits(number, out _) is not { } digits) return Problems.Validation("number", "national-number-checksum", "Not a valid national or enterprise number.");
        return Responses(await register.HistoryAsync(user, digits, ct), time);
    }

    private static Ok<List<ContactResponse>> Responses(List<Contact> contacts, TimeProvider time)
    {
        var today = Today(time);
        return TypedResults.Ok(contacts.Select(c => ContactResponse.From(c, today)).ToList());
    }
}
