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
}
