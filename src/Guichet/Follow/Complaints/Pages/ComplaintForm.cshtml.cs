using Guichet.Platform.Files;
using Guichet.Welcome.Contacts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Guichet.Follow.Complaints.Pages;

/// The public complaint form (no account): what went wrong, about which case if any, who
/// complains and how to reach them, files. It becomes a complaint with its number and a contact
/// of the web-form channel, acknowledged by e-mail, with a tracking link.
[EnableRateLimiting(RateLimits.ComplaintForm)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxTotalBytes + 64 * 1024)]
[RequestSizeLimit(MaxTotalBytes + 64 * 1024)]
internal sealed class ComplaintFormModel(ComplaintWork work, Texts texts, IOptions<ComplaintOptions> options) : PageModel
{
    public const int MaxFiles = 3;
    public const long MaxFileBytes = 10 * 1024 * 1024, MaxTotalBytes = 20 * 1024 * 1024;

    [BindProperty] public string? Category { get; set; }
    [BindProperty] public string? Subject { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public string? CaseNumber { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? CustomerNumber { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Address { get; set; }
    [BindProperty] public string? Website { get; set; } // the honeypot
    [BindProperty] public List<IFormFile> Files { get; set; } = [];

    public IReadOnlyList<string> Categories => options.Value.CategoryCodes;
    public Dictionary<string, string> Errors { get; } = [];
    public bool Thanks { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(Website))
        {
            Thanks = true; // a robot: thank it, store nothing
            return Page();
        }
        if (string.IsNullOrWhiteSpace(Category) || !Categories.Contains(Category)) Errors["category"] = texts["complaints.form.error.category"];
        if (string.IsNullOrWhiteSpace(Subject)) Errors["subject"] = texts["complaints.form.error.subject"];
        else if (Subject.Trim().Length > Complaint.MaxSubject) Errors["subject"] = texts["complaints.form.error.too-long", Complaint.MaxSubject];
        if (string.IsNullOrWhiteSpace(Description)) Errors["description"] = texts["complaints.form.error.description"];
        else if (Description.Trim().Length > Complaint.MaxDescription) Errors["description"] = texts["complaints.form.error.too-long", Complaint.MaxDescription];
        if (string.IsNullOrWhiteSpace(Name)) Errors["name"] = texts["complaints.form.error.name"];
        else if (Name.Length > 200) Errors["name"] = texts["complaints.form.error.too-long", 200];
        string? kind = "anonymous";
        if (!string.IsNullOrWhiteSpace(CustomerNumber))
        {
            if (CustomerNumbers.Digits(CustomerNumber, out _) is { } digits) kind = digits.Length == 11 ? "person" : "company";
            else Errors["customerNumber"] = texts["complaints.form.error.customer-number"];
        }
        if (!string.IsNullOrWhiteSpace(Email) && (Email.Length > 254 || !System.Net.Mail.MailAddress.TryCreate(Email.Trim(), out _))) Errors["email"] = texts["complaints.form.error.email"];
        if (Address is { Length: > 500 }) Errors["address"] = texts["complaints.form.error.too-long", 500];
        if (string.IsNullOrWhiteSpace(Email) && string.IsNullOrWhiteSpace(Address) && !Errors.ContainsKey("email")) Errors["email"] = texts["complaints.form.error.reach"];
        var files = new List<ComplaintFile>();
        var chosen = Files.Where(f => f.Length > 0).ToList();
        if (chosen.Count > MaxFiles) Errors["files"] = texts["complaints.form.error.files-count", MaxFiles];
        else
            foreach (var f in chosen)
            {
                if (f.Length > MaxFileBytes) { Errors["files"] = texts["complaints.form.error.file-size", f.FileName, MaxFileBytes / 1024 / 1024]; break; }
                using var buffer = new MemoryStream();
                await f.CopyToAsync(buffer, ct);
                var bytes = buffer.ToArray();
                if (FileTypes.Sniff(bytes) is not { } fileKind) { Errors["files"] = texts["complaints.form.error.file-type", f.FileName]; break; }
                files.Add(new ComplaintFile(f.FileName, fileKind, bytes));
            }
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        // The form's own checks passed; the use case (through the one intake) checks again.
        var request = new RegisterComplaintRequest(EnumCodes.Code(ContactChannel.WebForm), null, kind, kind == "anonymous" ? null : CustomerNumber,
            Name!.Trim(), Blank(Email), null, Blank(Address), Languages.Current, Category, Subject!.Trim(), Description!.Trim(), null, null, Blank(CaseNumber));
        var registered = await work.RegisterAsync(User, request, ct, actor: "customer", files: files);
        if (registered.Value is not { } r)
        {
            foreach (var p in registered.InvalidParams)
                Errors[p.Name] = p.Name == "caseNumber" ? texts["complaints.form.error.case"] : texts["error.invalid-value"];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        return Redirect(ComplaintLink.PathFor(r.Token) + "?sent=true");
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
