namespace Guichet.Platform.Web;

/// The hits of one limit (RateLimits) from one client address (as a hash) in one fixed window
/// (its start in Unix seconds). Shared by every node; rows of past windows are removed by the
/// retention job.
internal sealed class RateCounter
{
    public string Policy { get; private set; } = "";
    public string PartitionKey { get; private set; } = "";
    public long WindowStart { get; private set; }
    public int Hits { get; private set; }

    private RateCounter() { }

    /// Counts one hit and answers the window's count, this one included, in one statement.
    public static async Task<int> HitAsync(GuichetDb db, string policy, string partitionKey, long windowStart, CancellationToken ct) =>
        (await db.Database.SqlQuery<int>($"""
            INSERT INTO platform_rate_counters ("Policy", "PartitionKey", "WindowStart", "Hits") VALUES ({policy}, {partitionKey}, {windowStart}, 1)
            ON CONFLICT ("Policy", "PartitionKey", "WindowStart") DO UPDATE SET "Hits" = platform_rate_counters."Hits" + 1
            RETURNING "Hits" AS "Value"
            """).ToListAsync(ct))[0];
}

/// Retention: counters of windows that ended more than a day ago are removed.
internal sealed class RateCounterRetention : IRetentionRule
{
    public string Name => "rate-counters";

    public async Task<int> ApplyAsync(GuichetDb db, DateTimeOffset now, CancellationToken ct)
    {
        var before = now.AddDays(-1).ToUnixTimeSeconds();
        return await db.Set<RateCounter>().Where(c => c.WindowStart < before).ExecuteDeleteAsync(ct);
    }
}

internal sealed class RateCounterConfiguration : IEntityTypeConfiguration<RateCounter>
{
    public void Configure(EntityTypeBuilder<RateCounter> b)
    {
        b.ToTable("platform_rate_counters");
        b.HasKey(x => new { x.Policy, x.PartitionKey, x.WindowStart });
        b.Property(x => x.Policy).HasMaxLength(40);
        b.Property(x => x.PartitionKey).HasMaxLength(64);
        b.HasIndex(x => x.WindowStart);
    }
}
