using Guichet.Platform.Identity;

namespace Guichet.Welcome.Appointments;

internal static class AppointmentsModule
{
    public static IServiceCollection AddAppointments(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder().AddPolicy(AppointmentsApi.CounterPolicy, p => p.RequireRole(Roles.FrontOffice, Roles.Admin));
        services.AddOptions<AppointmentOptions>().BindConfiguration(AppointmentOptions.Section);
        services.AddScoped<AppointmentSlots>();
        services.AddScoped<AppointmentMail>();
        services.AddScoped<AppointmentBook>();
        services.AddScoped<AppointmentFigures>();
        services.AddScoped<Queue.IQueuePriorityFeed, AppointmentQueueFeed>();
        services.AddScoped<Guichet.Demo.IDemoSeeder, AppointmentsDemoSeeder>();
        services.AddSingleton<AppointmentReminders>();
        services.AddHostedService(sp => sp.GetRequiredService<AppointmentReminders>());
        return services;
    }

    public static WebApplication MapAppointments(this WebApplication app) => app.MapAppointmentsApi();
}
