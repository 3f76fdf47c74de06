using System.Net;
using System.Text;

namespace Guichet.Improve.Mining;

/// The directly-follows graph drawn on the server as SVG: a simple layered layout (an activity's
/// layer is its distance from the start along the most frequent edges, top to bottom), boxes with
/// the activity and its count, arrows labelled with their count, the stroke width growing with the
/// frequency. Nothing depends on colour: start and end are shapes with words, back edges dashed.
/// Its data table is the page's; the SVG has a title and a description for screen readers.
internal static class ProcessMapDrawing
{
    private const int BoxWidth = 190, BoxHeight = 44, ColumnGap = 40, RowGap = 70, Margin = 30;

    public static string Svg(ProcessMap map, Func<string, string> label, string title, string description, string startWord, string endWord)
    {
        var activities = map.Nodes.Select(n => n.Activity).ToList();
        // Layers by breadth-first search from the start, following edges by frequency.
        var layer = new Dictionary<string, int>(StringComparer.Ordinal);
        var queue = new Queue<string>();
        foreach (var e in map.Edges.Where(e => e.From is null && e.To is not null).OrderByDescending(e => e.Frequency))
            if (layer.TryAdd(e.To!, 1)) queue.Enqueue(e.To!);
        while (queue.Count > 0)
        {
            var a = queue.Dequeue();
            foreach (var e in map.Edges.Where(e => e.From == a && e.To is not null).OrderByDescending(e => e.Frequency))
                if (layer.TryAdd(e.To!, layer[a] + 1)) queue.Enqueue(e.To!);
        }
        var deepest = layer.Count == 0 ? 0 : layer.Values.Max();
        foreach (var a in activities) layer.TryAdd(a, ++deepest); // reached by no edge shown
        var endLayer = (layer.Count == 0 ? 0 : layer.Values.Max()) + 1;

        var rows = layer.GroupBy(kv => kv.Value).ToDictionary(g => g.Key, g => g.Select(kv => kv.Key).OrderBy(a => activities.IndexOf(a)).ToList());
        var widest = Math.Max(1, rows.Count == 0 ? 1 : rows.Values.Max(r => r.Count));
        // Room on the right for the loops and the backward edges that curve out of the rightmost boxes.
        var width = Margin * 2 + widest * BoxWidth + (widest - 1) * ColumnGap + 110;
        var height = Margin * 2 + (endLayer + 1) * (BoxHeight + RowGap) - RowGap;
        var position = new Dictionary<string, (double X, double Y)>(StringComparer.Ordinal);
        foreach (var (row, names) in rows)
        {
            var rowWidth = names.Count * BoxWidth + (names.Count - 1) * ColumnGap;
            var x0 = (width - 110 - rowWidth) / 2.0;
            for (var i = 0; i < names.Count; i++)
                position[names[i]] = (x0 + i * (BoxWidth + ColumnGap), Margin + row * (BoxHeight + RowGap));
        }
        var start = (X: (width - 110) / 2.0 - BoxWidth / 4.0, Y: (double)Margin);
        var end = (X: (width - 110) / 2.0 - BoxWidth / 4.0, Y: Margin + endLayer * (BoxHeight + RowGap));
        var max = Math.Max(1, map.Edges.Count == 0 ? 1 : map.Edges.Max(e => e.Frequency));

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" class="process-map" role="img" aria-labelledby="dfg-title dfg-desc" viewBox="0 0 {width} {height}" width="{width}" height="{height}">""");
        svg.Append(CultureInfo.InvariantCulture, $"""<title id="dfg-title">{E(title)}</title><desc id="dfg-desc">{E(description)}</desc>""");
        svg.Append("""<defs><marker id="dfg-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerUnits="userSpaceOnUse" markerWidth="11" markerHeight="11" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#1a1a1a"/></marker></defs>""");

