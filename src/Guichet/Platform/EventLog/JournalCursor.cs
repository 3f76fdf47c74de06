namespace Guichet.Platform.EventLog;

/// How far a reader of the journal (a job of a later stage that acts on what happened: surveys,
/// webhooks; ADR 0016) has read it: the id of the last event it handled, one row per reader. A node
/// moves it from the value it read to the next in the same transaction as what it does with the
/// events, so that two nodes never handle one event twice.
internal sealed class JournalCursor
{
    public const int MaxReader = 50;

    public string Reader { get; private set; } = "";
    public long LastEventId { get; private set; }

    private JournalCursor() { }

    public JournalCursor(string reader, long lastEventId)
    {
        Reader = reader;
        LastEventId = lastEventId;
    }

    public static Task<JournalCursor?> FindAsync(GuichetDb db, string reader, CancellationToken ct) =>
        db.Set<JournalCursor>().AsNoTracking().FirstOrDefaultAsync(c => c.Reader == reader, ct);

    /// Moves the reader's cursor from <paramref name="from"/> to <paramref name="to"/> (in the
    /// caller's transaction); false when another node moved it first.
    public static async Task<bool> MoveAsync(GuichetDb db, string reader, long from, long to, CancellationToken ct) =>
        await db.Set<JournalCursor>().Where(c => c.Reader == reader && c.LastEventId == from)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastEventId, to), ct) == 1;
}

internal sealed class JournalCursorConfiguration : IEntityTypeConfiguration<JournalCursor>
{
    public void Configure(EntityTypeBuilder<JournalCursor> b)
    {
        b.ToTable("platform_journal_cursors");
        b.HasKey(x => x.Reader);
        b.Property(x => x.Reader).HasMaxLength(JournalCursor.MaxReader);
    }
}
