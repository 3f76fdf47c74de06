using System.Security.Cryptography;
using System.Text;

namespace Guichet.Platform.Identity;

/// What a token may be used for: reading the API (GET), changing through it (other methods),
/// or posting Open311 service requests as an `api_key` (and nothing else).
internal static class TokenScopes
{
    public const string Read = "read";
    public const string Write = "write";
    public const string Open311 = "open311";

    public static readonly IReadOnlyList<string> All = [Read, Write, Open311];

    /// The claim a bearer principal carries for each scope of its token.
    public const string Claim = "guichet:token-scope";

    /// Scopes from "read write" or "read,write": known ones, each once, in the order of All; null
    /// when a word is not a scope.
    public static string[]? Parse(string? text)
    {
        var words = (text ?? "").Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 0 || words.Any(w => !All.Contains(w))) return null;
        return [.. All.Where(words.Contains)];
    }
}

/// A bearer token for the API. Only the SHA-256 of the token is stored: the token has 256 bits
/// of entropy, so a fast hash is enough, and it is checked on every request (ADR 0004). A token
/// has scopes (TokenScopes), may expire, and records when it was last used (at most every few
/// minutes, not on every request).
internal sealed class ApiToken
{
    public const string Prefix = "gch_";

    /// Last use is written when the recorded one is older than this.
    public static readonly TimeSpan LastUseGranularity = TimeSpan.FromMinutes(5);

    public Guid Id { get; private set; }
    public Guid UserId { get; private set; }
    public string Name { get; private set; } = "";
    public string TokenHash { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public DateTimeOffset? LastUsedAt { get; private set; }
    public DateTimeOffset? ExpiresAt { get; private set; }

    /// Space-separated TokenScopes.
    public string Scopes { get; private set; } = TokenScopes.Read + " " + TokenScopes.Write;

    private ApiToken() { }

    /// Creates a token (by default for reading and writing the API, without expiry); the plain
    /// text is returned once and never stored.
    public static (ApiToken Token, string PlainText) Create(Guid userId, string name, DateTimeOffset now, IReadOnlyList<string>? scopes = null, DateTimeOffset? expiresAt = null)
    {
        var plain = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var token = new ApiToken { Id = Guid.NewGuid(), UserId = userId, Name = name, TokenHash = Hash(plain), CreatedAt = now, ExpiresAt = expiresAt };
        if (scopes is { Count: > 0 }) token.Scopes = string.Join(' ', TokenScopes.All.Where(scopes.Contains));
        return (token, plain);
    }

    public IReadOnlyList<string> ScopeList => Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public bool IsValidAt(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || now < ExpiresAt);

    /// The token behind a plain text and its owner, looked up by its SHA-256, when it is valid now
    /// (not revoked, not expired); the one lookup of the bearer scheme and of Open311's api_key.
    public static async Task<(ApiToken Token, StaffUser Owner)?> FindValidAsync(GuichetDb db, string plain, DateTimeOffset now, CancellationToken ct)
    {
        if (!plain.StartsWith(Prefix, StringComparison.Ordinal) || plain.Length > 100) return null;
        var hash = Hash(plain);
        var found = await db.Set<ApiToken>().AsNoTracking()
            .Where(t => t.TokenHash == hash && t.RevokedAt == null)
            .Join(db.Set<StaffUser>().AsNoTracking(), t => t.UserId, u => u.Id, (t, u) => new { Token = t, User = u })
            .FirstOrDefaultAsync(ct);
        return found is not null && found.Token.IsValidAt(now) ? (found.Token, found.User) : null;
    }

    public static string Hash(string plainText) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(plainText)));

    public bool IsActive => RevokedAt is null;

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;

    public void Used(DateTimeOffset now) => LastUsedAt = now;

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> b)
    {
        b.ToTable("identity_api_tokens");
        b.HasKey(t => t.Id);
        b.Property(t => t.Name).HasMaxLength(200);
        b.Property(t => t.TokenHash).HasMaxLength(64);
        b.Property(t => t.Scopes).HasMaxLength(100);
        b.HasIndex(t => t.TokenHash).IsUnique();
        b.HasOne<StaffUser>().WithMany().HasForeignKey(t => t.UserId);
        b.Ignore(t => t.IsActive);
        b.Ignore(t => t.ScopeList);
    }
}
