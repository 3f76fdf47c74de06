namespace Guichet.Welcome.Queue;

/// The last ticket number given out per office, day and letter. Taking the next one is a
/// single upsert, so kiosks issuing at the same moment queue for that instant instead of
/// colliding on "the day's highest number + 1" and retrying; a ticket that then fails to save
/// leaves a gap, which is harmless.
internal sealed class QueueNumberCounter
{
    public string Key { get; private set; } = "";
    public int Last { get; private set; }

    private QueueNumberCounter() { }

    public static async Task<int> NextAsync(GuichetDb db, Guid officeId, DateOnly day, string letter, CancellationToken ct) =>
        Convert.ToInt32(await RawSql.ScalarAsync(db, """
            INSERT INTO welcome_queue_number_counters ("Key", "Last") VALUES (@key, 1)
            ON CONFLICT ("Key") DO UPDATE SET "Last" = welcome_queue_number_counters."Last" + 1
            RETURNING "Last"
            """, new Dictionary<string, object> { ["@key"] = KeyOf(officeId, day, letter) }, ct), CultureInfo.InvariantCulture);

    /// After a clash with a ticket numbered outside the counter (an import, a restore): the counter
    /// moves up to the highest number taken, so the next one is free again.
    public static async Task CatchUpAsync(GuichetDb db, Guid officeId, DateOnly day, string letter, CancellationToken ct)
    {
        var highest = await db.Set<QueueTicket>().Where(t => t.OfficeId == officeId && t.Day == day && t.Letter == letter).MaxAsync(t => (int?)t.Number, ct) ?? 0;
        await RawSql.ScalarAsync(db, """UPDATE welcome_queue_number_counters SET "Last" = @highest WHERE "Key" = @key AND "Last" < @highest""",
            new Dictionary<string, object> { ["@key"] = KeyOf(officeId, day, letter), ["@highest"] = highest }, ct);
    }

    // A text key: the same on both providers (SQLite would bind a Guid as a blob).
    private static string KeyOf(Guid officeId, DateOnly day, string letter) =>
        string.Create(CultureInfo.InvariantCulture, $"{officeId:N}|{day:yyyy-MM-dd}|{letter}");
}

internal sealed class QueueNumberCounterConfiguration : IEntityTypeConfiguration<QueueNumberCounter>
{
    public void Configure(EntityTypeBuilder<QueueNumberCounter> b)
    {
        b.ToTable("welcome_queue_number_counters");
        b.HasKey(x => x.Key);
        b.Property(x => x.Key).HasMaxLength(60);
    }
}
