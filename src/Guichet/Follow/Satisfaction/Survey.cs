namespace Guichet.Follow.Satisfaction;

/// What a survey follows: a closed case, a counter visit (a served ticket), an answered complaint.
internal enum SurveyChannel { Case, Counter, Complaint }

internal enum GotWhatNeeded { Yes, Partly, No }

/// One satisfaction survey sent to a customer: a one-time link (only its hash is kept) that
/// expires, what it follows, where (service, unit) and, once answered, a 1-5 score, whether the
/// customer got what they needed and a free comment. The customer appears only as the journal's
/// pseudonym (to send at most one survey per customer per period); the e-mail address travels in
/// the outbox message, not here.
internal sealed class Survey : IJournaled
{
    public const int MaxComment = 2000;

    public Guid Id { get; private set; }
    public string TokenHash { get; private set; } = "";
    public SurveyChannel Channel { get; private set; }
    /// The case, the contact of the counter visit, or the complaint the survey follows.
    public Guid SourceId { get; private set; }
    /// The case or complaint number, or the ticket code, for staff.
    public string? SourceNumber { get; private set; }
    public Guid? ServiceId { get; private set; }
    public Guid? UnitId { get; private set; }
    public string Language { get; private set; } = "fr";
    public string CustomerKey { get; private set; } = "";
    /// The journal event that caused the survey.
    public long TriggerEventId { get; private set; }
    public DateTimeOffset RequestedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }
    public int? Score { get; private set; }
    public GotWhatNeeded? GotWhatNeeded { get; private set; }
    public string? Comment { get; private set; }
    /// The complaint an unhappy answer was turned into.
    public Guid? ComplaintId { get; private set; }

    private Survey() { }

    public Survey(SurveyChannel channel, Guid sourceId, string? sourceNumber, Guid? serviceId, Guid? unitId, string language, string customerKey,
        long triggerEventId, string tokenHash, DateTimeOffset now, DateTimeOffset expiresAt)
    {
        Id = Guid.NewGuid();
        Channel = channel;
        SourceId = sourceId;
        SourceNumber = sourceNumber;
        ServiceId = serviceId;
        UnitId = unitId;
        Language = language;
        CustomerKey = customerKey;
        TriggerEventId = triggerEventId;
        TokenHash = tokenHash;
        RequestedAt = now;
        ExpiresAt = expiresAt;
    }

    public bool IsAnswered => AnsweredAt is not null;

    /// Unhappy: a score of 1 or 2.
    public bool IsUnhappy => Score is <= 2;

    public Refusal? Answer(int score, GotWhatNeeded got, string? comment, DateTimeOffset now)
    {
        if (IsAnswered) return SurveyRefusals.Answered;
        if (now >= ExpiresAt) return SurveyRefusals.Expired;
        Score = score;
        GotWhatNeeded = got;
        Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        AnsweredAt = now;
        return null;
    }

    /// An unhappy answer with a comment becomes a complaint once.
    public Refusal? BecameComplaint(Guid complaintId)
    {
        if (ComplaintId is not null) return SurveyRefusals.AlreadyComplaint;
        if (!IsAnswered || !IsUnhappy || Comment is null) return SurveyRefusals.NotUnhappy;
        ComplaintId = complaintId;
        return null;
    }
}

internal static class SurveyRefusals
{
    public static readonly Refusal Answered = new(409, "survey-answered", "This survey has already been answered.");
    public static readonly Refusal Expired = new(410, "survey-expired", "This survey link has expired.");
    public static readonly Refusal NotUnhappy = new(409, "survey-not-unhappy", "Only an answered survey with a score of 1 or 2 and a comment becomes a complaint.");
    public static readonly Refusal AlreadyComplaint = new(409, "survey-already-complaint", "This answer was already turned into a complaint.");
}

internal sealed class SurveyConfiguration : IEntityTypeConfiguration<Survey>
{
    public void Configure(EntityTypeBuilder<Survey> b)
    {
        b.ToTable("follow_surveys");
        b.HasKey(x => x.Id);
        b.Property(x => x.TokenHash).HasMaxLength(64);
        b.HasIndex(x => x.TokenHash).IsUnique();
        b.Property(x => x.Channel).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.GotWhatNeeded).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.SourceNumber).HasMaxLength(20);
        b.Property(x => x.Language).HasMaxLength(2);
        b.Property(x => x.CustomerKey).HasMaxLength(100);
        b.Property(x => x.Comment).HasMaxLength(Survey.MaxComment);
        // One survey per thing followed, by the database too (two nodes reading the same event).
        b.HasIndex(x => new { x.Channel, x.SourceId }).IsUnique();
        b.HasIndex(x => new { x.CustomerKey, x.RequestedAt });
        b.HasIndex(x => x.RequestedAt);
        // Answering twice at once, or two officers making a complaint of it at once: the second loses.
        b.Property(x => x.AnsweredAt).IsConcurrencyToken();
        b.Property(x => x.ComplaintId).IsConcurrencyToken();
    }
}
