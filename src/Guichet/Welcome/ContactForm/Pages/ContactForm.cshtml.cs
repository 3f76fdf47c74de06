using Guichet.Orient.Search;
using Guichet.Platform.Files;
using Guichet.Platform.Mail;
using Guichet.Welcome.Contacts;
using Guichet.Welcome.MailIntake;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Guichet.Welcome.ContactForm.Pages;

/// The public contact form (no account): find the service, describe the question, attach files,
/// leave contact details. It becomes a contact of the web-form channel with a tracking link,
/// acknowledged on the page and by e-mail.
[EnableRateLimiting(RateLimits.ContactForm)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxTotalBytes + 64 * 1024)]
[RequestSizeLimit(MaxTotalBytes + 64 * 1024)]
internal sealed class ContactFormModel(GuichetDb db, ContactRegister register, ServiceSearch search, TimeProvider time, Texts texts,
    Platform.Outbox.Outbox outbox, PublicUrls urls) : PageModel
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

        // The form's own checks passed; the register (the one intake of every channel) checks again
        // and stores the contact with the form's message, files, tracking link and acknowledgement.
        var now = time.GetUtcNow();
        var language = Languages.Current;
        string? token = null;
        var request = new RegisterContactRequest(EnumCodes.Code(ContactChannel.WebForm), now, "anonymous", null, Name!.Trim(), Email!.Trim(),
            string.IsNullOrWhiteSpace(Phone) ? null : Phone.Trim(), null, null, language, Subject, Chosen?.Id, null, null);
        var registered = await register.RegisterAsync(User, request, ct, actor: "customer",
            attributes: new Dictionary<string, object?> { ["attachments"] = files.Count },
            alongWith: c =>
            {
                var message = new ContactMessage(c.Id, MessageDirection.In, MailMessage.NewMessageId("web.guichet"), c.Email!, Subject!, Message!, now);
                db.Add(message);
                foreach (var (name, kind, bytes) in files)
                    db.Add(ContactAttachment.Of(c.Id, message.Id, name, kind, bytes));
                token = ContactLink.Add(db, c.Id, now);
                var culture = System.Globalization.CultureInfo.GetCultureInfo(Languages.CultureName(language));
                outbox.EnqueueMail(new MailMessage
                {
                    To = [new MailAddress(c.Email!, c.CustomerName)],
                    Subject = string.Format(culture, texts.Get(language, "contactform.mail.subject"), Subject),
                    TextBody = string.Format(culture, texts.Get(language, "contactform.mail.body"), Subject, c.RespondBy.ToString("d MMMM yyyy", culture), urls.Absolute(ContactLink.PathFor(token))),
                    Headers = new Dictionary<string, string> { ["Auto-Submitted"] = "auto-replied" },
                }, PendingEvent.MailSent("contact-acknowledgement", new EventLogObject("contact", c.Id.ToString(), Role.Contact)));
            });
        if (!registered.Ok)
        {
            // What the register refuses that the form did not catch (a service withdrawn meanwhile).
            foreach (var p in registered.InvalidParams)
                Errors[p.Name switch { "serviceId" => "service", "customerName" => "name", _ => p.Name }] = p.Name == "serviceId" ? texts["contactform.error.service"] : texts["error.invalid-value"];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadServicesAsync(ct);
            return Page();
        }
        return Redirect(ContactLink.PathFor(token!) + "?sent=true");
    }
}
