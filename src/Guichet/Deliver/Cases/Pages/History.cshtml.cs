using Guichet.Orient.Catalogue;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Deliver.Cases.Pages;

/// Everything that happened to a case, from the event log: who, when, what, with the details;
/// the views of personal data (the case page, work lists, downloads, letters) included.
internal sealed class HistoryModel(GuichetDb db, CatalogueDirectory catalogue, Texts texts) : PageModel
{
    public sealed record Entry(DateTimeOffset At, string Actor, string Activity, IReadOnlyList<(string Name, string Value)> Details);

    public Case Case { get; private set; } = null!;
    public IReadOnlyList<Entry> Entries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await CaseScope.Of(User).Apply(db.Set<Case>().AsNoTracking()).FirstOrDefaultAsync(c => c.Id == id, ct) is not { } found) return NotFound();
        Case = found;
        var entries = await JournalReader.HistoryAsync(db, "case", id, JournalReader.Everything, ct);
        var staff = await CaseDisplay.StaffNamesAsync(db, entries.Select(e => CaseDisplay.StaffIdOf(e.Actor)).OfType<Guid>(), ct);
        var attributes = entries.Select(e => Attributes(e.Attributes)).ToList();
        // Units and handlers named in the details are shown by name.
        var ids = attributes.SelectMany(a => a).Where(a => a.Key is "unit" or "handler").Select(a => Guid.TryParse(a.Value, out var g) ? g : Guid.Empty).ToList();
        var units = await CaseDisplay.UnitNamesAsync(catalogue, ids, found.Language, ct);
        var handlers = await CaseDisplay.StaffNamesAsync(db, ids, ct);
        Entries = [.. entries.Select((e, i) => new Entry(e.At, CaseDisplay.Actor(e.Actor, staff, texts), e.Activity,
            [.. attributes[i].Select(a => (Name(a.Key), Value(a.Key, a.Value, units, handlers)))]))];
        return Page();
    }

    public string Activity(string activity) => texts.Has("activity." + activity) ? texts["activity." + activity] : activity;

    private string Name(string key) => texts.Has("cases.detail." + key) ? texts["cases.detail." + key] : key;

    private string Value(string key, string value, IReadOnlyDictionary<Guid, (string Text, string? Lang)> units, IReadOnlyDictionary<Guid, string> handlers)
    {
        if (key == "unit" && Guid.TryParse(value, out var unit)) return units.TryGetValue(unit, out var name) ? name.Text : value;
        if (key == "handler" && Guid.TryParse(value, out var handler)) return handlers.GetValueOrDefault(handler, value);
        if (key == "language" && Languages.IsSupported(value)) return texts["language." + value];
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return CaseDisplay.Date(date);
        return value switch
        {
            "true" => texts["common.yes"],
            "false" => texts["common.no"],
            _ => value,
        };
    }

    /// The entry's attributes as name and text, in their stored order; nulls are left out.
    private static List<KeyValuePair<string, string>> Attributes(string json)
    {
        var list = new List<KeyValuePair<string, string>>();
        using var doc = JsonDocument.Parse(json);
        if (doc.RootElement.ValueKind != JsonValueKind.Object) return list;
        foreach (var p in doc.RootElement.EnumerateObject())
        {
            var text = p.Value.ValueKind switch
            {
                JsonValueKind.Null or JsonValueKind.Undefined => null,
                JsonValueKind.String => p.Value.GetString(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => p.Value.GetRawText(),
            };
            if (text is not null) list.Add(new(p.Name, text));
        }
        return list;
    }
}
