namespace Guichet.Platform.Localization;

internal static class Languages
{
    public static readonly IReadOnlyList<string> Supported = LocalizedText.Languages;

    public const string CookieName = "guichet.lang";

    public static bool IsSupported(string? language) => language is not null && Supported.Contains(language);

    /// The two-letter language of the current request (set by request localization).
    public static string Current
    {
        get
        {
            var l = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
            return IsSupported(l) ? l : "en";
        }
    }

    /// Culture names used for formatting: Belgian variants where they exist.
    public static string CultureName(string language) => language switch
    {
        "fr" => "fr-BE",
        "nl" => "nl-BE",
        "de" => "de-BE",
        _ => "en-GB",
    };

    public static string NativeName(string language) => language switch
    {
        "fr" => "Français",
        "nl" => "Nederlands",
        "de" => "Deutsch",
        _ => "English",
    };
}
