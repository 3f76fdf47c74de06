using Guichet.Welcome.Contacts.Api;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Welcome.Contacts;

/// The contact register: one intake for every channel, the unit inbox, call-backs, referrals.
internal static class ContactsModule
{
    public static IServiceCollection AddContacts(this IServiceCollection services)
    {
        services.AddOptions<ContactNorms>().BindConfiguration(ContactNorms.Section);
        services.AddScoped<ContactRegister>();
        services.AddScoped<ContactCases>();
        services.AddOptions<ContactRetentionOptions>().BindConfiguration(ContactRetentionOptions.Section);
        services.AddScoped<IRetentionRule, ContactRetention>();
        // Every page in Pages/Staff is for contact work: none can be left open by forgetting an attribute.
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Welcome/Contacts/Pages/Staff", Acts.ContactWork));
        return services;
    }

    public static WebApplication MapContacts(this WebApplication app) => app.MapContactsApi();
}
