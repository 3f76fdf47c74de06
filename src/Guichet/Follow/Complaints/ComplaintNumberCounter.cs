namespace Guichet.Follow.Complaints;

/// The last complaint number given out per year ("K-2026-000123"). Taken inside the registration's
/// transaction: a registration refused for bad input rolls the counter back with it, so the
/// register has no gaps (concurrent registrations wait for each other on the year's row).
internal sealed class ComplaintNumberCounter
{
    public const string Table = "follow_complaint_number_counters";

    public int Year { get; private set; }
    public int Last { get; private set; }

    private ComplaintNumberCounter() { }

    public static async Task<string> NextAsync(GuichetDb db, int year, CancellationToken ct)
    {
        var last = await RawSql.NextOfYearAsync(db, Table, year, ct);
        return "K-" + year.ToString(CultureInfo.InvariantCulture) + "-" + last.ToString("D6", CultureInfo.InvariantCulture);
    }
}

internal sealed class ComplaintNumberCounterConfiguration : IEntityTypeConfiguration<ComplaintNumberCounter>
{
    public void Configure(EntityTypeBuilder<ComplaintNumberCounter> b)
    {
        b.ToTable(ComplaintNumberCounter.Table);
        b.HasKey(x => x.Year);
        b.Property(x => x.Year).ValueGeneratedNever();
    }
}
