using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Guichet.Follow.Subscriptions.Pages;

/// The confirmation link of the first mail. Opening it shows a button; only pressing it confirms,
/// so that a mail filter that opens every link confirms nobody. A used, expired, unknown or altered
/// link shows a page that says so and changes nothing.
[EnableRateLimiting("public-forms")]
internal sealed class ConfirmModel(SubscriptionWork work) : PageModel
{
    public int State { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        SubscriptionForm.NoTrace(this);
        var (_, status) = await work.OpenConfirmationAsync(token, ct);
        State = status;
        Response.StatusCode = status;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        SubscriptionForm.NoTrace(this);
        var confirmed = await work.ConfirmAsync(token, SubscriptionForm.Origin(this), ct);
        if (confirmed.Value is { } manage) return Redirect(SubscriptionMail.ManagePath(manage) + "?confirmed=true");
        State = confirmed.Status;
        Response.StatusCode = confirmed.Status;
        return Page();
    }
}
