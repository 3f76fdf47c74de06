using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Guichet.Bench;

/// The work list sorts by COALESCE(DueOn, 9999-12-31), Id within a unit, which no index of the
/// app serves: every page reads and sorts all the unit's cases. This adds the index that serves
/// that order, and measures the list query written so that it can use it (the sort expression
/// with a literal rather than a parameter, and the cursor with a range condition on its own).
internal static class WhatIfIndex
{
    public const string IndexName = "IX_bench_deliver_cases_UnitId_Due_Id";

    private static string Max(bool postgres) => postgres ? "'9999-12-31'::date" : "'9999-12-31'";

    public static string Ddl(bool postgres) =>
        $"""CREATE INDEX "{IndexName}" ON deliver_cases ("UnitId", (COALESCE("DueOn", {Max(postgres)})), "Id")""";

    private static string Query(bool postgres, bool after) => $"""
        SELECT {BareSql.CaseColumns}
        FROM deliver_cases c
        WHERE c."UnitId" = @unit
        {(after ? $"""AND COALESCE(c."DueOn", {Max(postgres)}) >= @due AND (COALESCE(c."DueOn", {Max(postgres)}) > @due OR c."Id" > @id)""" : "")}
        ORDER BY COALESCE(c."DueOn", {Max(postgres)}), c."Id"
        LIMIT 51
        """;

    /// The search by party number with the filter as `Id IN (subquery)` rather than a correlated
    /// EXISTS: SQLite then starts from the party-number index instead of probing every case of the unit.
    private static string SearchQuery(bool postgres) => $"""
        SELECT {BareSql.CaseColumns}
        FROM deliver_cases c
        WHERE c."UnitId" = @unit AND c."Id" IN (SELECT n."CaseId" FROM deliver_case_party_numbers n WHERE n."Number" = @number)
        ORDER BY COALESCE(c."DueOn", {Max(postgres)}), c."Id"
        LIMIT 51
        """;

    public static async Task<int> SearchAsync(bool postgres, string cs, Guid unit, string number)
    {
        var count = 0;
        if (postgres)
        {
            await using var conn = new NpgsqlConnection(cs);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand(SearchQuery(true), conn);
            cmd.Parameters.Add(new NpgsqlParameter("unit", NpgsqlDbType.Uuid) { Value = unit });
            cmd.Parameters.Add(new NpgsqlParameter("number", NpgsqlDbType.Varchar) { Value = number });
            await using var r = await cmd.ExecuteReaderAsync();
            var values = new object[r.FieldCount];
            while (await r.ReadAsync()) { r.GetValues(values); count++; }
            return count;
        }
        await using (var lite = new SqliteConnection(cs))
        {
            await lite.OpenAsync();
            await using var cmd = lite.CreateCommand();
            cmd.CommandText = SearchQuery(false);
            cmd.Parameters.AddWithValue("@unit", SqliteCaseSink.G(unit));
            cmd.Parameters.AddWithValue("@number", number);
            await using var r = await cmd.ExecuteReaderAsync();
            var values = new object[r.FieldCount];
            while (await r.ReadAsync()) { r.GetValues(values); count++; }
        }
        return count;
    }

