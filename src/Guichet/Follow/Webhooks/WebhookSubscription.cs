using System.Security.Cryptography;

namespace Guichet.Follow.Webhooks;

/// An external system subscribed to events of the customer process: where to POST them, the secret
/// they are signed with (Standard Webhooks), which event types. A receiver that keeps failing is
/// switched off after Follow:Webhooks:DisableAfterDays of failures without a success in between;
/// an admin switches it on again. Events are thin: what changed and the API URL to read it.
internal sealed class WebhookSubscription
{
    public const int MaxUrl = 500, MaxDescription = 200;

    public Guid Id { get; private set; }
    public string Url { get; private set; } = "";
    public string Description { get; private set; } = "";

    /// "whsec_" and the base64 of the key's bytes, as Standard Webhooks writes it.
    public string Secret { get; private set; } = "";
    public List<string> EventTypes { get; private set; } = [];
    public bool Active { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? LastSuccessAt { get; private set; }
    public DateTimeOffset? FailingSince { get; private set; }
    public int Failures { get; private set; }
    public DateTimeOffset? DisabledAt { get; private set; }
    public DateTimeOffset? LastAlertAt { get; private set; }

    /// The last journal event before the subscription: only later ones are sent.
    public long AfterEventId { get; private set; }

    private WebhookSubscription() { }

    public WebhookSubscription(string url, string description, string secret, IEnumerable<string> eventTypes, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        Url = url;
        Description = description;
        Secret = secret;
        EventTypes = [.. eventTypes];
        Active = true;
        CreatedAt = now;
    }

    public static string NewSecret() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public byte[] Key() => Convert.FromBase64String(Secret["whsec_".Length..]);

    public void StartAfter(long eventId) => AfterEventId = eventId;

    public void Change(string url, string description, IEnumerable<string> eventTypes)
    {
        Url = url;
        Description = description;
        EventTypes = [.. eventTypes];
    }

    /// Switched on again by an admin: failures are forgotten.
    public void Enable()
    {
        Active = true;
        DisabledAt = null;
        FailingSince = null;
        Failures = 0;
    }

    public void Succeeded(DateTimeOffset now)
    {
        LastSuccessAt = now;
        FailingSince = null;
        Failures = 0;
    }

    /// A failed delivery; true when the receiver has now failed for <paramref name="disableAfter"/>
    /// without a success, and is switched off.
    public bool Failed(DateTimeOffset now, TimeSpan disableAfter)
    {
        Failures++;
        FailingSince ??= now;
        if (!Active || now - FailingSince.Value < disableAfter) return false;
        Active = false;
        DisabledAt = now;
        return true;
    }

    /// Whether an alert may go to the admins now: at most one a day per receiver.
    public bool MayAlert(DateTimeOffset now)
    {
        if (LastAlertAt is { } last && now - last < TimeSpan.FromDays(1)) return false;
        LastAlertAt = now;
        return true;
    }
}

internal sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> b)
    {
        b.ToTable("follow_webhook_subscriptions");
        b.HasKey(x => x.Id);
        b.Property(x => x.Url).HasMaxLength(WebhookSubscription.MaxUrl);
        b.Property(x => x.Description).HasMaxLength(WebhookSubscription.MaxDescription);
        b.Property(x => x.Secret).HasMaxLength(100);
        b.Property(x => x.EventTypes).HasJsonConversion();
    }
}
