using Microsoft.EntityFrameworkCore.Storage;

namespace Guichet.Platform.Data;

/// One SQL statement that EF Core cannot express (an upsert returning its value), run on the
/// context's connection and, if one is open, inside its transaction.
internal static class RawSql
{
    public static async Task<object?> ScalarAsync(GuichetDb db, string sql, IReadOnlyDictionary<string, object> parameters, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await connection.OpenAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            foreach (var (name, value) in parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value;
                command.Parameters.Add(parameter);
            }
            return await command.ExecuteScalarAsync(ct);
        }
        finally
        {
            if (opened) await connection.CloseAsync();
        }
    }

    /// The next number of a per-year counter table ("Year" key, "Last" value): one upsert, the
    /// same statement on PostgreSQL and SQLite (3.35 and later). Inside the caller's transaction
    /// when it has one; concurrent callers wait for each other on the year's row. The table name
    /// comes from code, never from input.
    public static async Task<int> NextOfYearAsync(GuichetDb db, string table, int year, CancellationToken ct) =>
        Convert.ToInt32(await ScalarAsync(db, $"""
            INSERT INTO {table} ("Year", "Last") VALUES (@year, 1)
            ON CONFLICT ("Year") DO UPDATE SET "Last" = {table}."Last" + 1
            RETURNING "Last"
            """, new Dictionary<string, object> { ["@year"] = year }, ct), CultureInfo.InvariantCulture);
}
