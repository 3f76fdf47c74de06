using Guichet.Orient.Catalogue;
using Guichet.Orient.Public;

namespace Guichet.Welcome.ContactForm;

/// "Ask a question" on the page of every published service of the organisation: the contact
/// form, with the service filled in.
internal sealed class ContactFormActions(CatalogueDirectory catalogue) : IServiceActions
{
    public async Task<IReadOnlyList<ServiceAction>> ForServiceAsync(Guid serviceId, CancellationToken ct) =>
        await catalogue.PublishedServiceAsync(serviceId, ct) is { External: false }
            ? [new ServiceAction($"/contact?service={serviceId}", "contactform.action.write")]
            : [];
}
