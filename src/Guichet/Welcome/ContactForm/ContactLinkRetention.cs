namespace Guichet.Welcome.ContactForm;

/// Configuration section "Welcome:ContactForm".
internal sealed class ContactLinkOptions
{
    public const string Section = "Welcome:ContactForm";

    /// An expired tracking link's row is removed this many days later (until then it answers
    /// "expired", after it "not found").
    public int KeepExpiredLinkDays { get; set; } = 30;
}

/// Retention of contact tracking links: the rows of expired links are removed.
internal sealed class ContactLinkRetention(IOptions<ContactLinkOptions> options) : IRetentionRule
{
    public string Name => "contact-links";

    public async Task<int> ApplyAsync(GuichetDb db, DateTimeOffset now, CancellationToken ct)
    {
        var before = now.AddDays(-options.Value.KeepExpiredLinkDays);
        return await db.Set<ContactLink>().Where(l => l.ExpiresAt < before).ExecuteDeleteAsync(ct);
    }
}
