namespace Guichet.Platform.Identity;

/// A staff account: signs in with e-mail and password on pages, or with a bearer token on the API.
internal sealed class StaffUser
{
    public const int MaxFailedSignIns = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    public Guid Id { get; private set; }
    public string Email { get; private set; } = "";
    public string DisplayName { get; private set; } = "";
    public string PasswordHash { get; private set; } = "";
    public string Roles { get; private set; } = "";
    public Guid? UnitId { get; private set; }
    public int FailedSignIns { get; private set; }
    public DateTimeOffset? LockedUntil { get; private set; }
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
    }

    public IReadOnlyList<string> RoleList => Roles.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public static string Normalize(string email) => email.Trim().ToLowerInvariant();

    public void SetPasswordHash(string hash) => PasswordHash = hash;

    public void MoveToUnit(Guid? unitId) => UnitId = unitId;

    public bool IsLockedOut(DateTimeOffset now) => LockedUntil is { } until && until > now;

    public void SignInFailed(DateTimeOffset now)
    {
        FailedSignIns++;
        if (FailedSignIns >= MaxFailedSignIns)
        {
            LockedUntil = now + LockoutDuration;
            FailedSignIns = 0;
        }
    }

    public void SignedIn()
    {
        FailedSignIns = 0;
        LockedUntil = null;
    }
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
        b.Ignore(u => u.RoleList);
    }
}
