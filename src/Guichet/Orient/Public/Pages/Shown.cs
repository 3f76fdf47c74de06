using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Guichet.Orient.Public.Pages;

/// A catalogue text as a reader sees it: in their language if it exists, else in the
/// organisation's primary language (then any). A text shown in another language is marked with
/// its own lang attribute, so that screen readers pronounce it right, and said so visibly.
internal sealed record Shown(string Text, string Language)
{
    public bool IsForeign => Language != Languages.Current;

    /// The lang attribute the element needs: null when the text is in the page's language.
    public string? Lang => IsForeign ? Language : null;

    public static Shown Of(LocalizedText text, string primaryLanguage)
    {
        var (value, used) = text.Resolve(Languages.Current, primaryLanguage);
        return new Shown(value, used);
    }

    public static Shown? OfOptional(LocalizedText? text, string primaryLanguage) =>
        text is null || text.IsEmpty ? null : Of(text, primaryLanguage);

    /// Inline: the text in a span with its language, followed by "(French)" in the reader's language.
    public IHtmlContent Inline(Texts texts)
    {
        var encoded = HtmlEncoder.Default.Encode(Text);
        return IsForeign
            ? new HtmlString($"<span lang=\"{Language}\">{encoded}</span> <span class=\"language-tag\">({HtmlEncoder.Default.Encode(texts["language." + Language])})</span>")
            : new HtmlString(encoded);
    }

    /// A sentence of the page's language around the text ("Service of another body: {0}"),
    /// the text made a link when <paramref name="href"/> is given.
    public IHtmlContent Around(Texts texts, string key, string? href = null)
    {
        var encoded = HtmlEncoder.Default.Encode(Text);
        var inner = IsForeign ? $"<span lang=\"{Language}\">{encoded}</span>" : encoded;
        if (href is not null) inner = $"<a href=\"{HtmlEncoder.Default.Encode(href)}\">{inner}</a>";
        return new HtmlString(string.Format(CultureInfo.CurrentCulture, HtmlEncoder.Default.Encode(texts[key]), inner));
    }

    /// The text's paragraphs (editors separate them with blank lines).
    public IReadOnlyList<string> Paragraphs =>
        [.. Text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    /// The first sentence, or the first words, for a result card.
    public Shown Summary(int max = 220)
    {
        var text = Text.Trim();
        var end = text.IndexOf(". ", StringComparison.Ordinal);
        if (end > 0 && end < max) return this with { Text = text[..(end + 1)] };
        if (text.Length <= max) return this with { Text = text };
        var cut = text.LastIndexOf(' ', max);
        return this with { Text = text[..(cut > 0 ? cut : max)].TrimEnd(',', ';', ':') + " …" };
    }
}
