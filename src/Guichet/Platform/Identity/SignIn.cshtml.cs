using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Guichet.Platform.Identity;

[EnableRateLimiting("sign-in")]
internal sealed class SignInModel(StaffAccounts accounts, GuichetDb db, Texts texts, EventLog.EventLog eventLog) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    public Dictionary<string, string> Errors { get; } = [];

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Email)) Errors["email"] = texts["signin.error.email-missing"];
        if (string.IsNullOrEmpty(Password)) Errors["password"] = texts["signin.error.password-missing"];
        if (Errors.Count > 0) return Page();

        var (outcome, user) = await accounts.CheckPasswordAsync(Email!, Password!, ct);
        if (user is not null)
        {
            eventLog.Record("staff:" + user.Id, outcome == StaffAccounts.SignInOutcome.Success ? EventLog.PlatformActivities.SignedIn : EventLog.PlatformActivities.SignInFailed,
                [new EventLog.EventLogObject("staff-user", user.Id.ToString(), EventLog.Role.Subject)]);
            await db.SaveChangesAsync(ct);
        }
        switch (outcome)
        {
            case StaffAccounts.SignInOutcome.LockedOut:
                Errors["email"] = texts["signin.error.locked"];
                return Page();
            case StaffAccounts.SignInOutcome.Failed:
                Errors["email"] = texts["signin.error.invalid"];
                return Page();
        }

        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            new System.Security.Claims.ClaimsPrincipal(StaffClaims.For(user!, CookieAuthenticationDefaults.AuthenticationScheme)));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/staff");
    }
}
