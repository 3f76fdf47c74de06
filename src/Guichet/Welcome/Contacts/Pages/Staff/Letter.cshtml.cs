using System.Globalization;
using System.Security.Cryptography;
using Guichet.Orient.Catalogue;
using Guichet.Orient.Search;
using Guichet.Platform.Calendar;
using Guichet.Platform.Files;
using Guichet.Platform.Localization;
using Guichet.Platform.Web;
using Guichet.Platform.Web.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Welcome.Contacts.Pages.Staff;

/// The mail room registers a letter with its scan. The scan is recognised by its content (a PDF
/// or an image) and limited in size; on any problem nothing is stored and the form is shown again
/// (the scan must be chosen again: a browser cannot refill a file input).
[RequestFormLimits(MultipartBodyLengthLimit = RequestLimit)]
[RequestSizeLimit(RequestLimit)]
internal sealed class LetterModel(ContactRegister register, Platform.Data.GuichetDb db, ServiceSearch search, CatalogueDirectory catalogue, TimeProvider time, Texts texts) : PageModel, IContactEntryPage
{
    public const long MaxScanBytes = 10 * 1024 * 1024;

    // Well above the scan's limit, so that a scan somewhat too large gets the page's clear error
    // rather than the server's bare refusal of the request.
    private const long RequestLimit = 4 * MaxScanBytes;

    /// A letter is scanned: a PDF or an image, not an office document.
    private static readonly HashSet<FileTypes.Kind> ScanKinds = [FileTypes.Pdf, FileTypes.Png, FileTypes.Jpeg, FileTypes.Tiff];

    public ContactEntryForm Values { get; private set; } = new();
    public FieldErrors Errors { get; } = new(texts, "contacts");
    public IReadOnlyList<ServiceSummary> Hits { get; private set; } = [];
    public ServiceSummary? Chosen { get; private set; }
    public bool Searched { get; private set; }
    public string SearchAction => "/staff/contacts/letter?handler=search";
    public IReadOnlyList<FormChoice> Units { get; private set; } = [];
    public DateOnly Today => BrusselsTime.LocalDate(time.GetUtcNow());

    public async Task OnGetAsync(CancellationToken ct)
    {
        Values = new ContactEntryForm { CustomerKind = "person", Language = Languages.Current, ReceivedOn = ContactDisplay.Iso(Today) };
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostSearchAsync(CancellationToken ct)
    {
        Values = ContactEntryForm.Read(Request.Form);
        Searched = Values.Q is not null;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? scan, CancellationToken ct)
    {
        Values = ContactEntryForm.Read(Request.Form);
        await LoadAsync(ct);
        var now = time.GetUtcNow();
        var own = new List<InvalidParam>();
        DateTimeOffset? receivedAt = null;
        if (Values.ReceivedOn is null) own.Add(new("receivedOn", "required", "The day the letter arrived."));
        else if (!DateOnly.TryParseExact(Values.ReceivedOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) own.Add(new("receivedOn", "invalid-date", "Not a date."));
        else if (day > Today) own.Add(new("receivedOn", "date-in-future", "A letter cannot arrive in the future."));
        // Received today: now; an earlier day: during that day (only the day counts for the norm).
        else receivedAt = day == Today ? now : BrusselsTime.ToInstant(day, new TimeOnly(12, 0));
        var request = Values.Request("letter", receivedAt, own);

        (FileTypes.Kind Kind, byte[] Bytes, string Name)? file = null;
        if (scan is null || scan.Length == 0) own.Add(new("scan", "required", "The scan of the letter."));
        else if (scan.Length > MaxScanBytes) own.Add(new("scan", "file-too-large", "At most 10 MB."));
        else
        {
            using var buffer = new MemoryStream();
            await scan.CopyToAsync(buffer, ct);
            var bytes = buffer.ToArray();
            if (FileTypes.Sniff(bytes) is { } kind && ScanKinds.Contains(kind)) file = (kind, bytes, scan.FileName);
            else own.Add(new("scan", "file-type", "Not a PDF or an image."));
        }

        var result = await register.RegisterAsync(User, request, ct, alsoWrong: own, alongWith: c =>
            db.Add(new ContactAttachment(c.Id, null, FileTypes.SafeName(file!.Value.Name, file.Value.Kind), file.Value.Kind.MediaType, file.Value.Bytes,
                Convert.ToHexStringLower(SHA256.HashData(file.Value.Bytes)))));
        if (result.Value is { } contact) return Redirect($"/staff/contacts/{contact.Id}?done=letter");
        Errors.Add(result.InvalidParams);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        (Hits, Chosen) = await ContactEntry.ServicesAsync(search, Values, ct);
        Units = ContactDisplay.UnitChoices(await catalogue.OwnUnitsAsync(ct));
    }
}
