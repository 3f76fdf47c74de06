using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Deliver.Decisions.Pages;

/// The decision letter as issued, in the language of procedure: HTML to read or print, PDF to send.
internal sealed class LetterModel(DecisionWork decisions, Texts texts) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, string format, CancellationToken ct)
    {
        if (format is not ("html" or "pdf")) return NotFound();
        if ((await decisions.ReadLetterAsync(User, id, format, ct)).Value is not { } letter) return NotFound();
        if (format == "pdf") return File(letter.Pdf(texts), "application/pdf", $"decision-{letter.CaseNumber}.pdf");
        // The letter is a page of its own with its print styles inline; it holds escaped text only.
        Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
        return Content(letter.Html(texts), "text/html; charset=utf-8");
    }
}
