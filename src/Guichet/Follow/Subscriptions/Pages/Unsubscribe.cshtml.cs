using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Follow.Subscriptions.Pages;

/// The List-Unsubscribe URL (RFC 8058). A mail program POSTs "List-Unsubscribe=One-Click" to it and
/// the subscriber is gone at once: no page to read, no sign-in, no antiforgery token (the signed
/// link is the proof). Opened in a browser, it shows one button doing the same.
[IgnoreAntiforgeryToken]
internal sealed class UnsubscribeModel(SubscriptionWork work) : PageModel
{
    public string State { get; private set; } = "ask";

    public IActionResult OnGet(string token)
    {
        SubscriptionForm.NoTrace(this);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        SubscriptionForm.NoTrace(this);
        if (await work.EraseAsync(token, SubscriberLinks.Unsubscribe, ct))
        {
            State = "done";
            return Page();
        }
        State = "unknown";
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
