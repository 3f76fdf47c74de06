namespace Guichet.Welcome.MailIntake;

internal static class MailIntakeModule
{
    public static IServiceCollection AddMailIntake(this IServiceCollection services)
    {
        services.AddOptions<MailIntakeOptions>().BindConfiguration(MailIntakeOptions.Section);
        services.AddSingleton<MailIntake>();
        services.AddHostedService<MailIntakeWorker>();
        return services;
    }
}
