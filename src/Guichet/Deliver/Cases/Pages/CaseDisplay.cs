using Guichet.Orient.Catalogue;

namespace Guichet.Deliver.Cases.Pages;

/// How the staff pages write dates, sizes and texts: dates in the user's culture, instants in
/// Brussels time, a case type's text in the user's language or else in the one it exists in.
internal static class CaseDisplay
{
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    public static string Instant(DateTimeOffset instant, bool seconds = false) =>
        BrusselsTime.ToLocal(instant).ToString(seconds ? "d MMMM yyyy, HH:mm:ss" : "d MMMM yyyy, HH:mm", CultureInfo.CurrentCulture);

    /// The value of a date input (yyyy-MM-dd).
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// Reads a date input: blank is null, anything else must be a date.
    public static bool TryDate(string? text, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return false;
        date = d;
        return true;
    }

    /// A text in the user's language, else in <paramref name="fallback"/>; Lang is set when the
    /// text is shown in another language than the page's, so that it can be marked as such.
    public static (string Text, string? Lang) Text(LocalizedText text, string fallback)
    {
        var (value, used) = text.Resolve(Languages.Current, fallback);
        return (value, used == Languages.Current ? null : used);
    }

    /// A national number as people write it (85.07.30-033.28), an enterprise number likewise (0203.201.340).
    public static string PartyNumber(string number) => number.Length switch
    {
        11 => $"{number[..2]}.{number[2..4]}.{number[4..6]}-{number[6..9]}.{number[9..]}",
        10 => $"{number[..4]}.{number[4..7]}.{number[7..]}",
        _ => number,
    };

    /// An enum value as the API writes it (PartiallyGranted: "partiallyGranted"), for text keys and form values.
    public static string Code(Enum value) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    /// "français" as a value on its own reads "Français".
    public static string Capitalized(string text) =>
        text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.CurrentCulture) + text[1..];

    public static string Size(long bytes) =>
        bytes >= 1024 * 1024 ? (bytes / 1024d / 1024d).ToString("0.#", CultureInfo.CurrentCulture) + " MB"
        : Math.Max(1, (int)Math.Round(bytes / 1024d)).ToString(CultureInfo.CurrentCulture) + " kB";

    /// The names of units, each in the user's language or else in <paramref name="fallback"/>.
    public static async Task<Dictionary<Guid, (string Text, string? Lang)>> UnitNamesAsync(CatalogueDirectory catalogue, IEnumerable<Guid> ids, string fallback, CancellationToken ct) =>
        (await catalogue.UnitsAsync(ids, ct)).ToDictionary(u => u.Id, u => Text(u.Name, fallback));

    /// Staff display names by id.
    public static async Task<Dictionary<Guid, string>> StaffNamesAsync(GuichetDb db, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        return wanted.Count == 0 ? [] : await db.Set<StaffUser>().AsNoTracking().Where(u => wanted.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }

    /// The staff id in an event-log actor ("staff:{id}"), if it is one.
    public static Guid? StaffIdOf(string actor) =>
        actor.StartsWith("staff:", StringComparison.Ordinal) && Guid.TryParse(actor.AsSpan(6), out var id) ? id : null;

    /// Who did something, in words: a staff member's name, "the customer", "the system".
    public static string Actor(string actor, IReadOnlyDictionary<Guid, string> staff, Texts texts) =>
        StaffIdOf(actor) is { } id ? staff.GetValueOrDefault(id, texts["cases.actor.former-staff"])
        : actor == "customer" ? texts["cases.actor.customer"]
        : actor.StartsWith("system", StringComparison.Ordinal) ? texts["cases.actor.system"]
        : actor == "anonymous" ? texts["cases.actor.anonymous"]
        : actor;
}
