namespace Guichet.Follow.Complaints;

/// The customer's tracking link of a complaint, made without an account: only the token's hash
/// is kept, and it expires. The same safe pattern as the case status and contact tracking links.
internal sealed class ComplaintLink
{
    public Guid Id { get; private set; }
    public Guid ComplaintId { get; private set; }
    public string TokenHash { get; private set; } = "";
    public DateTimeOffset ExpiresAt { get; private set; }

    private ComplaintLink() { }

    private ComplaintLink(Guid complaintId, string hash, DateTimeOffset expiresAt)
    {
        Id = Guid.NewGuid();
        ComplaintId = complaintId;
        TokenHash = hash;
        ExpiresAt = expiresAt;
    }

    public static string Add(GuichetDb db, Guid complaintId, DateTimeOffset now, int validDays)
    {
        var (plain, hash) = SecureLink.NewToken();
        db.Add(new ComplaintLink(complaintId, hash, now.AddDays(validDays)));
        return plain;
    }

    public static string PathFor(string token) => "/complaint/track/" + token;

    /// The complaint a token opens: its id, or why not (404 unknown, 410 expired).
    public static async Task<(Guid? ComplaintId, int Status)> OpenAsync(GuichetDb db, string? token, DateTimeOffset now, CancellationToken ct)
    {
        var opened = await SecureLink.OpenAsync(db.Set<ComplaintLink>().AsNoTracking(), token, hash => l => l.TokenHash == hash, (l, at) => at < l.ExpiresAt, now, ct);
        return (opened.Record?.ComplaintId, opened.Status);
    }
}

internal sealed class ComplaintLinkConfiguration : IEntityTypeConfiguration<ComplaintLink>
{
    public void Configure(EntityTypeBuilder<ComplaintLink> b)
    {
        b.ToTable("follow_complaint_links");
        b.HasKey(x => x.Id);
        b.Property(x => x.TokenHash).HasMaxLength(64);
        b.HasIndex(x => x.TokenHash).IsUnique();
        b.HasOne<Complaint>().WithMany().HasForeignKey(x => x.ComplaintId).OnDelete(DeleteBehavior.Cascade);
    }
}
