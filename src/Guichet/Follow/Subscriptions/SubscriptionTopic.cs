namespace Guichet.Follow.Subscriptions;

/// What a topic is about: a theme, a service of the catalogue, a life event, or changes of legislation about something.
internal enum TopicKind { Theme, Service, LifeEvent, Legislation }

/// A topic people subscribe to, kept by communication staff: a stable code, its kind, its name in
/// the four languages, what of the catalogue it points to (a service, a life event) if anything.
/// A topic is withdrawn (inactive), never deleted: subscribers keep it until they change theirs.
internal sealed class SubscriptionTopic : IJournaled
{
    public const int MaxCode = 60, MaxName = 200;

    public Guid Id { get; private set; }
    public string Code { get; private set; } = "";
    public TopicKind Kind { get; private set; }
    public LocalizedText Name { get; private set; } = new();
    public Guid? RefId { get; private set; }
    public bool Active { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    private SubscriptionTopic() { }

    public SubscriptionTopic(string code, TopicKind kind, LocalizedText name, Guid? refId, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        Code = code;
        Kind = kind;
        Name = name;
        RefId = refId;
        Active = true;
        CreatedAt = now;
    }

    public void Change(LocalizedText name, bool active)
    {
        Name = name;
        Active = active;
    }
}

internal sealed class SubscriptionTopicConfiguration : IEntityTypeConfiguration<SubscriptionTopic>
{
    public void Configure(EntityTypeBuilder<SubscriptionTopic> b)
    {
        b.ToTable("follow_subscription_topics");
        b.HasKey(x => x.Id);
        b.Property(x => x.Code).HasMaxLength(SubscriptionTopic.MaxCode);
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Name).HasJsonConversion();
    }
}
