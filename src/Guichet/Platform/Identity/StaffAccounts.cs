using Microsoft.AspNetCore.Identity;

namespace Guichet.Platform.Identity;

/// Creating accounts and checking passwords, for the sign-in page, the CLI and the demo data.
internal sealed class StaffAccounts(GuichetDb db, TimeProvider time)
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
        user.SetPasswordHash(Hasher.HashPassword(user, password));
        db.Add(user);
        return user;
    }

    public enum SignInOutcome { Success, Failed, LockedOut }

    /// Checks the password and counts failures; the caller saves the changes.
    public async Task<(SignInOutcome Outcome, StaffUser? User)> CheckPasswordAsync(string email, string password, CancellationToken ct)
    {
        var normalized = StaffUser.Normalize(email);
        var user = await db.Set<StaffUser>().FirstOrDefaultAsync(u => u.Email == normalized, ct);
        var now = time.GetUtcNow();
        if (user is null)
        {
            // Same work as for a known account, so timing does not reveal which e-mails exist.
            Hasher.VerifyHashedPassword(new StaffUser("x@x", "", [], null, now), DummyHash, password);
            return (SignInOutcome.Failed, null);
        }
        if (user.IsLockedOut(now)) return (SignInOutcome.LockedOut, user);
        var result = Hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (result == PasswordVerificationResult.Failed)
        {
            user.SignInFailed(now);
            return (user.IsLockedOut(now) ? SignInOutcome.LockedOut : SignInOutcome.Failed, user);
        }
        if (result == PasswordVerificationResult.SuccessRehashNeeded) user.SetPasswordHash(Hasher.HashPassword(user, password));
        user.SignedIn();
        return (SignInOutcome.Success, user);
    }

    private static readonly string DummyHash = Hasher.HashPassword(new StaffUser("x@x", "", [], null, DateTimeOffset.UnixEpoch), "not-a-password-at-all");
}
