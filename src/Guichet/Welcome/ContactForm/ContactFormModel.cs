using System.Security.Cryptography;
using Guichet.Orient.Search;
using Guichet.Platform.Calendar;
using Guichet.Platform.Data;
using Guichet.Platform.EventLog;
using Guichet.Platform.Files;
using Guichet.Platform.Localization;
using Guichet.Platform.Mail;
using Guichet.Platform.Web;
using Guichet.Welcome.Contacts;
using Guichet.Welcome.MailIntake;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Guichet.Welcome.ContactForm;

/// The public contact form (no account): find the service, describe the question, attach files,
/// leave contact details. It becomes a contact of the web-form channel with a tracking link,
/// acknowledged on the page and by e-mail.
[EnableRateLimiting("public-forms")]
[RequestFormLimits(MultipartBodyLengthLimit = MaxTotalBytes + 64 * 1024)]
[RequestSizeLimit(MaxTotalBytes + 64 * 1024)]
internal sealed class ContactFormModel(GuichetDb db, EventLog eventLog, ServiceSearch search, WorkingCalendar calendar, TimeProvider time, Texts texts,
    IOptions<ContactNorms> norms, Platform.Outbox.Outbox outbox, PublicUrls urls) : PageModel
{
    public const int MaxFiles = 3;
    public const long MaxFileBytes = 10 * 1024 * 1024, MaxTotalBytes = 20 * 1024 * 1024;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Service { get; set; }
    [BindProperty] public string? Subject { get; set; }
    [BindProperty] public string? Message { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string? Website { get; set; } // the honeypot
    [BindProperty] public List<IFormFile> Files { get; set; } = [];

    public IReadOnlyList<ServiceSummary> Hits { get; private set; } = [];
    public ServiceSummary? Chosen { get; private set; }
    public Dictionary<string, string> Errors { get; } = [];
    public bool Thanks { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadServicesAsync(ct);

    private async Task LoadServicesAsync(CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(Q) && Q.Length <= 200) Hits = await search.FindAsync(Q, Languages.Current, 8, ct);
        if (Service is { } id) Chosen = await search.SummaryAsync(id, Languages.Current, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(Website))
        {
            Thanks = true; // a robot: thank it, store nothing
            return Page();
        }
        await LoadServicesAsync(ct);
        if (Service is not null && Chosen is null) Errors["service"] = texts["contactform.error.service"];
        Subject = Subject?.Trim();
        Message = Message?.Trim();
        if (string.IsNullOrEmpty(Subject)) Errors["subject"] = texts["contactform.error.subject"];
        else if (Subject.Length > Contact.MaxSubject) Errors["subject"] = texts["contactform.error.too-long", Contact.MaxSubject];
        if (string.IsNullOrEmpty(Message)) Errors["message"] = texts["contactform.error.message"];
        else if (Message.Length > 10_000) Errors["message"] = texts["contactform.error.too-long", 10_000];
        if (string.IsNullOrWhiteSpace(Name)) Errors["name"] = texts["contactform.error.name"];
        else if (Name.Length > 200) Errors["name"] = texts["contactform.error.too-long", 200];
        if (string.IsNullOrWhiteSpace(Email) || Email.Length > 254 || !System.Net.Mail.MailAddress.TryCreate(Email.Trim(), out _)) Errors["email"] = texts["contactform.error.email"];
        if (Phone is { Length: > 50 }) Errors["phone"] = texts["contactform.error.too-long", 50];
        var files = new List<(string Name, FileTypes.Kind Kind, byte[] Bytes)>();
        var chosen = Files.Where(f => f.Length > 0).ToList();
        if (chosen.Count > MaxFiles) Errors["files"] = texts["contactform.error.files-count", MaxFiles];
        else
            foreach (var f in chosen)
            {
                if (f.Length > MaxFileBytes) { Errors["files"] = texts["contactform.error.file-size", f.FileName, MaxFileBytes / 1024 / 1024]; break; }
                using var buffer = new MemoryStream();
                await f.CopyToAsync(buffer, ct);
                var bytes = buffer.ToArray();
                if (FileTypes.Sniff(bytes) is not { } kind) { Errors["files"] = texts["contactform.error.file-type", f.FileName]; break; }
                files.Add((f.FileName, kind, bytes));
            }
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var now = time.GetUtcNow();
        var language = Languages.Current;
        var entry = Chosen;
        var contact = new Contact(ContactChannel.WebForm, now, CustomerKind.Anonymous, null, Name!.Trim(), Email!.Trim(), string.IsNullOrWhiteSpace(Phone) ? null : Phone.Trim(),
            null, null, language, Subject!, entry?.Id, entry is { Referral: false } ? entry.UnitId : null, null,
            calendar.AddWorkingDays(BrusselsTime.LocalDate(now), norms.Value.ResponseDaysFor(ContactChannel.WebForm)), "customer", null);
        db.Add(contact);
        var message = new ContactMessage(contact.Id, MessageDirection.In, MailMessage.NewMessageId("web.guichet"), contact.Email, Subject!, Message!, now);
        db.Add(message);
        foreach (var (name, kind, bytes) in files)
            db.Add(new ContactAttachment(contact.Id, message.Id, FileTypes.SafeName(name, kind), kind.MediaType, bytes, Convert.ToHexStringLower(SHA256.HashData(bytes))));
        var token = ContactLink.Add(db, contact.Id, now);
        var link = urls.Absolute(ContactLink.PathFor(token));
        var culture = System.Globalization.CultureInfo.GetCultureInfo(Languages.CultureName(language));
        outbox.EnqueueMail(new MailMessage
        {
            To = [new MailAddress(contact.Email!, contact.CustomerName)],
            Subject = string.Format(culture, texts.Get(language, "contactform.mail.subject"), Subject),
            TextBody = string.Format(culture, texts.Get(language, "contactform.mail.body"), Subject, contact.RespondBy.ToString("d MMMM yyyy", culture), link),
            Headers = new Dictionary<string, string> { ["Auto-Submitted"] = "auto-replied" },
        });
        eventLog.Record("customer", "contact.received", ContactRegister.Objects(contact), new Dictionary<string, object?>
        {
            ["channel"] = "webForm", ["attachments"] = files.Count, ["respondBy"] = contact.RespondBy,
        });
        await db.SaveChangesAsync(ct);
        return Redirect(ContactLink.PathFor(token) + "?sent=true");
    }
}
