using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Guichet.Deliver.Decisions;

/// Writes wrapped lines down the pages of a letter, starting a new page when one is full (the
/// decision letter, and the notices posted to recipients without e-mail, one letter a page or more).
internal sealed class LetterPdfLines(PdfDocument document) : IDisposable
{
    private const double Margin = 56, LineGap = 1.35;
    private PdfPage? _page;
    private XGraphics? _graphics;
    private double _y;

    private XGraphics Graphics
    {
        get
        {
            if (_graphics is null)
            {
                _page = document.AddPage();
                _page.Size = PdfSharp.PageSize.A4;
                _graphics = XGraphics.FromPdfPage(_page);
                _y = Margin;
            }
            return _graphics;
        }
    }

    public void Space(double points) => _y += points;

    /// The next line starts on a new page (the next letter of a batch).
    public void NewPage()
    {
        _graphics?.Dispose();
        _graphics = null;
    }

    public void Write(string text, double size, bool bold)
    {
        var font = new XFont(LetterFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);
        foreach (var paragraph in text.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
            foreach (var line in Wrap(paragraph, font))
            {
                var g = Graphics;
                var height = size * LineGap;
                if (_y + height > _page!.Height.Point - Margin)
                {
                    _graphics!.Dispose();
                    _graphics = null;
                    g = Graphics;
                }
                g.DrawString(line, font, XBrushes.Black, new XPoint(Margin, _y + size));
                _y += height;
            }
        _y += size * 0.4;
    }

    private IEnumerable<string> Wrap(string paragraph, XFont font)
    {
        var width = (_page?.Width.Point ?? 595) - 2 * Margin;
        var line = new StringBuilder();
        foreach (var word in paragraph.Split(' '))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && Graphics.MeasureString(candidate, font).Width > width)
            {
                yield return line.ToString();
                line.Clear().Append(word);
            }
            else
            {
                line.Clear().Append(candidate);
            }
        }
        yield return line.ToString();
    }

    public void Dispose() => _graphics?.Dispose();
}
