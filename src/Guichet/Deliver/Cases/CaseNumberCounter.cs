using Guichet.Deliver.CaseTypes;

namespace Guichet.Deliver.Cases;

/// The last case number given out per year. Taking the next one is one statement on its own
/// (not in the case's transaction), so concurrent openings wait for each other only for that
/// instant and never collide; a case that then fails to save leaves a gap, which is harmless.
internal sealed class CaseNumberCounter
{
    public const string Table = "deliver_case_number_counters";

    public int Year { get; private set; }
    public int Last { get; private set; }

    private CaseNumberCounter() { }

    public static async Task<string> NextAsync(GuichetDb db, int year, CancellationToken ct)
    {
        var last = await RawSql.NextOfYearAsync(db, Table, year, ct);
        return year.ToString(CultureInfo.InvariantCulture) + "-" + last.ToString("D5", CultureInfo.InvariantCulture);
    }
}

internal sealed class CaseNumberCounterConfiguration : IEntityTypeConfiguration<CaseNumberCounter>
{
    public void Configure(EntityTypeBuilder<CaseNumberCounter> b)
    {
        b.ToTable(CaseNumberCounter.Table);
        b.HasKey(x => x.Year);
        b.Property(x => x.Year).ValueGeneratedNever();
    }
}
