using Guichet.Platform.Web.Forms;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Platform.Identity;

/// A signed-in staff member changes their own password: the current one, the new one twice. The
/// change ends every other session of the account (a new security stamp); this browser is signed
/// in again with the new stamp. Without local passwords (Identity:LocalPasswords off, or an account
/// that signs in through the organisation's provider only) there is nothing to change here.
[Authorize(Policy = Policies.Staff)]
internal sealed class PasswordModel(GuichetDb db, StaffAccounts accounts, SessionStamps stamps, EventLog.EventLog eventLog, IConfiguration configuration, Texts texts) : PageModel
{
    public FieldErrors Errors { get; } = new(texts, "password");

    public bool Changed { get; private set; }

    /// Whether this account has a password the platform checks.
    public bool HasPassword { get; private set; }

    public int MinLength => StaffAccounts.MinPasswordLength;

    private async Task<StaffUser?> UserAsync(CancellationToken ct)
    {
        var id = User.UserId();
        var user = id is null ? null : await db.Set<StaffUser>().FirstOrDefaultAsync(u => u.Id == id, ct);
        HasPassword = user is { PasswordHash.Length: > 0 } && IdentityModule.LocalPasswords(configuration);
        return user;
    }

    public async Task OnGetAsync(string? done, CancellationToken ct)
    {
        await UserAsync(ct);
        Changed = done == "changed";
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await UserAsync(ct);
        if (user is null || !HasPassword)
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }
        // Passwords are taken as typed: spaces count.
        var current = Request.Form["currentPassword"].ToString();
        var next = Request.Form["newPassword"].ToString();
        var confirm = Request.Form["confirmPassword"].ToString();
        if (current.Length == 0) Errors.Add("currentPassword", "required");
        if (next.Length == 0) Errors.Add("newPassword", "required");
        else if (next.Length < MinLength) Errors.Add("newPassword", "too-short");
        if (confirm.Length == 0) Errors.Add("confirmPassword", "required");
        else if (next.Length > 0 && confirm != next) Errors.Add("confirmPassword", "mismatch");
        if (next.Length > 1000) Errors.Add("newPassword", "too-long");
        if (Errors.Count > 0) return Refused();

        var address = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (await accounts.ChangeOwnPasswordAsync(user, current, next, address, ct) is { } refusal)
        {
            // A wrong current password is counted as a failed sign-in; nothing else is stored.
            await db.SaveChangesAsync(ct);
            Errors.Add(refusal is "too-short" or "same-as-current" ? "newPassword" : "currentPassword", refusal);
            return Refused();
        }
        eventLog.Record("staff:" + user.Id, EventLog.PlatformActivities.PasswordChanged, [new EventLog.EventLogObject("staff-user", user.Id.ToString(), EventLog.Role.Subject)]);
        await db.SaveChangesAsync(ct);
        stamps.Forget(user.Id);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, StaffClaims.ForSession(user));
        return LocalRedirect("/staff/password?done=changed");
    }

    private PageResult Refused()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
