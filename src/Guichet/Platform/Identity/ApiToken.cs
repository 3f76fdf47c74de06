using System.Security.Cryptography;
using System.Text;

namespace Guichet.Platform.Identity;

/// A bearer token for the API. Only the SHA-256 of the token is stored: the token has 256 bits
/// of entropy, so a fast hash is enough, and it is checked on every request (ADR 0004).
internal sealed class ApiToken
{
    public const string Prefix = "gch_";

    public Guid Id { get; private set; }
    public Guid UserId { get; private set; }
    public string Name { get; private set; } = "";
    public string TokenHash { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public DateTimeOffset? LastUsedAt { get; private set; }

    private ApiToken() { }

    /// Creates a token; the plain text is returned once and never stored.
    public static (ApiToken Token, string PlainText) Create(Guid userId, string name, DateTimeOffset now)
    {
        var plain = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        return (new ApiToken { Id = Guid.NewGuid(), UserId = userId, Name = name, TokenHash = Hash(plain), CreatedAt = now }, plain);
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
        b.HasIndex(t => t.TokenHash).IsUnique();
        b.HasOne<StaffUser>().WithMany().HasForeignKey(t => t.UserId);
        b.Ignore(t => t.IsActive);
    }
}
