using Microsoft.AspNetCore.Identity;

namespace Guichet.Platform.Identity;

/// Creating accounts and checking passwords, for the sign-in page, the CLI and the demo data.
internal sealed class StaffAccounts(GuichetDb db, TimeProvider time, SignInThrottle throttle, EventLog.EventLog eventLog, SessionStamps stamps)
{
    private static readonly PasswordHasher<StaffUser> Hasher = new();

    public const int MinPasswordLength = 12;

    public async Task<StaffUser> CreateAsync(string email, string displayName, IEnumerable<string> roles, string password, Guid? unitId, CancellationToken ct)
    {
        var unknown = roles.Where(r => !Roles.All.Contains(r)).ToList();
        if (unknown.Count > 0) throw new ArgumentException($"Unknown role(s): {string.Join(", ", unknown)}. Known: {string.Join(", ", Roles.All)}.");
        if (password.Length < MinPasswordLength) throw new ArgumentException($"The password must have at least {MinPasswordLength} characters.");
        var normalized = StaffUser.Normalize(email);
        if (!normalized.Contains('@', StringComparison.Ordinal)) throw new ArgumentException("Not an e-mail address.");
        if (await db.Set<StaffUser>().AnyAsync(u => u.Email == normalized, ct)) throw new ArgumentException($"An account for {normalized} exists already.");

        var user = new StaffUser(email, displayName, roles, unitId, time.GetUtcNow());
        user.RehashPassword(Hasher.HashPassword(user, password));
        db.Add(user);
        return user;
    }

    public enum SignInOutcome { Success, Failed, AccountThrottled, AddressThrottled }

    /// Checks the password within the throttle's limits (SignInThrottle) and counts a failure; the
    /// caller saves the changes. An e-mail without an account takes the same path and gets the
    /// same answers, so they do not reveal which accounts exist.
    public async Task<(SignInOutcome Outcome, StaffUser? User, bool LockedOutNow)> CheckPasswordAsync(string email, string password, string address, CancellationToken ct)
    {
        var normalized = StaffUser.Normalize(email);
        var user = await db.Set<StaffUser>().FirstOrDefaultAsync(u => u.Email == normalized, ct);
        var now = time.GetUtcNow();
        var state = await throttle.StateAsync(normalized, address, now, ct);
        if (throttle.AddressShut(state)) return (SignInOutcome.AddressThrottled, user, false);
        if (throttle.AccountShut(state)) return (SignInOutcome.AccountThrottled, user, false);

        // Same work for an unknown e-mail as for a known account, so timing does not tell them apart.
        var result = PasswordVerificationResult.Failed;
        if (user is null) Hasher.VerifyHashedPassword(new StaffUser("x@x", "", [], null, now), DummyHash, password);
        else result = Hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (user is null || result == PasswordVerificationResult.Failed)
        {
            await throttle.RecordFailureAsync(normalized, address, now, ct);
            if (state.AccountFailures + 1 < throttle.Options.AccountFailures) return (SignInOutcome.Failed, user, false);
            // That failure shut the account: its sessions end too, until the oldest failure leaves the window.
            user?.LockOut((state.OldestAccountFailure ?? now) + throttle.Options.Window);
            return (SignInOutcome.AccountThrottled, user, user is not null);
        }
        if (result == PasswordVerificationResult.SuccessRehashNeeded) user.RehashPassword(Hasher.HashPassword(user, password));
        user.SignedIn();
        return (SignInOutcome.Success, user, false);
    }

    /// A new password (command line): every session of the account ends. The caller records the event, saves, and tells SessionStamps.Forget.
    public void ChangePassword(StaffUser user, string password)
    {
        if (password.Length < MinPasswordLength) throw new ArgumentException($"The password must have at least {MinPasswordLength} characters.");
        user.ChangePassword(Hasher.HashPassword(user, password));
    }