        (double X, double Y) Box(string? a, bool isStart) => a is null ? (isStart ? start : end) : position[a];
        double Wide(string? a) => a is null ? BoxWidth / 2.0 : BoxWidth;
        var k = 0;
        foreach (var e in map.Edges)
        {
            var (fx, fy) = Box(e.From, true);
            var (tx, ty) = Box(e.To, false);
            var (x1, y1) = (fx + Wide(e.From) / 2, fy + BoxHeight);
            var (x2, y2) = (tx + Wide(e.To) / 2, ty);
            var back = ty <= fy;
            var stroke = 1 + 5.0 * e.Frequency / max;
            string path;
            double lx, ly;
            if (e.From is not null && e.From == e.To)
            {
                // A loop on the box's right side.
                var (rx, ry) = (fx + BoxWidth, fy + BoxHeight / 2.0);
                path = F($"M {rx} {ry - 10} C {rx + 45} {ry - 30}, {rx + 45} {ry + 30}, {rx} {ry + 10}");
                (lx, ly) = (rx + 38, ry);
            }
            else if (back)
            {
                // Upwards: from the box's side, curving out, dashed.
                (x1, y1) = (fx + Wide(e.From), fy + BoxHeight / 2.0);
                (x2, y2) = (tx + Wide(e.To), ty + BoxHeight / 2.0);
                var bulge = Math.Max(x1, x2) + 60 + 15 * (k++ % 3);
                path = F($"M {x1} {y1} C {bulge} {y1}, {bulge} {y2}, {x2} {y2}");
                (lx, ly) = (bulge - 12, (y1 + y2) / 2);
            }
            else
            {
                var mid = (y1 + y2) / 2;
                path = F($"M {x1} {y1} C {x1} {mid}, {x2} {mid}, {x2} {y2}");
                (lx, ly) = ((x1 + x2) / 2, mid);
            }
            var name = $"{(e.From is null ? startWord : label(e.From))} → {(e.To is null ? endWord : label(e.To))}: {e.Frequency}";
            svg.Append(F($"""<g class="process-map__edge"><title>{E(name)}</title><path d="{path}" fill="none" stroke="#1a1a1a" stroke-width="{stroke:0.#}" {(back ? "stroke-dasharray=\"6 4\" " : "")}marker-end="url(#dfg-arrow)"/>"""));
            svg.Append(F($"""<text x="{lx}" y="{ly}" text-anchor="middle" dominant-baseline="middle" paint-order="stroke" stroke="#fff" stroke-width="4" font-size="13" font-weight="bold" fill="#1a1a1a">{e.Frequency}</text></g>"""));
        }
        foreach (var n in map.Nodes)
        {
            var (x, y) = position[n.Activity];
            var text = label(n.Activity);
            svg.Append(F($"""<g class="process-map__node"><rect x="{x}" y="{y}" width="{BoxWidth}" height="{BoxHeight}" rx="4" fill="#fff" stroke="#1a1a1a" stroke-width="2"/>"""));
            svg.Append(F($"""<text x="{x + BoxWidth / 2.0}" y="{y + 18}" text-anchor="middle" font-size="13" fill="#1a1a1a">{E(Shorten(text, 26))}</text>"""));
            svg.Append(F($"""<text x="{x + BoxWidth / 2.0}" y="{y + 35}" text-anchor="middle" font-size="12" fill="#1a1a1a">{n.Frequency}</text><title>{E(text)}: {n.Frequency}</title></g>"""));
        }
        foreach (var (x, y, word, round) in new[] { (start.X, start.Y, startWord, true), (end.X, end.Y, endWord, false) })
            svg.Append(F($"""<g class="process-map__terminal"><rect x="{x}" y="{y}" width="{BoxWidth / 2.0}" height="{BoxHeight}" rx="{(round ? 22 : 0)}" fill="#fff" stroke="#1a1a1a" stroke-width="3"/><text x="{x + BoxWidth / 4.0}" y="{y + 27}" text-anchor="middle" font-size="13" font-weight="bold" fill="#1a1a1a">{E(word)}</text></g>"""));
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
