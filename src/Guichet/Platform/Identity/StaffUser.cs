namespace Guichet.Platform.Identity;

/// A staff account: signs in with e-mail and password (or through the organisation's OpenID
/// provider) on pages, or with a bearer token on the API.
internal sealed class StaffUser
{

    public Guid Id { get; private set; }
    public string Email { get; private set; } = "";
    public string DisplayName { get; private set; } = "";
    public string PasswordHash { get; private set; } = "";
    public string Roles { get; private set; } = "";
    public Guid? UnitId { get; private set; }
    /// Until when the web sign-in is locked after too many wrong passwords (SignInThrottle
    /// decides; this records it and the lock-out ends the account's sessions).
    public DateTimeOffset? LockedUntil { get; private set; }

    /// Changes whenever the account's sessions must end (sign-out, lock-out, new password, new
    /// roles): a sign-in cookie carries the stamp it was made with and SessionStamps refuses it
    /// once the account's stamp is another (ADR 0020).
    public string SecurityStamp { get; private set; } = "";

    /// The subject (`iss|sub`) of the OpenID Connect identity the account was matched to, if any.
    public string? ExternalSubject { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    private StaffUser() { }

    public StaffUser(string email, string displayName, IEnumerable<string> roles, Guid? unitId, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        Email = Normalize(email);
        DisplayName = displayName;
        Roles = string.Join(',', roles.Distinct());
        UnitId = unitId;
        CreatedAt = now;
        RotateSecurityStamp();
    }

    public IReadOnlyList<string> RoleList => Roles.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public static string Normalize(string email) => email.Trim().ToLowerInvariant();

    /// The same password hashed again (a newer hash format): the sessions stay.
    public void RehashPassword(string hash) => PasswordHash = hash;

    /// A new password: every session of the account ends.
    public void ChangePassword(string hash)
    {
        PasswordHash = hash;
        RotateSecurityStamp();
    }

    /// New roles: every session ends, the next sign-in carries the new roles.
    public bool ChangeRoles(IEnumerable<string> roles)
    {
        var wanted = roles.Distinct().ToList();
        if (wanted.ToHashSet().SetEquals(RoleList)) return false;
        Roles = string.Join(',', wanted);
        RotateSecurityStamp();
        return true;
    }

    public void MoveToUnit(Guid? unitId) => UnitId = unitId;

    public void LinkExternalSubject(string subject) => ExternalSubject = subject;

    /// Too many wrong passwords: the web sign-in stays shut until <paramref name="until"/> and
    /// every open session ends.
    public void LockOut(DateTimeOffset until)
    {
        LockedUntil = until;
        RotateSecurityStamp();
    }

    public bool IsLockedOut(DateTimeOffset now) => LockedUntil is { } until && until > now;

    public void SignedIn() => LockedUntil = null;

    /// Sign-out (everywhere): every cookie made before no longer opens anything.
    public void SignedOut() => RotateSecurityStamp();

    private void RotateSecurityStamp() => SecurityStamp = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
}

internal sealed class StaffUserConfiguration : IEntityTypeConfiguration<StaffUser>
{
    public void Configure(EntityTypeBuilder<StaffUser> b)
    {
        b.ToTable("identity_staff_users");
        b.HasKey(u => u.Id);
        b.Property(u => u.Email).HasMaxLength(254);
        b.HasIndex(u => u.Email).IsUnique();
        b.Property(u => u.DisplayName).HasMaxLength(200);
        b.Property(u => u.PasswordHash).HasMaxLength(500);
        b.Property(u => u.Roles).HasMaxLength(200);
        b.Property(u => u.SecurityStamp).HasMaxLength(64);
        b.Property(u => u.ExternalSubject).HasMaxLength(500);
        b.HasIndex(u => u.ExternalSubject).IsUnique();
        b.Ignore(u => u.RoleList);
    }
}
