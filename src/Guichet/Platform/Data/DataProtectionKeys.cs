using Microsoft.AspNetCore.DataProtection;

namespace Guichet.Platform.Data;

/// The keys that protect sign-in cookies, antiforgery tokens and the other protected payloads
/// live in the database (ADR 0015): every node of an installation shares them, and they survive
/// a restart or a new container. (By default ASP.NET Core keeps them in the home folder of the
/// process, or only in memory, and says so with a warning at every start.)
internal static class DataProtectionKeys
{
    public const string ApplicationName = "Guichet";

    public static IServiceCollection AddGuichetDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName).PersistKeysToDbContext<GuichetDb>();
        return services;
    }
}
