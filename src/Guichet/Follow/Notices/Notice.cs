namespace Guichet.Follow.Notices;

internal enum NoticeState { Draft, Sending, Sent }

/// A notice of a change (of legislation, of a service, of how a kind of case is handled), written by
/// communication staff in up to four languages (Markdown), sent once to the confirmed subscribers of
/// its topics and to the parties of the open cases of the case types it affects. Its recipients are
/// fixed as rows when it is sent; from then on it is not edited any more.
internal sealed class Notice : IJournaled
{
    public const int MaxSubject = 200, MaxBody = 20_000;

    public Guid Id { get; private set; }
    public LocalizedText Subject { get; private set; } = new();
    public LocalizedText Body { get; private set; } = new();

    /// The language a recipient gets when the notice has no version in theirs (then any written one).
    public string PrimaryLanguage { get; private set; } = "fr";
    public List<string> Topics { get; private set; } = [];
    public List<string> CaseTypes { get; private set; } = [];
    public NoticeState State { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? SendStartedAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }

    private Notice() { }

    public Notice(NoticeContent content, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        CreatedAt = now;
        Apply(content, now);
    }

    public Refusal? Edit(NoticeContent content, DateTimeOffset now)
    {
        if (State != NoticeState.Draft) return NoticeRefusals.AlreadySent;
        Apply(content, now);
        return null;
    }

    private void Apply(NoticeContent content, DateTimeOffset now)
    {
        Subject = content.Subject;
        Body = content.Body;
        PrimaryLanguage = content.PrimaryLanguage;
        Topics = [.. content.Topics];
        CaseTypes = [.. content.CaseTypes];
        UpdatedAt = now;
    }

    public Refusal? StartSending(DateTimeOffset now)
    {
        if (State != NoticeState.Draft) return NoticeRefusals.AlreadySent;
        State = NoticeState.Sending;
        SendStartedAt = now;
        UpdatedAt = now;
        return null;
    }

    /// Every recipient has its final state (sent, failed for good, unsubscribed, a letter).
    public void Finish(DateTimeOffset now)
    {
        State = NoticeState.Sent;
        SentAt = now;
        UpdatedAt = now;
    }

    /// The version a reader of <paramref name="language"/> gets: theirs, else the primary one, else any;
    /// with the language it is in. Subject and body come from the same language.
    public (string Subject, string Body, string Language) VersionFor(string language)
    {
        var (_, used) = Body.Resolve(language, PrimaryLanguage);
        return (Subject[used] ?? "", Body[used] ?? "", used);
    }
}

/// A notice's words and targets as validated by NoticeWork.
internal sealed record NoticeContent(LocalizedText Subject, LocalizedText Body, string PrimaryLanguage, IReadOnlyList<string> Topics, IReadOnlyList<string> CaseTypes);

internal static class NoticeRefusals
{
    public static readonly Refusal AlreadySent = new(409, "notice-already-sent", "The notice was sent; it can no longer be changed or sent again.");
    public static readonly Refusal NobodyToSend = new(422, "notice-without-recipients", "Nobody subscribed to these topics or party to an open case of these case types: there is nobody to send the notice to.");
}

internal sealed class NoticeConfiguration : IEntityTypeConfiguration<Notice>
{
    public void Configure(EntityTypeBuilder<Notice> b)
    {
        b.ToTable("follow_notices");
        b.HasKey(x => x.Id);
        b.Property(x => x.Subject).HasJsonConversion();
        b.Property(x => x.Body).HasJsonConversion();
        b.Property(x => x.PrimaryLanguage).HasMaxLength(2);
        b.Property(x => x.Topics).HasJsonConversion();
        b.Property(x => x.CaseTypes).HasJsonConversion();
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(x => x.State);
    }
}
