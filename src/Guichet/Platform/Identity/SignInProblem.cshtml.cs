using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Platform.Identity;

/// Where a sign-in through the OpenID provider ends when it cannot open a session: the person has
/// no Guichet role (no account is made), or the provider's answer failed its checks (tampered,
/// replayed, expired, an error at the provider).
internal sealed class SignInProblemModel : PageModel
{
    public string Reason { get; private set; } = "failed";

    public void OnGet(string? reason)
    {
        Reason = reason == "no-role" ? "no-role" : "failed";
        Response.StatusCode = Reason == "no-role" ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest;
    }
}
