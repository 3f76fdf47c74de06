namespace Guichet.Platform.Outbox;

internal static class OutboxModule
{
    public static IServiceCollection AddOutbox(this IServiceCollection services)
    {
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section);
        services.AddScoped<Outbox>();
        services.AddScoped<IRetentionRule, OutboxRetention>();
        // One dispatcher per node; it reads Outbox:Enabled when it starts (tests switch it off
        // and run rounds themselves).
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        return services;
    }
}
