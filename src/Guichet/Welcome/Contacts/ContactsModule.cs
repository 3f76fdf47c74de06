using Guichet.Platform.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Welcome.Contacts;

internal static class ContactsModule
{
    public static IServiceCollection AddContacts(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder().AddPolicy(ContactsApi.ContactWorkPolicy, p => p.RequireRole(Roles.FrontOffice, Roles.CaseHandler, Roles.Manager, Roles.Admin));
        services.AddOptions<ContactNorms>().BindConfiguration(ContactNorms.Section);
        services.AddScoped<ContactRegister>();
        services.AddScoped<ContactCases>();
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Welcome/Contacts/Staff", ContactsApi.ContactWorkPolicy));
        return services;
    }

    public static WebApplication MapContacts(this WebApplication app) => app.MapContactsApi();
}
