namespace Guichet.Follow.Complaints;

/// The last complaint number given out per year ("K-2026-000123"). Taken inside the registration's
/// transaction: a registration refused for bad input rolls the counter back with it, so the
/// register has no gaps (concurrent registrations wait for each other on the year's row).
internal sealed class ComplaintNumberCounter
{
    public int Year { get; private set; }
    public int Last { get; private set; }

    private ComplaintNumberCounter() { }

    public static async Task<string> NextAsync(GuichetDb db, int year, CancellationToken ct)
    {
        // The same statement on PostgreSQL and SQLite (3.35 and later).
        var last = Convert.ToInt32(await RawSql.ScalarAsync(db, """
            INSERT INTO follow_complaint_number_counters ("Year", "Last") VALUES (@year, 1)
            ON CONFLICT ("Year") DO UPDATE SET "Last" = follow_complaint_number_counters."Last" + 1
            RETURNING "Last"
            """, new Dictionary<string, object> { ["@year"] = year }, ct), CultureInfo.InvariantCulture);
        return "K-" + year.ToString(CultureInfo.InvariantCulture) + "-" + last.ToString("D6", CultureInfo.InvariantCulture);
    }
}

internal sealed class ComplaintNumberCounterConfiguration : IEntityTypeConfiguration<ComplaintNumberCounter>
{
    public void Configure(EntityTypeBuilder<ComplaintNumberCounter> b)
    {
        b.ToTable("follow_complaint_number_counters");
        b.HasKey(x => x.Year);
        b.Property(x => x.Year).ValueGeneratedNever();
    }
}
