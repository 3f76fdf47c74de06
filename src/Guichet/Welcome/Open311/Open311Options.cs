namespace Guichet.Welcome.Open311;

/// Welcome:Open311. The public request list (GET requests.json, requests/{id}.json) follows the
/// GeoReport v2 standard, but a request is a person's message: only the services listed in
/// PublicServices (reports about the public space — a pothole, litter, a broken lamp) show their
/// description, address, position and photo to anyone. Every other service is private by default:
/// its requests are listed with their status, service, dates and agency only.
internal sealed class Open311Options
{
    public const string Section = "Welcome:Open311";

    /// Service codes (the services' slugs) whose requests are public in full.
    public List<string> PublicServices { get; set; } = [];

    public bool IsPublic(string serviceCode) => PublicServices.Contains(serviceCode, StringComparer.Ordinal);
}
