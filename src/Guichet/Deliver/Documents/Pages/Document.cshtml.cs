using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Deliver.Documents.Pages;

/// Downloads a document of a case; the download is recorded (a view of personal data).
internal sealed class DocumentModel(DocumentWork documents) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, Guid documentId, CancellationToken ct) =>
        (await documents.DownloadAsync(User, id, documentId, ct)).Value is { } found
            ? File(found.Bytes, found.Document.MediaType, found.Document.FileName)
            : NotFound();
}
