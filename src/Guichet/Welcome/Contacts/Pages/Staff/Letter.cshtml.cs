using Guichet.Orient.Catalogue;
using Guichet.Orient.Search;
using Guichet.Platform.Files;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Welcome.Contacts.Pages.Staff;

/// The mail room registers a letter with its scan. The scan is recognised by its content (a PDF
/// or an image) and limited in size; on any problem nothing is stored and the form is shown again
/// (the scan must be chosen again: a browser cannot refill a file input).
[RequestFormLimits(MultipartBodyLengthLimit = RequestLimit)]
[RequestSizeLimit(RequestLimit)]
internal sealed class LetterModel(ContactRegister register, Platform.Data.GuichetDb db, ServiceSearch search, CatalogueDirectory catalogue, TimeProvider time, Texts texts)
    : ContactEntryPage(search, catalogue, texts)
{
    public const long MaxScanBytes = 10 * 1024 * 1024;

    // Well above the scan's limit, so that a scan somewhat too large gets the page's clear error
    // rather than the server's bare refusal of the request.
    private const long RequestLimit = 4 * MaxScanBytes;

    /// A letter is scanned: a PDF or an image, not an office document.
    private static readonly HashSet<FileTypes.Kind> ScanKinds = [FileTypes.Pdf, FileTypes.Png, FileTypes.Jpeg, FileTypes.Tiff];

    public override string SearchAction => "/staff/contacts/letter?handler=search";
    public DateOnly Today => BrusselsTime.LocalDate(time.GetUtcNow());

    public async Task OnGetAsync(CancellationToken ct)
    {
        Values = new ContactEntryForm { CustomerKind = "person", Language = Languages.Current, ReceivedOn = ContactDisplay.Iso(Today) };
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? scan, CancellationToken ct)
    {
        await ReadFormAsync(ct);
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
            db.Add(ContactAttachment.Of(c.Id, null, file!.Value.Name, file.Value.Kind, file.Value.Bytes)));
        return result.Value is { } contact ? Redirect($"/staff/contacts/{contact.Id}?done=letter") : Refused(result.InvalidParams);
    }
}
