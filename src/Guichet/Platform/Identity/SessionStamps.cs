using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Caching.Memory;

namespace Guichet.Platform.Identity;

/// Ends sessions on the server: a sign-in cookie carries its account's security stamp
/// (StaffUser.SecurityStamp) and is refused on the first request after the stamp changed. Each
/// node keeps the stamps it read for Identity:SessionCheckSeconds (5 by default): a change made on
/// this node takes effect at once (Forget), one made on another node (or by the command line)
/// within that many seconds.
internal sealed class SessionStamps(IMemoryCache cache, IServiceScopeFactory scopes, IConfiguration configuration)
{
    public const string Claim = "guichet:stamp";

    private TimeSpan CacheFor => TimeSpan.FromSeconds(Math.Max(0, configuration.GetValue("Identity:SessionCheckSeconds", 5)));

    public async Task<bool> IsCurrentAsync(Guid userId, string stamp, CancellationToken ct)
    {
        var key = Key(userId);
        if (!cache.TryGetValue(key, out string? current))
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<GuichetDb>();
            current = await db.Set<StaffUser>().AsNoTracking().Where(u => u.Id == userId).Select(u => u.SecurityStamp).FirstOrDefaultAsync(ct);
            if (CacheFor > TimeSpan.Zero) cache.Set(key, current, CacheFor);
        }
        return current is not null && string.Equals(current, stamp, StringComparison.Ordinal);
    }

    /// The account's stamp changed on this node: the next request reads it again.
    public void Forget(Guid userId) => cache.Remove(Key(userId));

    private static string Key(Guid userId) => "identity:stamp:" + userId;

    /// The cookie handler's check on each request: a cookie of an ended session signs out.
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var stamps = context.HttpContext.RequestServices.GetRequiredService<SessionStamps>();
        var user = context.Principal;
        var stamp = user?.FindFirstValue(Claim);
        if (user?.UserId() is { } id && stamp is not null && await stamps.IsCurrentAsync(id, stamp, context.HttpContext.RequestAborted))
            return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }
}
