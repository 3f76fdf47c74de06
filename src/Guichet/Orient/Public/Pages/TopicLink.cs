using Guichet.Orient.Catalogue;
using Guichet.Orient.Search;

namespace Guichet.Orient.Public.Pages;

/// The three ways of browsing the catalogue by a code list.
internal enum TopicKind { LifeEvents, BusinessEvents, Themes }

/// A code of a list (a life event, a business event, a theme) with its label and how many
/// published services name it.
internal sealed record TopicLink(TopicKind Kind, string Code, Shown Label, int Count)
{
    public string Url => $"{Path(Kind)}/{Code}";

    public static string Path(TopicKind kind) => kind switch
    {
        TopicKind.LifeEvents => "/life-events",
        TopicKind.BusinessEvents => "/business-events",
        _ => "/themes",
    };

    public static IReadOnlyDictionary<string, LocalizedText> Codes(TopicKind kind, CodeLists codes) => kind switch
    {
        TopicKind.LifeEvents => codes.LifeEvents,
        TopicKind.BusinessEvents => codes.BusinessEvents,
        _ => codes.Themes,
    };

    /// How many of the services name each code of a list.
    public static IReadOnlyDictionary<string, int> CountCodes(IEnumerable<ServiceContent> contents, TopicKind kind) =>
        contents.SelectMany(c => CodesOf(kind, c).Distinct()).GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());

    public static IEnumerable<string> CodesOf(TopicKind kind, ServiceContent content) => kind switch
    {
        TopicKind.LifeEvents => content.LifeEvents,
        TopicKind.BusinessEvents => content.BusinessEvents,
        _ => content.Themes,
    };

    public static SearchQuery Filter(TopicKind kind, SearchQuery query, string code) => kind switch
    {
        TopicKind.LifeEvents => query with { LifeEvent = code },
        TopicKind.BusinessEvents => query with { BusinessEvent = code },
        _ => query with { Theme = code },
    };

    /// Code-list labels exist in the four languages; English is only the fallback of a gap.
    public static Shown LabelOf(LocalizedText label) => Shown.Of(label, "en");

    /// The codes of the list in their file order, which is meant for reading.
    public static IReadOnlyList<TopicLink> List(TopicKind kind, CodeLists codes, IReadOnlyDictionary<string, int> counts, bool withServicesOnly) =>
        [.. Codes(kind, codes)
            .Select(c => new TopicLink(kind, c.Key, LabelOf(c.Value), counts.GetValueOrDefault(c.Key)))
            .Where(t => !withServicesOnly || t.Count > 0)];

    public static string CountText(Texts texts, int count) =>
        count == 1 ? texts["public.count.one"] : texts["public.count.many", count];
}
