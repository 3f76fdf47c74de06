using System.Security.Cryptography;
using System.Text;

namespace Guichet.Platform.EventLog;

/// The installation's key for the journal's pseudonyms: an HMAC-SHA256 of a national or
/// enterprise number under a random key kept in the database (so every node of one installation
/// computes the same pseudonym, and a copied journal without the database tells nobody's number).
internal sealed class JournalKey(IServiceScopeFactory scopes) : InstallationKey(scopes, "journal-pseudonym-key")
{
    public string Pseudonym(string number)
    {
        var digits = new string([.. number.Where(char.IsAsciiDigit)]);
        var mac = HMACSHA256.HashData(Key(), Encoding.ASCII.GetBytes(digits));
        return "c-" + Convert.ToHexStringLower(mac, 0, 16);
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
