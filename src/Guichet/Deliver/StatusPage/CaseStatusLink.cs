using Guichet.Deliver.Cases;
namespace Guichet.Deliver.StatusPage;

/// A secure link to a case's status page, for the customer (no account). Only the token's hash
/// is stored; a link expires, and making a new one revokes the earlier ones.
internal sealed class CaseStatusLink
{
    public Guid Id { get; private set; }
    public Guid CaseId { get; private set; }
    public string TokenHash { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    private CaseStatusLink() { }

    public CaseStatusLink(Guid caseId, string tokenHash, DateTimeOffset now, TimeSpan validFor)
    {
        Id = Guid.NewGuid();
        CaseId = caseId;
        TokenHash = tokenHash;
        CreatedAt = now;
        ExpiresAt = now + validFor;
    }

    public bool IsValidAt(DateTimeOffset now) => RevokedAt is null && now < ExpiresAt;

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;

    /// Adds a new link to the unit of work; returns its token, which is stored nowhere.
    public static string Add(GuichetDb db, Guid caseId, DateTimeOffset now, StatusLinkOptions options)
    {
        var (plain, hash) = SecureLink.NewToken();
        db.Add(new CaseStatusLink(caseId, hash, now, TimeSpan.FromDays(options.ValidDays)));
        return plain;
    }
}

internal sealed class StatusLinkOptions
{
    public const string Section = "Deliver:StatusLinks";

    /// How long a status link works: long enough to follow a case and its appeal period.
    public int ValidDays { get; set; } = 400;

    /// An expired or replaced link's row is removed this many days later (until then it answers
    /// "expired", after it "not found").
    public int KeepExpiredDays { get; set; } = 30;

    public static string PathFor(string token) => "/status/" + token;
}

internal sealed class CaseStatusLinkConfiguration : IEntityTypeConfiguration<CaseStatusLink>
{
    public void Configure(EntityTypeBuilder<CaseStatusLink> b)
    {
        b.ToTable("deliver_status_links");
        b.HasKey(x => x.Id);
        b.Property(x => x.TokenHash).HasMaxLength(64);
        b.HasIndex(x => x.TokenHash).IsUnique();
        b.HasIndex(x => x.CaseId);
        b.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
