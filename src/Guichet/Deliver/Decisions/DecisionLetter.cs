using System.Text;
using System.Text.Encodings.Web;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Guichet.Deliver.Decisions;

/// The decision letter, in the language of procedure, as HTML (to read on screen or print) and
/// as PDF (to send or post). Both carry the motivation and the appeal information in full.
internal sealed record DecisionLetter(string Language, string Sender, string? SenderAddress, string CaseNumber, string Subject,
    string Addressee, string? AddresseeAddress, Decision Decision)
{
    private IEnumerable<(string Kind, string Text)> Blocks(Texts texts)
    {
        string T(string key, params object[] args) => string.Format(Culture, texts.Get(Language, key), args);
        string Date(DateOnly d) => d.ToString("d MMMM yyyy", Culture);
        var d = Decision;
        yield return ("sender", Sender);
        if (SenderAddress is not null) yield return ("small", SenderAddress);
        yield return ("small", T("deliver.letter.date", Date(d.SentOn)));
        yield return ("small", T("deliver.letter.case", CaseNumber));
        yield return ("address", Addressee);
        if (AddresseeAddress is not null) yield return ("small", AddresseeAddress);
        yield return ("title", T("deliver.letter.title"));
        yield return ("text", T("deliver.letter.subject", Subject));
        yield return ("heading", T("deliver.letter.outcome"));
        yield return ("strong", T("deliver.letter.outcome." + JsonName(d.Outcome.ToString())));
        yield return ("heading", T("deliver.letter.factual"));
        yield return ("text", d.FactualGrounds);
        yield return ("heading", T("deliver.letter.legal"));
        yield return ("text", d.LegalGrounds);
        yield return ("heading", T("deliver.letter.appeal"));
        yield return ("text", T("deliver.letter.appeal.body", d.Appeal.Body));
        yield return ("text", T("deliver.letter.appeal.form", d.Appeal.Form));
        yield return ("text", T("deliver.letter.appeal.address", d.Appeal.Address));
        yield return ("strong", T("deliver.letter.appeal.deadline", d.Appeal.DeadlineDays, Date(d.AppealDeadline)));
        yield return ("small", T("deliver.letter.notified", Date(d.NotifiedOn), T("deliver.letter.channel." + (d.Channel == NotificationChannel.Email ? "email" : "post"))));
    }

    private static HtmlEncoder Encoder => PrintableHtml.Encoder;

    private CultureInfo Culture => CultureInfo.GetCultureInfo(Languages.CultureName(Language));

    private static string JsonName(string pascal) => char.ToLowerInvariant(pascal[0]) + pascal[1..];

    public string Html(Texts texts)
    {
        var sb = new StringBuilder();
        foreach (var (kind, text) in Blocks(texts))
        {
            var encoded = Encoder.Encode(text);
            sb.Append(kind switch
            {
                "title" => $"<h1>{encoded}</h1>",
                "heading" => $"<h2>{encoded}</h2>",
                "strong" => $"<p><strong>{encoded}</strong></p>",
                "sender" => $"<p class=\"small\"><strong>{encoded}</strong></p>",
                "address" => $"<p class=\"small\" style=\"margin-top:1.5rem\">{encoded}</p>",
                "small" => $"<p class=\"small\">{encoded}</p>",
                _ => $"<p>{encoded}</p>",
            });
        }
        return PrintableHtml.Page(Language, string.Format(Culture, texts.Get(Language, "deliver.letter.case"), CaseNumber), sb.ToString());
    }

    public byte[] Pdf(Texts texts)
    {
        LetterFonts.EnsureRegistered();
        using var document = new PdfDocument();
        document.Info.Title = string.Format(Culture, texts.Get(Language, "deliver.letter.case"), CaseNumber);
        document.Info.CreationDate = Decision.IssuedAt.UtcDateTime;
        document.Language = Language;
        var writer = new LetterPdfLines(document);
        foreach (var (kind, text) in Blocks(texts))
        {
            switch (kind)
            {
                case "title": writer.Space(14); writer.Write(text, 18, bold: true); writer.Space(6); break;
                case "heading": writer.Space(10); writer.Write(text, 12, bold: true); break;
                case "strong": writer.Write(text, 11, bold: true); break;
                case "sender": writer.Write(text, 11, bold: true); break;
                case "address": writer.Space(16); writer.Write(text, 10, bold: false); break;
                case "small": writer.Write(text, 9.5, bold: false); break;
                default: writer.Write(text, 11, bold: false); break;
            }
        }
        writer.Dispose();
        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }
}

/// The letter's font, embedded in the application (DejaVu Sans, see Fonts/LICENSE-DejaVu.txt) so
/// that letters look the same on every server and need no system fonts.
internal sealed class LetterFonts : IFontResolver
{
    public const string Family = "Guichet Letter";
    private static readonly Lock Gate = new();

    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is LetterFonts) return;
            GlobalFontSettings.FontResolver = new LetterFonts();
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "DejaVuSans-Bold" : "DejaVuSans");

    public byte[]? GetFont(string faceName)
    {
        var assembly = typeof(LetterFonts).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("Fonts." + faceName + ".ttf", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
