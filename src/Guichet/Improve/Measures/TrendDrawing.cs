using System.Net;
using System.Text;

namespace Guichet.Improve.Measures;

/// A KPI's weekly trend drawn on the server as SVG: one bar a week (a week without observations is
/// a gap, written "no data"), the value above the bar, the week's Monday under it, a zero line and
/// the previous period's value as a dashed line when known. Each bar is focusable and names its week
/// and value, so the chart reads by keyboard too; its data table is the page's. Nothing depends on
/// colour.
internal static class TrendDrawing
{
    private const int Width = 720, Height = 260, Left = 48, Right = 44, Top = 24, Bottom = 48;

    public static string Svg(IReadOnlyList<WeekFigure> weeks, double? previous, string id, string title, string description,
        Func<double, string> number, Func<DateOnly, string> day, string noData, string previousLabel)
    {
        var values = weeks.Select(w => w.Figure.Value).Where(v => v is not null).Select(v => v!.Value).ToList();
        if (previous is { } p) values.Add(p);
        var max = values.Count == 0 ? 1 : Math.Max(values.Max(), 0);
        if (max <= 0) max = 1;
        max *= 1.15;
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        var slot = weeks.Count == 0 ? plotWidth : (double)plotWidth / weeks.Count;
        var bar = Math.Max(4, slot * 0.6);
        double Y(double v) => Top + plotHeight - v / max * plotHeight;
        string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

        var svg = new StringBuilder();
        svg.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"trend\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\">");
        svg.Append($"<title id=\"{id}-title\">{Encode(title)}</title><desc id=\"{id}-desc\">{Encode(description)}</desc>");
        svg.Append($"<line x1=\"{Left}\" y1=\"{F(Y(0))}\" x2=\"{Width - Right}\" y2=\"{F(Y(0))}\" stroke=\"#444\" stroke-width=\"1\"/>");
        svg.Append($"<text x=\"{Left - 6}\" y=\"{F(Y(0) + 4)}\" text-anchor=\"end\" font-size=\"12\">0</text>");
        var every = Math.Max(1, (int)Math.Ceiling(weeks.Count / 12.0));
        for (var i = 0; i < weeks.Count; i++)
        {
            var w = weeks[i];
            var x = Left + i * slot + (slot - bar) / 2;
            var label = day(w.Monday) + ": " + (w.Figure.Value is { } v ? number(v) : noData);
            svg.Append($"<g tabindex=\"0\" role=\"img\" aria-label=\"{Encode(label)}\"><title>{Encode(label)}</title>");
            if (w.Figure.Value is { } value)
            {
                var top = Y(Math.Max(value, 0));
                svg.Append($"<rect x=\"{F(x)}\" y=\"{F(top)}\" width=\"{F(bar)}\" height=\"{F(Math.Max(1, Y(0) - top))}\" fill=\"#1d4f91\"/>");
                svg.Append($"<text x=\"{F(x + bar / 2)}\" y=\"{F(top - 4)}\" text-anchor=\"middle\" font-size=\"11\">{Encode(number(value))}</text>");
            }
            else
            {
                svg.Append($"<text x=\"{F(x + bar / 2)}\" y=\"{F(Y(0) - 4)}\" text-anchor=\"middle\" font-size=\"11\">–</text>");
            }
            svg.Append("</g>");
            if (i % every == 0)
                svg.Append($"<text x=\"{F(x + bar / 2)}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\" font-size=\"11\">{Encode(day(w.Monday))}</text>");
        }
        if (previous is { } before)
        {
            svg.Append($"<line x1=\"{Left}\" y1=\"{F(Y(before))}\" x2=\"{Width - Right}\" y2=\"{F(Y(before))}\" stroke=\"#000\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>");
            svg.Append($"<text x=\"{Width - Right}\" y=\"{F(Y(before) - 4)}\" text-anchor=\"end\" font-size=\"11\">{Encode(previousLabel + " " + number(before))}</text>");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
