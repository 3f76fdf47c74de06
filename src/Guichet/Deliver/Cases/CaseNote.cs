using Guichet.Deliver.CaseTypes;

namespace Guichet.Deliver.Cases;

/// An internal note on a case, never shown to the customer.
internal sealed class CaseNote : Guichet.Platform.EventLog.IJournaled, ICasePart
{
    public const int MaxLength = 4000;

    public Guid Id { get; private set; }
    public Guid CaseId { get; private set; }
    public string Author { get; private set; } = "";
    public string Text { get; private set; } = "";
    public DateTimeOffset At { get; private set; }

    private CaseNote() { }

    public CaseNote(Guid caseId, string author, string text, DateTimeOffset at)
    {
        Id = Guid.NewGuid();
        CaseId = caseId;
        Author = author;
        Text = text;
        At = at;
    }
}

internal sealed class CaseNoteConfiguration : IEntityTypeConfiguration<CaseNote>
{
    public void Configure(EntityTypeBuilder<CaseNote> b)
    {
        b.ToTable("deliver_case_notes");
        b.HasKey(x => x.Id);
        b.Property(x => x.Author).HasMaxLength(254);
        b.Property(x => x.Text).HasMaxLength(CaseNote.MaxLength);
        b.HasIndex(x => new { x.CaseId, x.At });
        b.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
