using Guichet.Platform.Outbox;

namespace Guichet.Platform.Mail;

internal static class MailModule
{
    public static IServiceCollection AddMail(this IServiceCollection services)
    {
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section);
        services.AddSingleton<IMailSender, SmtpMailSender>();
        services.AddScoped<IOutboxHandler, MailOutboxHandler>();
        return services;
    }
}
