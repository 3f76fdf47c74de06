using Guichet.Orient.Catalogue;
using Guichet.Platform.Web.Forms;

namespace Guichet.Welcome.Contacts.Pages.Staff;

/// How the contact pages show values: dates in Brussels time and the page's culture, enum values
/// by a text per value ("contacts.outcome.{code}", the code as the API writes it), so that a new
/// outcome needs only its texts.
internal static class ContactDisplay
{
    /// The localized name of an enum value; the code itself when no text exists yet.
    public static string Name<T>(Texts texts, string group, T value) where T : struct, Enum
    {
        var key = $"contacts.{group}.{EnumCodes.Code(value)}";
        return texts.Has(key) ? texts[key] : EnumCodes.Code(value);
    }

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    public static string Instant(DateTimeOffset instant) =>
        BrusselsTime.ToLocal(instant).ToString("d MMMM yyyy, HH:mm", CultureInfo.CurrentCulture);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Number(string digits) => digits.Length switch
    {
        11 => $"{digits[..2]}.{digits[2..4]}.{digits[4..6]}-{digits[6..9]}.{digits[9..]}",
        10 => $"{digits[..4]}.{digits[4..7]}.{digits[7..]}",
        _ => digits,
    };

    public static string Size(long bytes) =>
        bytes >= 1024 * 1024 ? (bytes / 1024d / 1024d).ToString("0.#", CultureInfo.CurrentCulture) + " MB"
        : Math.Max(1, (int)Math.Round(bytes / 1024d)).ToString(CultureInfo.CurrentCulture) + " kB";

    /// Unit names in the user's language, sorted, as choices.
    public static List<FormChoice> UnitChoices(IEnumerable<CatalogueDirectory.UnitEntry> units) =>
        [.. units.Select(u =>
        {
            var (text, used) = u.Name.Resolve(Languages.Current, "fr");
            return new FormChoice(u.Id.ToString(), text, used == Languages.Current ? null : used);
        }).OrderBy(c => c.Label, StringComparer.CurrentCulture)];
}
