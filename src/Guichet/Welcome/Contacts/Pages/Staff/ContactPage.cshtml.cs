using Guichet.Orient.Catalogue;
using Guichet.Orient.Search;
using Guichet.Platform.Calendar;
using Guichet.Platform.Data;
using Guichet.Platform.EventLog;
using Guichet.Platform.Localization;
using Guichet.Platform.Web;
using Guichet.Platform.Web.Forms;
using Guichet.Welcome.MailIntake;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Welcome.Contacts.Pages.Staff;

/// One contact: every field, its files, its e-mail thread, the response time, and what can be
/// done with it (answer, route, promise a call-back, refer to another body, called back). Reading
/// it is a view of personal data and is recorded, as the API's GET does.
internal sealed class ContactPageModel(GuichetDb db, EventLog eventLog, ContactRegister register, ServiceSearch search, CatalogueDirectory catalogue,
    TimeProvider time, Texts texts) : PageModel
{
    /// A file's description; its content is read only when it is downloaded.
    public sealed record AttachmentRow(Guid Id, string FileName, string MediaType, long Size, Guid? MessageId);

    public Contact Contact { get; private set; } = null!;
    public IReadOnlyList<AttachmentRow> Attachments { get; private set; } = [];
    public IReadOnlyList<ContactMessage> Messages { get; private set; } = [];
    public IReadOnlyDictionary<Guid, (string Text, string? Lang)> UnitNames { get; private set; } = new Dictionary<Guid, (string, string?)>();
    public ServiceSummary? Service { get; private set; }
    public IReadOnlyList<FormChoice> Units { get; private set; } = [];
    public IReadOnlyList<ServiceSummary> Hits { get; private set; } = [];
    public IReadOnlyList<FormChoice> ReferralChoices { get; private set; } = [];
    public FieldErrors Errors { get; } = new(texts, "contacts");
    public DateOnly Today => BrusselsTime.LocalDate(time.GetUtcNow());
    public bool Late => ContactDisplay.Late(Contact, Today);
    public string? Done { get; private set; }
    public string? Q { get; private set; }
    public string? PostedOutcome { get; private set; }
    public string? PostedUnit { get; private set; }
    public string? PostedService { get; private set; }
    public bool Searched => Q is not null;

    public async Task<IActionResult> OnGetAsync(Guid id, string? done, string? q, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Done = done;
        Q = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        await FindReferralsAsync(ct);
        eventLog.Record(User, WelcomeActivities.ContactViewed, ContactRegister.Objects(Contact, eventLog));
        await db.SaveChangesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostOutcomeAsync(Guid id, CancellationToken ct)
    {
        string? V(string name) => Request.Form[name].ToString().Trim() is { Length: > 0 } v ? v : null;
        PostedOutcome = V("outcome");
        PostedUnit = V("unitId");
        PostedService = V("serviceId");
        Q = V("q");
        var own = new List<Platform.Web.InvalidParam>();
        Guid? unit = null, service = null;
        if (PostedUnit is not null)
        {
            if (Guid.TryParse(PostedUnit, out var u)) unit = u;
            else own.Add(new("unitId", "unknown-id", "Not a unit id."));
        }
        if (PostedService is not null)
        {
            if (Guid.TryParse(PostedService, out var s)) service = s;
            else own.Add(new("serviceId", "unknown-service", "Not a service id."));
        }
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
        Errors.Add(own);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<IActionResult> OnPostCalledBackAsync(Guid id, CancellationToken ct)
    {
        var result = await register.CalledBackAsync(User, id, ct);
        if (result.Ok) return Redirect($"/staff/contacts/{id}?done=called-back");
        if (result.Status == 404) return NotFound();
        if (!await LoadAsync(id, ct)) return NotFound();
        Errors.Add("main", result.Code!);
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var contact = await ContactScope.Of(User).Apply(db.Set<Contact>().AsNoTracking()).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (contact is null) return false;
        Contact = contact;
        Attachments = await db.Set<ContactAttachment>().AsNoTracking().Where(a => a.ContactId == id).OrderBy(a => a.FileName)
            .Select(a => new AttachmentRow(a.Id, a.FileName, a.MediaType, a.Size, a.MessageId)).ToListAsync(ct);
        Messages = [.. (await db.Set<ContactMessage>().AsNoTracking().Where(m => m.ContactId == id).ToListAsync(ct)).OrderBy(m => m.At)];
        var units = await catalogue.OwnUnitsAsync(ct);
        Units = ContactDisplay.UnitChoices(units);
        UnitNames = await ContactDisplay.UnitNamesAsync(catalogue, new[] { contact.UnitId, contact.RegisteredByUnitId }.OfType<Guid>(), ct);
        if (contact.ServiceId is { } s) Service = await search.SummaryAsync(s, Languages.Current, ct);
        return true;
    }

    public string UnitName(Guid? id) => id is { } u && UnitNames.TryGetValue(u, out var n) ? n.Text : texts["contacts.no-unit"];

    /// The services to refer to: those found, and the one chosen before a failed post.
    private async Task FindReferralsAsync(CancellationToken ct)
    {
        if (Q is { Length: <= ContactEntry.MaxQuery }) Hits = await search.FindAsync(Q, Languages.Current, 8, ct);
        var list = new List<ServiceSummary>(Hits);
        if (Guid.TryParse(PostedService, out var id) && list.All(h => h.Id != id) && await search.SummaryAsync(id, Languages.Current, ct) is { } chosen) list.Insert(0, chosen);
        ReferralChoices = [.. list.Select(h => new FormChoice(h.Id.ToString(), $"{h.Name} — {h.Organisation}") { Hint = h.Referral ? texts["contacts.search.referral"] : null })];
    }
}
