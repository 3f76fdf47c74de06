using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Guichet.Follow.Notices;

/// A notice is written in Markdown and sent as HTML and plain text (Markdig). Raw HTML in the text
/// is shown as text, not passed on, and links may only go to http(s) or mailto addresses: a notice
/// goes to thousands of mailboxes, so what it may carry is decided here, once.
internal static class NoticeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().UseAutoLinks().UseEmphasisExtras().Build();

    public static string Html(string markdown) => Markdown.ToHtml(markdown, Pipeline);

    public static string Text(string markdown) => Markdown.ToPlainText(markdown, Pipeline).Trim();

    /// Whether every link and image of the text goes to http(s) or mailto.
    public static bool LinksAreSafe(string markdown) =>
        Markdown.Parse(markdown, Pipeline).Descendants<LinkInline>().All(l => l.Url is null || IsSafe(l.Url))
        && Markdown.Parse(markdown, Pipeline).Descendants<AutolinkInline>().All(l => l.IsEmail || IsSafe(l.Url));

    private static bool IsSafe(string url) =>
        url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        || url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) || url.StartsWith('#');
}
