using System.Linq.Expressions;

namespace Guichet.Platform.SecureLinks;

/// The one way a customer without an account opens a record with the secret token of a link
/// (a case's status page, a contact's or a complaint's tracking page, an appointment's manage
/// page): the token has 256 random bits and only its SHA-256 is stored (SecureToken); a token of
/// the wrong shape is not even looked up; the record is found by the hash; a link that is no
/// longer valid (expired, revoked, past) answers 410 Gone, an unknown one 404 Not Found, and the
/// pages show the same error pages for both. Guessing is slowed down per client address by the
/// rate limiter policy <see cref="GuessLimit"/> (PlatformModule), on every page and endpoint that
/// opens a link.
internal static class SecureLink
{
    /// The rate limiter policy of every page and endpoint that opens a record by a link's token.
    public const string GuessLimit = "secure-links";

    /// A link that worked once: the customer is told it expired (410), not that it never existed.
    public static readonly Refusal Expired = new(410, "link-expired", "This link has expired or was replaced by a newer one.");

    /// A new token: the plain one goes into the link (and nowhere else), the hash into the database.
    public static (string Plain, string Hash) NewToken() => SecureToken.New();

    /// The record a token opens, or why not: 404 (malformed or unknown), 410 (no longer valid at
    /// <paramref name="now"/>). <paramref name="byHash"/> selects the record of a hash (the query
    /// runs on the index of the hash column); <paramref name="validAt"/> says whether it still opens.
    public static async Task<OpenedLink<T>> OpenAsync<T>(IQueryable<T> records, string? token, Func<string, Expression<Func<T, bool>>> byHash,
        Func<T, DateTimeOffset, bool> validAt, DateTimeOffset now, CancellationToken ct) where T : class
    {
        if (!SecureToken.LooksValid(token)) return new(null, StatusCodes.Status404NotFound);
        var record = await records.FirstOrDefaultAsync(byHash(SecureToken.Hash(token!)), ct);
        if (record is null) return new(null, StatusCodes.Status404NotFound);
        return validAt(record, now) ? new(record, StatusCodes.Status200OK) : new(null, StatusCodes.Status410Gone);
    }
}

/// What a token opened: the record (200), or the status that says why not (404 or 410).
internal readonly record struct OpenedLink<T>(T? Record, int Status) where T : class
{
    public bool Ok => Record is not null;

    /// The same answer as a use case's result: 404 not-found, 410 link-expired.
    public Result<TOut> As<TOut>(string what) where TOut : class => Status == StatusCodes.Status410Gone
        ? Result<TOut>.Refused(SecureLink.Expired)
        : Result<TOut>.NotFound(what);
}
