using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Guichet.Platform.Identity;

[EnableRateLimiting(RateLimits.SignIn)]
internal sealed class SignInModel(StaffAccounts accounts, GuichetDb db, Texts texts, EventLog.EventLog eventLog, SessionStamps stamps, SignInThrottle throttle, IConfiguration configuration) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    public Dictionary<string, string> Errors { get; } = [];

    /// The password form (Identity:LocalPasswords).
    public bool LocalPasswords => IdentityModule.LocalPasswords(configuration);

    /// The organisation's OpenID provider, when one is configured: its button's name.
    public string? Provider => OidcSettings.From(configuration) is { Enabled: true } oidc ? oidc.DisplayName : null;

    public void OnGet() { }

    /// "Sign in with …": to the provider (authorization code flow with PKCE), back to ReturnUrl.
    public IActionResult OnPostOidc()
    {
        if (Provider is null) return NotFound();
        return Challenge(new AuthenticationProperties { RedirectUri = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/staff" }, OidcSignIn.Scheme);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!LocalPasswords)
        {
            // Switched off: no password is checked, whatever is posted.
            Errors["email"] = texts["signin.error.passwords-off"];
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }
        if (string.IsNullOrWhiteSpace(Email)) Errors["email"] = texts["signin.error.email-missing"];
        if (string.IsNullOrEmpty(Password)) Errors["password"] = texts["signin.error.password-missing"];
        if (Errors.Count > 0) return Page();

        // The client's address as the forwarded-headers step resolved it (behind a known proxy:
        // the address the proxy saw).
        var address = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var (outcome, user, lockedOut) = await accounts.CheckPasswordAsync(Email!, Password!, address, ct);
        if (user is not null)
        {
            eventLog.Record("staff:" + user.Id, outcome == StaffAccounts.SignInOutcome.Success ? EventLog.PlatformActivities.SignedIn : EventLog.PlatformActivities.SignInFailed,
                [new EventLog.EventLogObject("staff-user", user.Id.ToString(), EventLog.Role.Subject)],
                lockedOut ? new Dictionary<string, object?> { ["lockedOut"] = true } : null);
        }
        await db.SaveChangesAsync(ct);
        if (lockedOut) stamps.Forget(user!.Id);
        switch (outcome)
        {
            case StaffAccounts.SignInOutcome.AddressThrottled:
                Errors["email"] = texts["signin.error.throttled-address", throttle.Options.WindowMinutes];
                return Page();
            case StaffAccounts.SignInOutcome.AccountThrottled:
                // The same words whether the account exists or not.
                Errors["email"] = texts["signin.error.locked", throttle.Options.WindowMinutes];
                return Page();
            case StaffAccounts.SignInOutcome.Failed:
                Errors["email"] = texts["signin.error.invalid"];
                return Page();
        }

        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, StaffClaims.ForSession(user!));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/staff");
    }
}
