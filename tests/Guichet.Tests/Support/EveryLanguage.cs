using Guichet.Platform.Localization;

namespace Guichet.Tests.Support;

/// Theory rows for what is checked in each language the site speaks.
public static class EveryLanguage
{
    /// One row per language.
    public static TheoryData<string> Rows() => [.. Languages.Supported];

    /// One row per path and language, the languages of a path one after the other.
    public static TheoryData<string, string> Rows(IEnumerable<string> paths)
    {
        var data = new TheoryData<string, string>();
        foreach (var path in paths)
            foreach (var language in Languages.Supported)
                data.Add(path, language);
        return data;
    }
}
