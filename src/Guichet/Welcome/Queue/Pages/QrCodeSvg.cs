using System.Text;
using System.Text.Encodings.Web;
using QRCoder;

namespace Guichet.Welcome.Queue.Pages;

/// A QR code as inline SVG, drawn on the server (QRCoder computes the modules): no image request,
/// no script, prints sharply. One path of unit squares, with the 4-module quiet zone around it.
internal static class QrCodeSvg
{
    public static string Render(string text, string label, int sizeInPixels = 200)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var size = matrix.Count;
        var path = new StringBuilder();
        for (var y = 0; y < size; y++)
            for (var x = 0; x < size; x++)
                if (matrix[y][x])
                    path.Append(CultureInfo.InvariantCulture, $"M{x} {y}h1v1h-1z");
        var title = HtmlEncoder.Default.Encode(label);
        return $"""<svg xmlns="http://www.w3.org/2000/svg" class="qr-code" role="img" aria-label="{title}" width="{sizeInPixels}" height="{sizeInPixels}" viewBox="0 0 {size} {size}" shape-rendering="crispEdges"><title>{title}</title><rect width="{size}" height="{size}" fill="#fff"/><path fill="#000" d="{path}"/></svg>""";
    }
}
