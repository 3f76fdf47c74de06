using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Guichet.Platform.Web;

/// One limit on what anyone may do without an account: at most Permits posts per client address
/// within a fixed window of WindowSeconds. Configuration Limits:{name}:Permits and
/// Limits:{name}:WindowSeconds.
internal sealed record RateLimit(string Name, int Permits, int WindowSeconds, string Covers);

/// The limits on the anonymous endpoints, in one place (docs/security.md lists them). Each hit is
/// counted in the database (RateCounter), so that every node of an installation counts the same
/// hits: one caller cannot get N times the limit by spreading over N nodes. GETs are free; a post
/// over the limit is answered 429 with Retry-After (the error page, or a problem for the API).
internal static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string Booking = "booking";
    public const string QueueKiosk = "queue-kiosk";
    /// The queue tickets of one kiosk (one office), whatever the address: spreading posts over many
    /// addresses cannot push an office's published waiting time to hours.
    public const string QueueKioskOffice = "queue-kiosk-office";
    public const string ContactForm = "contact-form";
    public const string ComplaintForm = "complaint-form";
    public const string Open311Post = "open311-post";
    /// The other public forms (the appointment manage page, the tracking pages, the accessibility feedback).
    public const string PublicForms = "public-forms";

    public static readonly IReadOnlyList<RateLimit> Defaults =
    [
        new(SignIn, 30, 60, "password sign-in posts (the failures are also counted per account: Identity:Throttle)"),
        new(Booking, 10, 60, "appointment bookings, the page and POST /api/v1/appointments"),
        new(QueueKiosk, 60, 60, "queue tickets without an account per address, the kiosk page and POST /api/v1/queue/offices/{id}/tickets"),
        new(QueueKioskOffice, 20, 60, "queue tickets without an account per kiosk (office), from all addresses together; counted with queue-kiosk"),
        new(ContactForm, 5, 60, "the contact form"),
        new(ComplaintForm, 5, 60, "the complaint form"),
        new(Open311Post, 20, 60, "Open311 POST requests.json"),
        new(PublicForms, 10, 60, "the other public forms: appointment manage page, tracking pages, accessibility feedback"),
    ];

    public static RateLimit Configured(IConfiguration configuration, RateLimit limit) => limit with
    {
        Permits = Math.Max(1, configuration.GetValue($"Limits:{limit.Name}:Permits", limit.Permits)),
        WindowSeconds = Math.Max(1, configuration.GetValue($"Limits:{limit.Name}:WindowSeconds", limit.WindowSeconds)),
    };

    public static void AddTo(RateLimiterOptions options, IConfiguration configuration)
    {
        var perOffice = Configured(configuration, Defaults.Single(d => d.Name == QueueKioskOffice));
        foreach (var limit in Defaults.Where(d => d.Name != QueueKioskOffice).Select(d => Configured(configuration, d)))
            options.AddPolicy(limit.Name, context =>
            {
                if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)) return RateLimitPartition.GetNoLimiter("get");
                var scopes = context.RequestServices.GetRequiredService<IServiceScopeFactory>();
                var time = context.RequestServices.GetRequiredService<TimeProvider>();
                var address = context.Connection.RemoteIpAddress?.ToString() ?? "?";
                // A kiosk post counts for its address and for its office (the route's id): both must allow it.
                if (limit.Name == QueueKiosk && context.Request.RouteValues["id"]?.ToString() is { } office)
                    return RateLimitPartition.Get(PartitionKey(limit.Name, address) + "|" + office, _ => new BothLimiters(
                        new SharedWindowLimiter(limit, PartitionKey(limit.Name, address), scopes, time),
                        new SharedWindowLimiter(perOffice, PartitionKey(QueueKioskOffice, office), scopes, time)));
                return RateLimitPartition.Get(PartitionKey(limit.Name, address), key => new SharedWindowLimiter(limit, key, scopes, time));
            });
        options.OnRejected = async (context, ct) =>
        {
            var http = context.HttpContext;
            if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after))
                http.Response.Headers.RetryAfter = ((int)Math.Ceiling(after.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            // Open311 clients expect their error list (the limiter answers before Open311's own
            // middleware runs); the API gets a problem and people the error page (status-code pages).
            if (http.Request.Path.StartsWithSegments("/open311"))
            {
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                await http.Response.WriteAsJsonAsync(new[] { new { code = 429, description = "Too many requests: try again later." } }, ct);
            }
        };
    }

    /// The partition as stored: a hash of the policy and the address, never the address itself.
    public static string PartitionKey(string policy, string address) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(policy + "|" + address)));
}

/// Two limits that must both allow a hit, asked in order: a hit the first refuses is not counted
/// by the second (one address flooding does not use up its office's allowance).
internal sealed class BothLimiters(RateLimiter first, RateLimiter second) : RateLimiter
{
    public override TimeSpan? IdleDuration => first.IdleDuration is { } a && second.IdleDuration is { } b ? (a < b ? a : b) : null;

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => first.AttemptAcquire(permitCount) is { IsAcquired: false } lease ? lease : second.AttemptAcquire(permitCount);

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        var lease = await first.AcquireAsync(permitCount, cancellationToken);
        return lease.IsAcquired ? await second.AcquireAsync(permitCount, cancellationToken) : lease;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            first.Dispose();
            second.Dispose();
        }
        base.Dispose(disposing);
    }
}

/// A fixed window counted in the database: one upsert per hit (insert 1, or add 1 to the window's
/// row) whose returned count says whether the hit is within the limit. Both SQLite and PostgreSQL
/// run the same statement.
internal sealed class SharedWindowLimiter(RateLimit limit, string partitionKey, IServiceScopeFactory scopes, TimeProvider time) : RateLimiter
{
    private long _lastUsed = time.GetUtcNow().ToUnixTimeMilliseconds();

    public override TimeSpan? IdleDuration => TimeSpan.FromMilliseconds(time.GetUtcNow().ToUnixTimeMilliseconds() - Interlocked.Read(ref _lastUsed));

    public override RateLimiterStatistics? GetStatistics() => null;

    // The middleware tries without waiting first; the answer needs the database, so it always waits.
    protected override RateLimitLease AttemptAcquireCore(int permitCount) => Lease.Pending;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        Interlocked.Exchange(ref _lastUsed, now.ToUnixTimeMilliseconds());
        var window = limit.WindowSeconds;
        var start = now.ToUnixTimeSeconds() / window * window;
        int hits;
        using (var scope = scopes.CreateScope())
            hits = await RateCounter.HitAsync(scope.ServiceProvider.GetRequiredService<GuichetDb>(), limit.Name, partitionKey, start, cancellationToken);
        return hits <= limit.Permits ? Lease.Granted : new Lease(false, TimeSpan.FromSeconds(start + window - now.ToUnixTimeSeconds()));
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Granted = new(true, null);
        public static readonly Lease Pending = new(false, null);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
