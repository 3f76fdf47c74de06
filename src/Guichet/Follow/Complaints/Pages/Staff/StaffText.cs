using Guichet.Orient.Catalogue;

namespace Guichet.Follow.Complaints.Pages.Staff;

/// What the staff pages of complaints share: unit names, dates, and the tag of a deadline's state.
internal static class StaffText
{
    public static async Task<IReadOnlyDictionary<Guid, string>> UnitNamesAsync(CatalogueDirectory catalogue, IEnumerable<Guid> ids, CancellationToken ct) =>
        (await catalogue.UnitsAsync(ids.Distinct(), ct)).ToDictionary(u => u.Id, u => u.Name.Resolve(Languages.Current, "fr").Text);

    public static string Date(DateOnly d) => d.ToString("d MMM yyyy", System.Globalization.CultureInfo.CurrentCulture);

    /// The css modifier of a deadline's tag.
    public static string Tag(DeadlineState s) => s switch
    {
        DeadlineState.Breached or DeadlineState.Missed => "clock-tag--breached",
        DeadlineState.Warning => "clock-tag--warning",
        _ => "clock-tag--running",
    };

    public static string Key(DeadlineState s) => "complaints.deadline." + Guichet.Platform.Web.EnumCodes.Code(s);
}
