using System.Globalization;
using Guichet.Platform.Data;

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

    public static async Task<int> NextAsync(GuichetDb db, Guid officeId, DateOnly day, string letter, CancellationToken ct)
    {
        // A text key: the same on both providers (SQLite would bind a Guid as a blob).
        var key = string.Create(CultureInfo.InvariantCulture, $"{officeId:N}|{day:yyyy-MM-dd}|{letter}");
        return Convert.ToInt32(await RawSql.ScalarAsync(db, """
            INSERT INTO welcome_queue_number_counters ("Key", "Last") VALUES (@key, 1)
            ON CONFLICT ("Key") DO UPDATE SET "Last" = welcome_queue_number_counters."Last" + 1
            RETURNING "Last"
            """, new Dictionary<string, object> { ["@key"] = key }, ct), CultureInfo.InvariantCulture);
    }
}
