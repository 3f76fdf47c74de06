namespace Guichet.Orient.Public.Pages;

/// Links built from catalogue data. The rules already refuse anything but http(s) URLs; pages
/// check again, so that a row written some other way can never become a javascript: link.
internal static class Links
{
    public static bool IsWeb(string? url) =>
        !string.IsNullOrWhiteSpace(url) && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http";

    /// "+32 83 21 40 00" as tel:+3283214000.
    public static string Tel(string phone) =>
        "tel:" + new string([.. phone.Where(c => char.IsDigit(c) || c == '+')]);

    public static string Mailto(string email) => "mailto:" + Uri.EscapeDataString(email.Trim()).Replace("%40", "@", StringComparison.Ordinal);

    public static string Coordinates(double latitude, double longitude) =>
        string.Create(CultureInfo.InvariantCulture, $"{latitude:0.######}, {longitude:0.######}");

    /// A map centred on the place (OpenStreetMap: a link the reader chooses to follow, nothing loaded here).
    public static string Map(double latitude, double longitude) =>
        string.Create(CultureInfo.InvariantCulture, $"https://www.openstreetmap.org/?mlat={latitude:0.######}&mlon={longitude:0.######}#map=17/{latitude:0.######}/{longitude:0.######}");
}
