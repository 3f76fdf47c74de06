using System.Reflection;
using System.Text;
using Guichet.Platform.EventLog;
using Guichet.Platform.Localization;

namespace Guichet.Tests.Platform.Journal;

/// The journal's vocabulary: one catalogue per stage, one naming rule, every activity described
/// (docs/journal.md is generated from the catalogue) and named in the four languages.
public sealed class JournalCatalogueTests
{
    private static readonly string[] Roles = [.. typeof(Role).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!)];

    [Fact]
    public void Every_activity_code_follows_the_naming_rule_and_is_unique()
    {
        Assert.NotEmpty(ActivityCatalogue.All);
        var bad = ActivityCatalogue.All.Where(a => !ActivityCatalogue.CodeRule().IsMatch(a.Code)).Select(a => a.Code).ToList();
        Assert.True(bad.Count == 0, "Not stage.object.verb-in-past (kebab-case): " + string.Join(", ", bad));
        var twice = ActivityCatalogue.All.GroupBy(a => a.Code).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(twice.Count == 0, "Codes defined twice: " + string.Join(", ", twice));
    }

    [Fact]
    public void Each_stage_lists_its_own_activities_in_one_catalogue()
    {
        var catalogues = typeof(Activity).Assembly.GetTypes()
            .Where(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static).Any(f => f.FieldType == typeof(Activity)))
            .ToList();
        foreach (var type in catalogues)
        {
            var stage = type.Namespace!.Split('.')[1].ToLowerInvariant();
            Assert.Equal(type.Namespace == "Guichet.Platform.EventLog" ? "PlatformActivities" : char.ToUpperInvariant(stage[0]) + stage[1..] + "Activities", type.Name);
            foreach (var activity in type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static).Where(f => f.FieldType == typeof(Activity)).Select(f => (Activity)f.GetValue(null)!))
                Assert.True(activity.Stage == stage, $"{activity.Code} is listed in {type.Name}, not in its stage's catalogue.");
        }
        Assert.Equal(catalogues.Count, catalogues.Select(t => t.Namespace).Distinct().Count());
    }

    [Fact]
    public void Objects_are_named_by_type_and_role()
    {
        foreach (var activity in ActivityCatalogue.All)
        {
            Assert.False(string.IsNullOrWhiteSpace(activity.Meaning), activity.Code);
            foreach (var o in activity.Objects)
            {
                var parts = o.Split(':');
                Assert.True(parts.Length == 2 && parts[0].Length > 0, $"{activity.Code}: '{o}' is not type:qualifier.");
                Assert.True(Roles.Contains(parts[1]), $"{activity.Code}: '{parts[1]}' is not a role of Role.");
            }
        }
    }

    [Fact]
    public void Every_activity_has_a_label_in_the_four_languages()
    {
        var texts = new Texts();
        foreach (var language in Languages.Supported)
        {
            var missing = ActivityCatalogue.All.Where(a => !texts.Of(language).ContainsKey("activity." + a.Code)).Select(a => a.Code).ToList();
            Assert.True(missing.Count == 0, $"No '{language}' label for: " + string.Join(", ", missing));
        }
    }

    /// docs/journal.md is written from the catalogue; set GUICHET_WRITE_DOCS=1 to write it anew.
    [Fact]
    public void The_journal_page_in_docs_is_generated_from_the_catalogue()
    {
        var path = Path.Combine(Guichet.Tests.Support.Repository.Root, "docs", "journal.md");
        var expected = JournalPage();
        if (Environment.GetEnvironmentVariable("GUICHET_WRITE_DOCS") == "1") File.WriteAllText(path, expected);
        Assert.True(File.Exists(path) && File.ReadAllText(path) == expected, "docs/journal.md is not the catalogue's page: run the tests with GUICHET_WRITE_DOCS=1.");
    }

    private static string JournalPage()
    {
        var md = new StringBuilder();
        md.AppendLine("# The process journal: every activity");
        md.AppendLine();
        md.AppendLine("Generated from the activity catalogues (`src/Guichet/*/XActivities.cs`) by `JournalCatalogueTests`; do not edit by hand.");
        md.AppendLine("Codes follow `stage.object.verb-in-past` in kebab-case. Each event has its recorded time (`At`) and its business time");
        md.AppendLine("(`OccurredAt`: the received date of a letter or case, the notification date of a decision), a kind, an actor, objects");
        md.AppendLine("with their role (the OCEL 2.0 qualifier) and attributes (JSON). Customers appear as pseudonyms (`customer` objects: a keyed");
        md.AppendLine("hash of the national or enterprise number), never as numbers. Kinds: **process** (the customer process, read by Improve),");
        md.AppendLine("**access** (who read personal data), **administration** (set-up and accounts); each kind has its retention (ADR 0013).");
        foreach (var stage in ActivityCatalogue.All.GroupBy(a => a.Stage))
        {
            md.AppendLine();
            md.AppendLine("## " + char.ToUpperInvariant(stage.Key[0]) + stage.Key[1..]);
            md.AppendLine();
            md.AppendLine("| activity | kind | meaning | objects (type:role) | attributes |");
            md.AppendLine("|---|---|---|---|---|");
            foreach (var a in stage.OrderBy(a => a.Code, StringComparer.Ordinal))
                md.AppendLine($"| `{a.Code}` | {a.Kind.ToString().ToLowerInvariant()} | {a.Meaning} | {string.Join(", ", a.Objects.Select(o => "`" + o + "`"))} | {string.Join(", ", a.Attributes.Select(x => "`" + x + "`"))} |");
        }
        return md.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}
