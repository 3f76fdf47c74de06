using Guichet.Deliver.Cases;
using Guichet.Deliver.Documents.Api;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Deliver.Documents.Pages;

/// Adds a document to a case from the case page's upload form, then goes back to the case page
/// (with the problem, if any). The antiforgery token is checked here rather than by the page
/// filter, after the size: a file over the limit is refused before its body is read, with a
/// clear message rather than a bare "bad request".
[IgnoreAntiforgeryToken]
internal sealed class UploadModel(DocumentWork documents, GuichetDb db, IAntiforgery antiforgery) : PageModel
{
    public IActionResult OnGet(Guid id) => Redirect($"/staff/cases/{id}#documents");

    [RequiresAct(Acts.CaseAnnotate)]
    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if ((await CaseScope.FindAsync(db, User, id, tracked: false, ct)).Value is not { } @case) return NotFound();
        var (file, form, problem) = await DocumentsApi.ReadFileAsync(Request, CaseDocument.MaxBytes, ct);
        var kind = form?["document.kind"].ToString();
        if (problem is not null)
        {
            // Too large or no file: nothing is stored, and the case page says why.
            var code = Request.ContentLength > CaseDocument.MaxBytes || problem.ProblemDetails.Status == StatusCodes.Status413PayloadTooLarge ? "file-too-large" : "file-missing";
            if (form is not null && !await antiforgery.IsRequestValidAsync(HttpContext)) return BadRequest();
            return Back(id, code, kind);
        }
        if (!await antiforgery.IsRequestValidAsync(HttpContext)) return BadRequest();
        using var buffer = new MemoryStream();
        await file!.CopyToAsync(buffer, ct);
        var result = await documents.AddAsync(User, @case, string.IsNullOrEmpty(kind) ? null : kind, file.FileName, buffer.ToArray(), ct);
        if (result.Value is not null) return Redirect($"/staff/cases/{id}?done=document-added#documents");
        return Back(id, result.InvalidParams.FirstOrDefault()?.Code ?? result.Code ?? "invalid-value", kind);
    }

    private RedirectResult Back(Guid id, string code, string? kind) =>
        Redirect($"/staff/cases/{id}?upload={Uri.EscapeDataString(code)}&kind={Uri.EscapeDataString(kind ?? "")}#documents");
}
