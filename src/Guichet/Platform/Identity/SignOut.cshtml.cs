using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Platform.Identity;

/// Signing out ends every session of the account on the server (its security stamp changes),
/// not only this browser's cookie: a copy of the cookie opens nothing afterwards.
internal sealed class SignOutModel(GuichetDb db, StaffAccounts accounts, SessionStamps stamps, EventLog.EventLog eventLog) : PageModel
{
    public void OnGet() { }

    private async Task<bool> HasOidcAsync() =>
        await HttpContext.RequestServices.GetRequiredService<IAuthenticationSchemeProvider>().GetSchemeAsync(OidcSignIn.Scheme) is not null;

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await HttpContext.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        if (result.Principal?.UserId() is { } id && await db.Set<StaffUser>().FirstOrDefaultAsync(u => u.Id == id, ct) is { } user)
        {
            accounts.SignOut(user);
            eventLog.Record("staff:" + user.Id, EventLog.PlatformActivities.SignedOut, [new EventLog.EventLogObject("staff-user", user.Id.ToString(), EventLog.Role.Subject)]);
            await db.SaveChangesAsync(ct);
            stamps.Forget(user.Id);
        }
        if (result.Principal?.FindFirstValue(OidcSignIn.ViaClaim) == "oidc" && await HasOidcAsync())
        {
            // The provider's session ends too (its end-session endpoint, with the id_token as hint),
            // which then sends the browser back to the home page.
            await HttpContext.SignOutAsync(OidcSignIn.Scheme, new AuthenticationProperties { RedirectUri = "/" });
            await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return new EmptyResult();
        }
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return LocalRedirect("/");
    }
}
