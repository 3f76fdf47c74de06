using Guichet.Deliver.Cases;
using Guichet.Deliver.Documents.Api;

namespace Guichet.Deliver.Documents;

/// The documents of a case: uploaded by staff or by the customer, recognised by content, stored
/// once by SHA-256 in the database (ADR 0011).
internal static class DocumentsModule
{
    public static IServiceCollection AddDocuments(this IServiceCollection services) => services.AddScoped<DocumentWork>();

    public static WebApplication MapDocuments(this WebApplication app) => app.MapDocumentsApi();
}
