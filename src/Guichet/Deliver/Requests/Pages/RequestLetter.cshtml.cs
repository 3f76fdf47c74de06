using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Deliver.Requests.Pages;

/// A request to the customer as a letter to print and post, with a status link of its own to answer it.
internal sealed class RequestLetterModel(RequestWork requests) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, Guid requestId, CancellationToken ct)
    {
        var result = await requests.LetterAsync(User, id, requestId, ct);
        if (result.Value is not { } html) return NotFound();
        // The letter is a page of its own with its print styles inline; it holds escaped text only.
        Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
        Response.Headers.CacheControl = "no-store"; // it carries a fresh status link
        return Content(html, "text/html; charset=utf-8");
    }
}
