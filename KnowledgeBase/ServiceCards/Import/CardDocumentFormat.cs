using System.IO.Compression;

namespace Asystent.KnowledgeBase.ServiceCards.Import;

/// <summary>Tells a document's format by its content, not its name: offices' downloads are often misnamed.</summary>
internal static class CardDocumentFormat
{
    public enum Kind
    {
        Unknown,
        Docx,
        Pdf,
        LegacyWord,
    }

    public static Kind Detect(byte[] content)
    {
        var head = content.AsSpan(0, Math.Min(content.Length, 1024));
        // "%PDF-" may follow a few bytes of junk; readers accept it within the first kilobyte.
        if (head.IndexOf("%PDF-"u8) >= 0)
        {
            return Kind.Pdf;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]))
        {
            return Kind.LegacyWord;
        }

        return head.StartsWith("PK\u0003\u0004"u8) && HasWordPart(content) ? Kind.Docx : Kind.Unknown;
    }

    private static bool HasWordPart(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            return zip.Entries.Any(e => e.FullName.StartsWith("word/", StringComparison.OrdinalIgnoreCase));
        }
        catch (InvalidDataException)
        {
            // A damaged zip that still starts like one: let the DOCX reader say it is damaged.
            return true;
        }
    }
}
