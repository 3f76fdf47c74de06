using Guichet.Welcome.Appointments.Api;
using Guichet.Welcome.Appointments.Demo;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Welcome.Appointments;

/// Appointments: slots from opening hours, booking without an account, the counter's day.
internal static class AppointmentsModule
{
    public static IServiceCollection AddAppointments(this IServiceCollection services)
    {
        services.AddOptions<AppointmentOptions>().BindConfiguration(AppointmentOptions.Section);
        services.AddScoped<AppointmentSlots>();
        services.AddScoped<AppointmentMail>();
        services.AddScoped<AppointmentBook>();
        services.AddScoped<IRetentionRule, AppointmentRetention>();
        services.AddScoped<AppointmentFigures>();
        services.AddScoped<Queue.IQueuePriorityFeed, AppointmentQueueFeed>();
        services.AddScoped<Orient.Public.IServiceActions, AppointmentActions>();
        services.AddScoped<IDemoSeeder, AppointmentsDemoSeeder>();
        services.AddSingleton<AppointmentReminders>();
        services.AddHostedService(sp => sp.GetRequiredService<AppointmentReminders>());
        // The counter's pages live in Pages/Staff: none can be left open by forgetting an attribute.
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Welcome/Appointments/Pages/Staff", Acts.AppointmentReceive));
        return services;
    }

    public static WebApplication MapAppointments(this WebApplication app) => app.MapAppointmentsApi();
}
