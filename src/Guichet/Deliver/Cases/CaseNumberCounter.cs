using System.Globalization;
using Guichet.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Deliver.Cases;

/// The last case number given out per year. Taking the next one is one statement on its own
/// (not in the case's transaction), so concurrent openings wait for each other only for that
/// instant and never collide; a case that then fails to save leaves a gap, which is harmless.
internal sealed class CaseNumberCounter
{
    public int Year { get; private set; }
    public int Last { get; private set; }

    private CaseNumberCounter() { }

    public static async Task<string> NextAsync(GuichetDb db, int year, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await connection.OpenAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            // The same statement on PostgreSQL and SQLite (3.35 and later).
            command.CommandText = """
                INSERT INTO deliver_case_number_counters ("Year", "Last") VALUES (@year, 1)
                ON CONFLICT ("Year") DO UPDATE SET "Last" = deliver_case_number_counters."Last" + 1
                RETURNING "Last"
                """;
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@year";
            parameter.Value = year;
            command.Parameters.Add(parameter);
            var last = Convert.ToInt32(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
            return year.ToString(CultureInfo.InvariantCulture) + "-" + last.ToString("D5", CultureInfo.InvariantCulture);
        }
        finally
        {
            if (opened) await connection.CloseAsync();
        }
    }
}
