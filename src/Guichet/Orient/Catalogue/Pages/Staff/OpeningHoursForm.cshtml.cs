using System.Text.RegularExpressions;
using Guichet.Platform.Web.Forms;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Orient.Catalogue.Pages.Staff;

/// The opening hours of a channel as a plain form: the regular weekly hours (period 0), seasonal
/// periods, closures and special openings, each as rows. "Add rows" sends the form back with more
/// blank rows and saves nothing; blank rows are dropped when saving.
internal sealed partial class OpeningHoursFormModel(GuichetDb db, CatalogueWork work, WorkingCalendar calendar, TimeProvider time, Texts texts) : RecordFormModel<Channel>(db, work, texts)
{
    public const int SlotRows = 14;
    public const int BlankListRows = 2;

    public Channel Channel => Record!;
    public OpeningHours Hours { get; private set; } = new();
    public int More { get; private set; }
    public bool Saved { get; private set; }
    public IReadOnlyList<OpeningHoursOutlook.Day> NextDays { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, bool saved, CancellationToken ct)
    {
        if (await LoadAsync(id.ToString(), null, ct) is { } refusal) return refusal;
        Hours = WithDefaultFirst(Channel.OpeningHours ?? new OpeningHours());
        Saved = saved;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id.ToString(), null, ct) is { } refusal) return refusal;
        Hours = Read(Request.Form);
        if (Request.Form["action"] == "more")
        {
            More = Math.Min(int.TryParse(Request.Form["more"], out var more) ? more + 1 : 1, 10);
            return Page();
        }
        var result = await Work.SetOpeningHoursAsync(User, Channel.Id, Hours, ct);
        return Outcome(result, c => $"/staff/catalogue/channels/{c.Id}/opening-hours?saved=true", Anchor);
    }

    protected override Task LoadedAsync(CancellationToken ct)
    {
        NextDays = Channel.OpeningHours is { } hours ? OpeningHoursOutlook.NextDays(hours, time.GetUtcNow(), calendar) : [];
        return Task.CompletedTask;
    }

    /// The form shows the regular weekly hours first, always; without any, they are simply empty.
    private static OpeningHours WithDefaultFirst(OpeningHours hours)
    {
        var periods = hours.Periods ?? [];
        var regular = periods.FirstOrDefault(p => p is not null && p.From is null && p.To is null) ?? new OpeningPeriod(null, null, null, []);
        return hours with { Periods = [regular, .. periods.Where(p => p is not null && !ReferenceEquals(p, regular))] };
    }

    private static OpeningHours Read(IFormCollection form)
    {
        var periods = new List<OpeningPeriod>();
        var periodRows = Math.Max(1, FormReader.RowCount(form, "periods"));
        for (var i = 0; i < periodRows; i++)
        {
            var path = $"periods[{i}]";
            var slots = new List<OpeningSlot>();
            for (var j = 0; j < FormReader.RowCount(form, $"{path}.hours"); j++)
            {
                var (day, opens, closes) = (FormReader.Value(form, $"{path}.hours[{j}].day"), FormReader.Value(form, $"{path}.hours[{j}].opens"), FormReader.Value(form, $"{path}.hours[{j}].closes"));
                if (day is not null || opens is not null || closes is not null) slots.Add(new OpeningSlot(day ?? "", opens ?? "", closes ?? ""));
            }
            var name = FormReader.OptionalText(form, $"{path}.name");
            if (i == 0)
            {
                periods.Add(new OpeningPeriod(name, null, null, slots));
                continue;
            }
            var (from, to) = (FormReader.Value(form, $"{path}.from"), FormReader.Value(form, $"{path}.to"));
            // A season without dates is not a second regular week: its missing dates are reported.
            if (name is not null || from is not null || to is not null || slots.Count > 0)
                periods.Add(new OpeningPeriod(name, from ?? "", to ?? "", slots));
        }

        var closures = new List<OpeningClosure>();
        for (var i = 0; i < FormReader.RowCount(form, "closures"); i++)
        {
            var (from, to, reason) = (FormReader.Value(form, $"closures[{i}].from"), FormReader.Value(form, $"closures[{i}].to"), FormReader.OptionalText(form, $"closures[{i}].reason"));
            if (from is not null || to is not null || reason is not null) closures.Add(new OpeningClosure(from ?? "", to ?? from ?? "", reason));
        }

        var specials = new List<SpecialOpening>();
        for (var i = 0; i < FormReader.RowCount(form, "specialOpenings"); i++)
        {
            var p = $"specialOpenings[{i}]";
            var (date, opens, closes, reason) = (FormReader.Value(form, $"{p}.date"), FormReader.Value(form, $"{p}.opens"), FormReader.Value(form, $"{p}.closes"), FormReader.OptionalText(form, $"{p}.reason"));
            if (date is not null || opens is not null || closes is not null || reason is not null) specials.Add(new SpecialOpening(date ?? "", opens ?? "", closes ?? "", reason));
        }

        return new OpeningHours
        {
            ClosedOnPublicHolidays = form["closedOnPublicHolidays"] == "true",
            Periods = periods,
            Closures = closures,
            SpecialOpenings = specials,
        };
    }

    [GeneratedRegex(@"^(periods\[\d+\]\.hours\[\d+\]|specialOpenings\[\d+\])$")]
    private static partial Regex TimeRow();

    [GeneratedRegex(@"^periods\[(\d+)\]$")]
    private static partial Regex Period();

    /// A problem with a whole row is shown on the row's first time or date field.
    private string Anchor(string name)
    {
        if (TimeRow().IsMatch(name)) return name + ".opens";
        if (Period().Match(name) is { Success: true } period)
            return period.Groups[1].Value == "0" ? $"periods[0].name.{Organisation.PrimaryLanguage}" : name + ".from";
        if (name.StartsWith("closures[", StringComparison.Ordinal) && name.EndsWith(']')) return name + ".to";
        return name;
    }

    // ---- for the view -----------------------------------------------------------------------

    public IReadOnlyList<OpeningPeriod> PeriodRows =>
        [.. Hours.Periods, .. Enumerable.Repeat(new OpeningPeriod(null, null, null, []), 1 + More)];

    public IReadOnlyList<OpeningSlot?> SlotRowsOf(OpeningPeriod period) =>
        [.. period.Hours ?? [], .. Enumerable.Repeat<OpeningSlot?>(null, Math.Max(SlotRows - (period.Hours?.Count ?? 0), 2) + 7 * More)];

    public IReadOnlyList<OpeningClosure?> ClosureRows =>
        [.. Hours.Closures, .. Enumerable.Repeat<OpeningClosure?>(null, BlankListRows + 2 * More)];

    public IReadOnlyList<SpecialOpening?> SpecialRows =>
        [.. Hours.SpecialOpenings, .. Enumerable.Repeat<SpecialOpening?>(null, BlankListRows + 2 * More)];

    public FormField Hidden(string name, string label, string? value, string type = "text") =>
        new(name, label, value, Errors[name]) { Type = type, LabelHidden = true, CssClass = "field--row" };

    public string Title => Texts["catalogue.hours.title", StaffPage.Name(Channel.Name, Organisation)];
}
