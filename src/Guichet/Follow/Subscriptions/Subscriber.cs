namespace Guichet.Follow.Subscriptions;

internal enum Frequency { Immediate, Weekly }

/// A person (or a company's mailbox) subscribed to topics, without an account. Nothing is sent to
/// the address before the confirmation link of its first mail was followed (double opt-in); the
/// confirmation token is kept as a hash, works once and expires. Unsubscribing or asking for
/// erasure deletes the subscriber, its topics and its consents: only an anonymous count remains.
internal sealed class Subscriber : IJournaled
{
    public const int MaxEmail = 254;

    public Guid Id { get; private set; }
    public string Email { get; private set; } = "";
    public string Language { get; private set; } = "fr";
    public Frequency Frequency { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ConfirmedAt { get; private set; }
    public string? ConfirmTokenHash { get; private set; }
    public DateTimeOffset ConfirmExpiresAt { get; private set; }
    public List<SubscriberTopic> Topics { get; private set; } = [];
    public List<SubscriptionConsent> Consents { get; private set; } = [];

    private Subscriber() { }

    public Subscriber(string email, string language, Frequency frequency, IEnumerable<Guid> topics, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        Email = email;
        Language = language;
        Frequency = frequency;
        CreatedAt = now;
        Topics = [.. topics.Distinct().Select(t => new SubscriberTopic(Id, t))];
    }

    public bool IsConfirmed => ConfirmedAt is not null;

    /// A new confirmation link (a first subscription, or the same address subscribing again before confirming).
    public void AwaitConfirmation(string tokenHash, DateTimeOffset expiresAt)
    {
        ConfirmTokenHash = tokenHash;
        ConfirmExpiresAt = expiresAt;
    }

    public Refusal? Confirm(DateTimeOffset now)
    {
        if (IsConfirmed) return SubscriptionRefusals.AlreadyConfirmed;
        if (now >= ConfirmExpiresAt) return SubscriptionRefusals.ConfirmationExpired;
        ConfirmedAt = now;
        return null;
    }

    public void Change(string language, Frequency frequency, IEnumerable<Guid> topics)
    {
        Language = language;
        Frequency = frequency;
        var wanted = topics.Distinct().ToHashSet();
        Topics.RemoveAll(t => !wanted.Contains(t.TopicId));
        foreach (var t in wanted.Where(t => Topics.All(x => x.TopicId != t))) Topics.Add(new SubscriberTopic(Id, t));
    }
}

/// One topic of a subscriber (a table, so that a notice finds the subscribers of its topics in one query).
internal sealed class SubscriberTopic
{
    public Guid SubscriberId { get; private set; }
    public Guid TopicId { get; private set; }

    private SubscriberTopic() { }

    public SubscriberTopic(Guid subscriberId, Guid topicId)
    {
        SubscriberId = subscriberId;
        TopicId = topicId;
    }
}

internal static class SubscriptionRefusals
{
    public static readonly Refusal AlreadyConfirmed = new(409, "subscription-already-confirmed", "This confirmation link was already used.");
    public static readonly Refusal ConfirmationExpired = new(410, "subscription-confirmation-expired", "This confirmation link has expired.");
}

internal sealed class SubscriberConfiguration : IEntityTypeConfiguration<Subscriber>, IEntityTypeConfiguration<SubscriberTopic>
{
    public void Configure(EntityTypeBuilder<Subscriber> b)
    {
        b.ToTable("follow_subscribers");
        b.HasKey(x => x.Id);
        b.Property(x => x.Email).HasMaxLength(Subscriber.MaxEmail);
        // One subscriber per address (stored lower-case).
        b.HasIndex(x => x.Email).IsUnique();
        b.Property(x => x.Language).HasMaxLength(2);
        b.Property(x => x.Frequency).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.ConfirmTokenHash).HasMaxLength(64);
        b.HasIndex(x => x.ConfirmTokenHash).IsUnique();
        b.HasMany(x => x.Topics).WithOne().HasForeignKey(t => t.SubscriberId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Consents).WithOne().HasForeignKey(c => c.SubscriberId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<SubscriberTopic> b)
    {
        b.ToTable("follow_subscriber_topics");
        b.HasKey(x => new { x.SubscriberId, x.TopicId });
        b.HasIndex(x => x.TopicId);
        b.HasOne<SubscriptionTopic>().WithMany().HasForeignKey(x => x.TopicId).OnDelete(DeleteBehavior.Restrict);
    }
}
