using Guichet.Orient.Catalogue;
using Guichet.Orient.Search;
using Guichet.Platform.Web.Forms;
using Guichet.Welcome.MailIntake;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Welcome.Contacts.Pages.Staff;

/// One contact: every field, its files, its e-mail thread, the response time, and what can be
/// done with it (answer, route, promise a call-back, refer to another body, called back). Reading
/// it is a view of personal data and is recorded, as the API's GET does.
internal sealed class ContactPageModel(GuichetDb db, ContactRegister register, ServiceSearch search, CatalogueDirectory catalogue,
    TimeProvider time, Texts texts) : ContactsPage(catalogue, texts)
{
    /// A file's description; its content is read only when it is downloaded.
    public sealed record AttachmentRow(Guid Id, string FileName, string MediaType, long Size, Guid? MessageId);

    public Contact Contact { get; private set; } = null!;
    public IReadOnlyList<AttachmentRow> Attachments { get; private set; } = [];
    public IReadOnlyList<ContactMessage> Messages { get; private set; } = [];
    public ServiceSummary? Service { get; private set; }
    public IReadOnlyList<FormChoice> Units { get; private set; } = [];
    public IReadOnlyList<ServiceSummary> Hits { get; private set; } = [];
    public IReadOnlyList<FormChoice> ReferralChoices { get; private set; } = [];
    public DateOnly Today => BrusselsTime.LocalDate(time.GetUtcNow());
    public bool Late => Contact.Late(Today);
    public string? Done { get; private set; }
    public string? Q { get; private set; }
    public string? PostedOutcome { get; private set; }
    public string? PostedUnit { get; private set; }
    public string? PostedService { get; private set; }
    public bool Searched => Q is not null;

    public async Task<IActionResult> OnGetAsync(Guid id, string? done, string? q, CancellationToken ct)
    {
        if (await register.ViewAsync(User, id, ct) is not { } contact) return NotFound();
        await LoadAsync(contact, ct);
        Done = done;
        Q = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        await FindReferralsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostOutcomeAsync(Guid id, CancellationToken ct)
    {
        string? V(string name) => Request.Form[name].ToString().Trim() is { Length: > 0 } v ? v : null;
        PostedOutcome = V("outcome");
        PostedUnit = V("unitId");
        PostedService = V("serviceId");
        Q = V("q");
        var own = new List<InvalidParam>();
        var unit = ContactEntryForm.UnitIdOf(PostedUnit, "unitId", own);
        var service = ContactEntryForm.ServiceIdOf(PostedService, "serviceId", own);
        if (own.Count == 0)
        {
            var decided = await register.DecideAsync(User, id, new OutcomeRequest(PostedOutcome, unit, service, null), ct);
            if (decided.Value is { } contact) return Redirect($"/staff/contacts/{id}?done={EnumCodes.Code(contact.Outcome)}");
            if (decided.Status == 404) return NotFound();
            own.AddRange(decided.InvalidParams);
            // Decided by a colleague meanwhile: the form is gone, so the message points at the page.
            if (decided.Status == 409) own.Add(new("main", decided.Code!, decided.Title!));
        }
        if (!await LoadAsync(id, ct)) return NotFound();
        await FindReferralsAsync(ct);
        return Refused(own);
    }

    public async Task<IActionResult> OnPostCalledBackAsync(Guid id, CancellationToken ct)
    {
        var result = await register.CalledBackAsync(User, id, ct);
        if (result.Ok) return Redirect($"/staff/contacts/{id}?done=called-back");
        if (result.Status == 404) return NotFound();
        if (!await LoadAsync(id, ct)) return NotFound();
        return Refused([new InvalidParam("main", result.Code!, result.Title!)], status: StatusCodes.Status409Conflict);
    }

    /// The page again after a refused post (the view was recorded when it was opened).
    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await ContactScope.FindAsync(db, User, id, ct) is not { } contact) return false;
        await LoadAsync(contact, ct);
        return true;
    }

    private async Task LoadAsync(Contact contact, CancellationToken ct)
    {
        Contact = contact;
        Attachments = await db.Set<ContactAttachment>().AsNoTracking().Where(a => a.ContactId == contact.Id).OrderBy(a => a.FileName)
            .Select(a => new AttachmentRow(a.Id, a.FileName, a.MediaType, a.Size, a.MessageId)).ToListAsync(ct);
        Messages = [.. (await db.Set<ContactMessage>().AsNoTracking().Where(m => m.ContactId == contact.Id).ToListAsync(ct)).OrderBy(m => m.At)];
        Units = ContactDisplay.UnitChoices(await Catalogue.OwnUnitsAsync(ct));
        await NameUnitsAsync([contact.UnitId, contact.RegisteredByUnitId], ct);
        if (contact.ServiceId is { } s) Service = await search.SummaryAsync(s, Languages.Current, ct);
    }

    /// The services to refer to: those found, and the one chosen before a failed post.
    private async Task FindReferralsAsync(CancellationToken ct)
    {
        if (Q is { Length: <= ContactEntry.MaxQuery }) Hits = await search.FindAsync(Q, Languages.Current, 8, ct);
        var list = new List<ServiceSummary>(Hits);
        if (Guid.TryParse(PostedService, out var id) && list.All(h => h.Id != id) && await search.SummaryAsync(id, Languages.Current, ct) is { } chosen) list.Insert(0, chosen);
        ReferralChoices = [.. list.Select(h => new FormChoice(h.Id.ToString(), $"{h.Name} — {h.Organisation}") { Hint = h.Referral ? Texts["contacts.search.referral"] : null })];
    }
}