    /// A staff member changes their own password (the password page). The current one is checked
    /// within the sign-in throttle's limits: a wrong one counts as a failed sign-in (the only thing
    /// stored on a refusal), so a borrowed session cannot guess it. Null when changed: every session
    /// of the account ends (the caller records the event, saves, tells SessionStamps.Forget and
    /// signs this browser in again); else the refusal's code, with nothing changed.
    public async Task<string?> ChangeOwnPasswordAsync(StaffUser user, string current, string next, string address, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var state = await throttle.StateAsync(user.Email, address, now, ct);
        if (throttle.AddressShut(state) || throttle.AccountShut(state)) return "throttled";
        if (user.PasswordHash.Length == 0 || Hasher.VerifyHashedPassword(user, user.PasswordHash, current) == PasswordVerificationResult.Failed)
        {
            await throttle.RecordFailureAsync(user.Email, address, now, ct);
            return "current-wrong";
        }
        if (next.Length < MinPasswordLength) return "too-short";
        if (next == current) return "same-as-current";
        user.ChangePassword(Hasher.HashPassword(user, next));
        return null;
    }

    /// New roles (command line): every session ends. The caller records the event, saves, and tells SessionStamps.Forget.
    public bool ChangeRoles(StaffUser user, IReadOnlyCollection<string> roles)
    {
        var unknown = roles.Where(r => !Roles.All.Contains(r)).ToList();
        if (unknown.Count > 0) throw new ArgumentException($"Unknown role(s): {string.Join(", ", unknown)}. Known: {string.Join(", ", Roles.All)}.");
        if (roles.Count == 0) throw new ArgumentException("At least one role.");
        var changed = user.ChangeRoles(roles);
        return changed;
    }

    /// Sign-out: every session of the account ends, on every device. The caller records the event, saves, and tells SessionStamps.Forget.
    public void SignOut(StaffUser user)
    {
        user.SignedOut();
    }

    /// A sign-in through the organisation's OpenID provider: the account linked to that identity,
    /// or the one with its e-mail (then linked), or a new one; its roles and unit as the provider
    /// says today. Null when the e-mail's account is linked to another identity. Saves.
    public async Task<StaffUser?> SignInExternalAsync(string externalSubject, string email, string name, IReadOnlyList<string> roles, Guid? unitId, CancellationToken ct)
    {
        var normalized = StaffUser.Normalize(email);
        var user = await db.Set<StaffUser>().FirstOrDefaultAsync(u => u.ExternalSubject == externalSubject, ct)
            ?? await db.Set<StaffUser>().FirstOrDefaultAsync(u => u.Email == normalized, ct);
        if (user is { ExternalSubject: { } linked } && linked != externalSubject) return null;
        var subject = () => new EventLog.EventLogObject("staff-user", user!.Id.ToString(), EventLog.Role.Subject);
        var rolesChanged = false;
        if (user is null)
        {
            user = new StaffUser(normalized, name, roles, unitId, time.GetUtcNow());
            user.LinkExternalSubject(externalSubject);
            db.Add(user);
            eventLog.Record("staff:" + user.Id, EventLog.PlatformActivities.StaffUserCreated,
                [subject(), .. unitId is { } u ? [new EventLog.EventLogObject("unit", u.ToString(), EventLog.Role.Unit)] : Array.Empty<EventLog.EventLogObject>()],
                new Dictionary<string, object?> { ["roles"] = user.RoleList, ["source"] = "oidc" });
        }
        else
        {
            user.LinkExternalSubject(externalSubject);
            if (user.ChangeRoles(roles))
            {
                rolesChanged = true;
                eventLog.Record("staff:" + user.Id, EventLog.PlatformActivities.RolesChanged, [subject()], new Dictionary<string, object?> { ["roles"] = user.RoleList, ["source"] = "oidc" });
            }
            if (unitId is not null) user.MoveToUnit(unitId);
        }
        user.SignedIn();
        eventLog.Record("staff:" + user.Id, EventLog.PlatformActivities.SignedIn, [subject()], new Dictionary<string, object?> { ["via"] = "oidc" });
        await db.SaveChangesAsync(ct);
        if (rolesChanged) stamps.Forget(user.Id);
        return user;
    }

    private static readonly string DummyHash = Hasher.HashPassword(new StaffUser("x@x", "", [], null, DateTimeOffset.UnixEpoch), "not-a-password-at-all");
}