    public static async Task CreateAsync(bool postgres, string cs, string? sqlitePath)
    {
        if (postgres)
        {
            await using var conn = new NpgsqlConnection(cs);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand(Ddl(true) + "; ANALYZE deliver_cases", conn) { CommandTimeout = 0 };
            await cmd.ExecuteNonQueryAsync();
            return;
        }
        await using var lite = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = sqlitePath, Pooling = false, DefaultTimeout = 600 }.ToString());
        await lite.OpenAsync();
        await using var c = lite.CreateCommand();
        c.CommandText = Ddl(false) + "; ANALYZE deliver_cases;";
        c.CommandTimeout = 0;
        await c.ExecuteNonQueryAsync();
    }

    public static async Task<int> ListAsync(bool postgres, string cs, Guid unit, (DateOnly Due, Guid Id)? after)
    {
        var count = 0;
        if (postgres)
        {
            await using var conn = new NpgsqlConnection(cs);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand(Query(true, after is not null), conn);
            cmd.Parameters.Add(new NpgsqlParameter("unit", NpgsqlDbType.Uuid) { Value = unit });
            if (after is { } k)
            {
                cmd.Parameters.Add(new NpgsqlParameter("due", NpgsqlDbType.Date) { Value = k.Due });
                cmd.Parameters.Add(new NpgsqlParameter("id", NpgsqlDbType.Uuid) { Value = k.Id });
            }
            await using var r = await cmd.ExecuteReaderAsync();
            var values = new object[r.FieldCount];
            while (await r.ReadAsync()) { r.GetValues(values); count++; }
            return count;
        }
        await using (var lite = new SqliteConnection(cs))
        {
            await lite.OpenAsync();
            await using var cmd = lite.CreateCommand();
            cmd.CommandText = Query(false, after is not null);
            cmd.Parameters.AddWithValue("@unit", SqliteCaseSink.G(unit));
            if (after is { } k)
            {
                cmd.Parameters.AddWithValue("@due", SqliteCaseSink.D(k.Due));
                cmd.Parameters.AddWithValue("@id", SqliteCaseSink.G(k.Id));
            }
            await using var r = await cmd.ExecuteReaderAsync();
            var values = new object[r.FieldCount];
            while (await r.ReadAsync()) { r.GetValues(values); count++; }
        }
        return count;
    }

    public static async Task<string> ExplainAsync(bool postgres, string cs, Guid unit)
    {
        var lines = new List<string>();
        if (postgres)
        {
            await using var conn = new NpgsqlConnection(cs);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + Query(true, false).Replace("@unit", $"'{unit}'::uuid", StringComparison.Ordinal), conn);
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync()) lines.Add(r.GetString(0));
        }
        else
        {
            await using var lite = new SqliteConnection(cs);
            await lite.OpenAsync();
            await using var cmd = lite.CreateCommand();
            cmd.CommandText = "EXPLAIN QUERY PLAN " + Query(false, false);
            cmd.Parameters.AddWithValue("@unit", SqliteCaseSink.G(unit));
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync()) lines.Add(r.GetString(3));
        }
        return string.Join('\n', lines);
    }

    public static string Report(bool postgres, List<Load.Result> results, TimeSpan indexTime, string plan)
    {
        var sb = new StringBuilder();
        sb.AppendLine();
        sb.AppendLine("### What-if: the work list with an index for its order, and the search written as IN");
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $$"""Added after the runs above (built in {{indexTime.TotalSeconds:F0}} s): `{{Ddl(postgres)}}`. The app is unchanged (its query passes the 9999-12-31 of the sort as a parameter); the bare query writes it as a literal, so that it matches the index expression, and its cursor adds `COALESCE(DueOn, …) >= @due` so that the next page starts as an index range. The search rows write the party-number filter as `c."Id" IN (SELECT "CaseId" FROM deliver_case_party_numbers WHERE "Number" = @number)` instead of the correlated `EXISTS` that EF generates from `Any(...)`.""");
        sb.AppendLine();
        sb.AppendLine("| request | what | clients | req/s | p50 ms | p95 ms | p99 ms | errors |");
        sb.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            var parts = r.Name.Split('|');
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {parts[0]} | {parts[1]} | {r.Clients} | {r.PerSecond:F0} | {r.P50:F1} | {r.P95:F1} | {r.P99:F1} | {r.Errors} |");
        }
        sb.AppendLine();
        sb.AppendLine("<details><summary>Plan of the rewritten first-page query with the index</summary>");
        sb.AppendLine();
        sb.AppendLine("```");
        sb.AppendLine(plan);
        sb.AppendLine("```");
        sb.AppendLine();
        sb.AppendLine("</details>");
        return sb.ToString();
    }
}
