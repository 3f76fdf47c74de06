namespace Guichet.Follow.Subscriptions;

/// What stays of erased subscribers: how many left in a month, nothing about who.
internal sealed class SubscriptionErasures
{
    public string Month { get; private set; } = "";
    public int Count { get; private set; }

    private SubscriptionErasures() { }

    public SubscriptionErasures(string month, int count)
    {
        Month = month;
        Count = count;
    }
}

internal sealed class SubscriptionErasuresConfiguration : IEntityTypeConfiguration<SubscriptionErasures>
{
    public void Configure(EntityTypeBuilder<SubscriptionErasures> b)
    {
        b.ToTable("follow_subscription_erasures");
        b.HasKey(x => x.Month);
        b.Property(x => x.Month).HasMaxLength(7);
    }
}
