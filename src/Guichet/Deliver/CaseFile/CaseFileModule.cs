namespace Guichet.Deliver.CaseFile;

/// The case file: the staff page of one case with every part the other capabilities own — status
/// and clock, requests to the customer, advice, documents, decision and appeals, the status link,
/// notes — each form posting to the use case of its owner. It composes them, so nothing of Deliver
/// depends on it and Cases does not depend on its parts. It has no services of its own.
internal static class CaseFileModule
{
    public static IServiceCollection AddCaseFile(this IServiceCollection services) => services;
}
