namespace Guichet.Platform.Accessibility;

/// A barrier reported by a visitor through the accessibility statement (EU directive 2016/2102
/// requires such a feedback route). Staff answer it within the announced 10 working days.
internal sealed class AccessibilityFeedback
{
    public const int MaxMessage = 4000;

    public Guid Id { get; private set; }
    public DateTimeOffset ReceivedAt { get; private set; }
    public string Message { get; private set; } = "";
    public string? PageUrl { get; private set; }
    public string? Email { get; private set; }
    public string Language { get; private set; } = "fr";

    private AccessibilityFeedback() { }

    public AccessibilityFeedback(string message, string? pageUrl, string? email, string language, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        ReceivedAt = now;
        Message = message;
        PageUrl = pageUrl;
        Email = email;
        Language = language;
    }
}

internal sealed class AccessibilityFeedbackConfiguration : IEntityTypeConfiguration<AccessibilityFeedback>
{
    public void Configure(EntityTypeBuilder<AccessibilityFeedback> b)
    {
        b.ToTable("platform_accessibility_feedback");
        b.HasKey(x => x.Id);
        b.Property(x => x.Message).HasMaxLength(AccessibilityFeedback.MaxMessage);
        b.Property(x => x.PageUrl).HasMaxLength(2000);
        b.Property(x => x.Email).HasMaxLength(254);
        b.Property(x => x.Language).HasMaxLength(2);
        b.HasIndex(x => x.ReceivedAt);
    }
}
