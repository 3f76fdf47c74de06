using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Guichet.Platform.Web;

/// A letter-like page to read on screen, print and post (decisions, requests, referrals): one
/// shell with its own print styles, text encoded so that markup in it is shown, never run.
internal static class PrintableHtml
{
    /// Escapes markup and keeps the letters of every language as they are.
    public static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Page(string language, string title, string bodyHtml) =>
        $"<!DOCTYPE html><html lang=\"{language}\"><head><meta charset=\"utf-8\"><title>{Encoder.Encode(title)}</title>"
        + "<style>body{font-family:sans-serif;max-width:42rem;margin:2rem auto;line-height:1.5}p{white-space:pre-line}.small{font-size:.9rem;margin:0}</style>"
        + $"</head><body><main>{bodyHtml}</main></body></html>";
}
