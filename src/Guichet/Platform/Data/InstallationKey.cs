using System.Security.Cryptography;

namespace Guichet.Platform.Data;

/// A random 256-bit key of the installation, made once and kept in the database
/// (platform_secrets), so every node of one installation signs and hashes alike: the journal's
/// pseudonyms, the subscribers' signed links. Read once per process and cached.
internal abstract class InstallationKey(IServiceScopeFactory scopes, string name)
{
    private readonly Lock _lock = new();
    private byte[]? _key;

    /// Makes the key now if it does not exist yet: at start-up, before any use case's write
    /// transaction (made inside one, it would wait for that transaction on SQLite).
    public void Ensure() => Key();

    protected byte[] Key()
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
            if (db.Set<PlatformSecret>().AsNoTracking().FirstOrDefault(s => s.Name == name) is { } found)
                return Convert.FromBase64String(found.Value);
            db.Add(new PlatformSecret(name, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
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
