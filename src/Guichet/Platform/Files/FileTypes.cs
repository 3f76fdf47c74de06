using System.IO.Compression;
using System.Text;

namespace Guichet.Platform.Files;

/// The kinds of file people may send (a scan, a photo, a PDF, an office document), recognised by
/// their content, never by the name or the type the sender claims: a script renamed .pdf is
/// refused.
internal static class FileTypes
{
    public sealed record Kind(string MediaType, string Extension);

    public static readonly Kind Pdf = new("application/pdf", ".pdf");
    public static readonly Kind Png = new("image/png", ".png");
    public static readonly Kind Jpeg = new("image/jpeg", ".jpg");
    public static readonly Kind Tiff = new("image/tiff", ".tif");
    public static readonly Kind Docx = new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx");
    public static readonly Kind Odt = new("application/vnd.oasis.opendocument.text", ".odt");

    public static readonly IReadOnlyList<Kind> Accepted = [Pdf, Png, Jpeg, Tiff, Docx, Odt];

    /// What the content is, or null when it is none of the accepted kinds.
    public static Kind? Sniff(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("%PDF-"u8)) return Pdf;
        if (content.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })) return Png;
        if (content.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF })) return Jpeg;
        if (content.StartsWith("II*\0"u8) || content.StartsWith("MM\0*"u8)) return Tiff;
        if (content.StartsWith("PK\u0003\u0004"u8)) return OfficeDocument(content.ToArray());
        return null;
    }

    // A .docx holds word/document.xml; an .odt starts with a "mimetype" entry that says so.
    private static Kind? OfficeDocument(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
            if (zip.GetEntry("word/document.xml") is not null) return Docx;
            if (zip.GetEntry("mimetype") is { Length: < 200 } entry)
            {
                using var reader = new StreamReader(entry.Open(), Encoding.ASCII);
                if (reader.ReadToEnd().Trim() == Odt.MediaType) return Odt;
            }
            return null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// A file name safe to store and to send back in Content-Disposition: no path, no control
    /// characters, at most 200 characters, with the extension of what the content really is.
    public static string SafeName(string? name, Kind kind)
    {
        var baseName = Path.GetFileNameWithoutExtension(Path.GetFileName((name ?? "").Replace('\\', '/'))) ?? "";
        var clean = new string([.. baseName.Where(c => !char.IsControl(c) && c is not ('"' or '/' or '\\' or ':' or '*' or '?' or '<' or '>' or '|'))]).Trim();
        if (clean.Length == 0) clean = "document";
        if (clean.Length > 200) clean = clean[..200];
        return clean + kind.Extension;
    }
}
