using Guichet.Welcome.Appointments;
using Guichet.Welcome.ContactForm;
using Guichet.Welcome.Contacts;
using Guichet.Welcome.MailIntake;
using Guichet.Welcome.Open311;
using Guichet.Welcome.Queue;

namespace Guichet.Welcome;

/// Welcome: the first contact, whatever the channel. Each capability adds itself here.
internal static class WelcomeModule
{
    public static IServiceCollection AddWelcome(this IServiceCollection services)
    {
        services.AddContacts();
        services.AddContactForm();
        services.AddMailIntake();
        services.AddAppointments();
        services.AddOpen311();
        services.AddQueue();
        return services;
    }

    public static WebApplication MapWelcome(this WebApplication app)
    {
        app.MapContacts();
        app.MapAppointments();
        app.MapOpen311();
        app.MapQueue();
        return app;
    }
}
