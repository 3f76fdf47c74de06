using System.Security.Cryptography;
using System.Text;

namespace Guichet.Platform.Identity;

/// One failed password sign-in, kept for the throttle's window: which account (e-mail, known or
/// not) and which address it came from, both as SHA-256 only. In the database, so that every
/// node of an installation counts the same failures.
internal sealed class SignInFailure
{
    public Guid Id { get; private set; }
    public string AccountKey { get; private set; } = "";
    public string AddressKey { get; private set; } = "";
    public DateTimeOffset At { get; private set; }

    private SignInFailure() { }

    public SignInFailure(string accountKey, string addressKey, DateTimeOffset at)
    {
        Id = Guid.NewGuid();
        AccountKey = accountKey;
        AddressKey = addressKey;
        At = at;
    }
}

internal sealed class SignInFailureConfiguration : IEntityTypeConfiguration<SignInFailure>
{
    public void Configure(EntityTypeBuilder<SignInFailure> b)
    {
        b.ToTable("identity_sign_in_failures");
        b.HasKey(f => f.Id);
        b.Property(f => f.AccountKey).HasMaxLength(64);
        b.Property(f => f.AddressKey).HasMaxLength(64);
        b.HasIndex(f => new { f.AccountKey, f.At });
        b.HasIndex(f => new { f.AddressKey, f.At });
        b.HasIndex(f => f.At);
    }
}

/// Retention: failures older than the throttle's window count for nothing and are removed (they are
/// also removed as new failures come; this covers the quiet days).
internal sealed class SignInFailureRetention(IOptions<SignInThrottleOptions> options) : IRetentionRule
{
    public string Name => "sign-in-failures";

    public async Task<int> ApplyAsync(GuichetDb db, DateTimeOffset now, CancellationToken ct)
    {
        var before = now - options.Value.Window;
        return await db.Set<SignInFailure>().Where(f => f.At <= before).ExecuteDeleteAsync(ct);
    }
}

/// Limits of password sign-in (Identity:Throttle): at most AccountFailures wrong passwords per
/// account and AddressFailures per client address within WindowMinutes; then that account, or
/// that address, is refused, right password or not, until the oldest failure leaves the window.
internal sealed class SignInThrottleOptions
{
    public int AccountFailures { get; set; } = 5;
    public int AddressFailures { get; set; } = 20;
    public int WindowMinutes { get; set; } = 15;
    public TimeSpan Window => TimeSpan.FromMinutes(WindowMinutes);
}

/// Counts failed sign-ins per account and per address in the database (shared by all nodes). An
/// e-mail without an account is counted and refused exactly as a known one, so the answers do not
/// reveal which accounts exist.
internal sealed class SignInThrottle(GuichetDb db, IOptions<SignInThrottleOptions> options)
{
    public SignInThrottleOptions Options => options.Value;

    public sealed record State(int AccountFailures, int AddressFailures, DateTimeOffset? OldestAccountFailure);

    public async Task<State> StateAsync(string normalizedEmail, string address, DateTimeOffset now, CancellationToken ct)
    {
        var since = now - Options.Window;
        var account = AccountKey(normalizedEmail);
        var addressKey = AddressKey(address);
        var accountFailures = await db.Set<SignInFailure>().Where(f => f.AccountKey == account && f.At > since).Select(f => f.At).ToListAsync(ct);
        var addressFailures = await db.Set<SignInFailure>().CountAsync(f => f.AddressKey == addressKey && f.At > since, ct);
        return new State(accountFailures.Count, addressFailures, accountFailures.Count > 0 ? accountFailures.Min() : null);
    }

    public bool AddressShut(State state) => state.AddressFailures >= Options.AddressFailures;

    public bool AccountShut(State state) => state.AccountFailures >= Options.AccountFailures;

    /// Adds the failure (the caller saves) and forgets those older than the window.
    public async Task RecordFailureAsync(string normalizedEmail, string address, DateTimeOffset now, CancellationToken ct)
    {
        var before = now - Options.Window;
        await db.Set<SignInFailure>().Where(f => f.At <= before).ExecuteDeleteAsync(ct);
        db.Add(new SignInFailure(AccountKey(normalizedEmail), AddressKey(address), now));
    }

    private static string AccountKey(string normalizedEmail) => Hash("account:" + normalizedEmail);
    private static string AddressKey(string address) => Hash("address:" + address);
    private static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
