using Microsoft.Data.Sqlite;
using Npgsql;

namespace Guichet.Platform.Data;

/// What a failed save means, the same on both providers.
internal static class DbErrors
{
    /// A unique index refused the row: two requests raced for the same slug, number or slot.
    /// SaveChanges wraps the provider's exception in a DbUpdateException; ExecuteUpdate and
    /// ExecuteDelete throw the provider's own. Both are recognised here.
    public static bool IsUniqueViolation(Exception e) => IsUnique(e) || IsUnique(e.InnerException);

    private static bool IsUnique(Exception? e) => e switch
    {
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode is 2067 or 1555, // SQLITE_CONSTRAINT_UNIQUE / _PRIMARYKEY
        _ => false,
    };
}
