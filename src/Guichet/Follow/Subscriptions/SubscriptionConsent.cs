namespace Guichet.Follow.Subscriptions;

internal enum ConsentStep { Subscribed, Confirmed, Changed }

/// The proof of a subscriber's consent, one row per step: when, the exact text the person was shown
/// (in its language, with the topics chosen), and from where — the network (an IPv4 address
/// cut to /24, IPv6 to /48) and the browser's user agent (at most 200 characters). That is enough
/// to show when and how consent was given without keeping an exact address; following the link
/// of the confirmation mail is what proves the mailbox. Deleted with the subscriber.
internal sealed class SubscriptionConsent
{
    public const int MaxText = 4000, MaxUserAgent = 200;

    public Guid Id { get; private set; }
    public Guid SubscriberId { get; private set; }
    public ConsentStep Step { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string Language { get; private set; } = "fr";
    public string Text { get; private set; } = "";
    public string? Network { get; private set; }
    public string? UserAgent { get; private set; }

    private SubscriptionConsent() { }

    public SubscriptionConsent(Guid subscriberId, ConsentStep step, DateTimeOffset at, string language, string text, System.Net.IPAddress? address, string? userAgent)
    {
        Id = Guid.NewGuid();
        SubscriberId = subscriberId;
        Step = step;
        At = at;
        Language = language;
        Text = text.Length > MaxText ? text[..MaxText] : text;
        Network = NetworkOf(address);
        UserAgent = string.IsNullOrWhiteSpace(userAgent) ? null : userAgent.Length > MaxUserAgent ? userAgent[..MaxUserAgent] : userAgent;
    }

    /// The network an address belongs to: IPv4 /24, IPv6 /48.
    public static string? NetworkOf(System.Net.IPAddress? address)
    {
        if (address is null) return null;
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        var bytes = address.GetAddressBytes();
        var keep = bytes.Length == 4 ? 3 : 6;
        for (var i = keep; i < bytes.Length; i++) bytes[i] = 0;
        return $"{new System.Net.IPAddress(bytes)}/{keep * 8}";
    }
}

internal sealed class SubscriptionConsentConfiguration : IEntityTypeConfiguration<SubscriptionConsent>
{
    public void Configure(EntityTypeBuilder<SubscriptionConsent> b)
    {
        b.ToTable("follow_subscription_consents");
        b.HasKey(x => x.Id);
        b.Property(x => x.Step).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Language).HasMaxLength(2);
        b.Property(x => x.Text).HasMaxLength(SubscriptionConsent.MaxText);
        b.Property(x => x.Network).HasMaxLength(60);
        b.Property(x => x.UserAgent).HasMaxLength(SubscriptionConsent.MaxUserAgent);
    }
}
