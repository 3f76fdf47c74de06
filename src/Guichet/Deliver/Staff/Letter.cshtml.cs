using Guichet.Deliver.Decisions;
using Guichet.Platform.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Deliver.Staff;

/// The decision letter as issued, in the language of procedure: HTML to read or print, PDF to send.
internal sealed class LetterModel(DecisionWork decisions, Texts texts) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, string format, CancellationToken ct)
    {
        if (format is not ("html" or "pdf")) return NotFound();
        if (await decisions.ReadLetterAsync(User, id, format, ct) is not { } found) return NotFound();
        return format == "pdf"
            ? File(found.Letter.Pdf(texts), "application/pdf", $"decision-{found.Number}.pdf")
            : Content(found.Letter.Html(texts), "text/html; charset=utf-8");
    }
}
