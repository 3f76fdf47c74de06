using System.Security.Cryptography;
using System.Text;

namespace Guichet.Platform.EventLog;

/// The installation's key for the journal's pseudonyms: an HMAC-SHA256 of a national or
/// enterprise number under a random key kept in the database (so every node of one installation
/// computes the same pseudonym, and a copied journal without the database tells nobody's number).
internal sealed class JournalKey(IServiceScopeFactory scopes)
{
    private const string Name = "journal-pseudonym-key";
    private readonly Lock _lock = new();
    private byte[]? _key;

    public string Pseudonym(string number)
    {
        var digits = new string([.. number.Where(char.IsAsciiDigit)]);
        var mac = HMACSHA256.HashData(Key(), Encoding.ASCII.GetBytes(digits));
        return "c-" + Convert.ToHexStringLower(mac, 0, 16);
    }

    /// Makes the key now if it does not exist yet: at start-up, before any use case's write
    /// transaction (made inside one, it would wait for that transaction on SQLite).
    public void Ensure() => Key();

    private byte[] Key()
    {
        if (_key is not null) return _key;
        lock (_lock)
        {
            return _key ??= LoadOrCreate();
        }
    }

    private byte[] LoadOrCreate()
    {
        for (var attempt = 0; ; attempt++)
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<GuichetDb>();
            if (db.Set<PlatformSecret>().AsNoTracking().FirstOrDefault(s => s.Name == Name) is { } found)
                return Convert.FromBase64String(found.Value);
            db.Add(new PlatformSecret(Name, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
            try
            {
                db.SaveChanges();
            }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e) && attempt < 3)
            {
                // Another node created it first: read theirs.
            }
        }
    }
}

/// A secret of the installation, made once and shared by every node through the database.
internal sealed class PlatformSecret
{
    public string Name { get; private set; } = "";
    public string Value { get; private set; } = "";

    private PlatformSecret() { }

    public PlatformSecret(string name, string value)
    {
        Name = name;
        Value = value;
    }
}

internal sealed class PlatformSecretConfiguration : IEntityTypeConfiguration<PlatformSecret>
{
    public void Configure(EntityTypeBuilder<PlatformSecret> b)
    {
        b.ToTable("platform_secrets");
        b.HasKey(s => s.Name);
        b.Property(s => s.Name).HasMaxLength(100);
        b.Property(s => s.Value).HasMaxLength(1000);
    }
}
