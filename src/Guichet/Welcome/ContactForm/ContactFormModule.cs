namespace Guichet.Welcome.ContactForm;

/// The public contact form and its tracking page: a web-form contact goes through the contact
/// register (ContactRegister), its tracking link (ContactLink) is stored with it. The pages are
/// found by Razor Pages and the table is configured beside its entity. The service page of
/// Orient offers the form through IServiceActions.
internal static class ContactFormModule
{
    public static IServiceCollection AddContactForm(this IServiceCollection services)
    {
        services.AddOptions<ContactLinkOptions>().BindConfiguration(ContactLinkOptions.Section);
        services.AddScoped<IRetentionRule, ContactLinkRetention>();
        return services.AddScoped<Orient.Public.IServiceActions, ContactFormActions>();
    }
}
