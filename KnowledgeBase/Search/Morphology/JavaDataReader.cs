using System.Buffers.Binary;
using System.Text;

namespace Asystent.KnowledgeBase.Search.Morphology;

/// <summary>
/// Reads what Java's DataOutputStream wrote: big-endian integers, UTF-16 chars and "modified UTF-8"
/// strings (a 2-byte length, then UTF-8 in which U+0000 takes two bytes and characters beyond the
/// BMP are written as two 3-byte surrogates, which .NET's UTF-8 decoder would reject).
/// </summary>
internal sealed class JavaDataReader(Stream stream)
{
    private readonly byte[] scratch = new byte[ushort.MaxValue];

    public bool ReadBoolean() => Read(1)[0] != 0;

    public int ReadInt() => BinaryPrimitives.ReadInt32BigEndian(Read(4));

    public char ReadChar() => (char)BinaryPrimitives.ReadUInt16BigEndian(Read(2));

    public string ReadUtf() => DecodeModifiedUtf8(Read(BinaryPrimitives.ReadUInt16BigEndian(Read(2))));

    private ReadOnlySpan<byte> Read(int count)
    {
        stream.ReadExactly(scratch, 0, count);
        return scratch.AsSpan(0, count);
    }

    internal static string DecodeModifiedUtf8(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder(bytes.Length);
        for (var i = 0; i < bytes.Length;)
        {
            int b = bytes[i];
            if (b < 0x80)
            {
                text.Append((char)b);
                i += 1;
            }
            else if ((b & 0xE0) == 0xC0 && i + 1 < bytes.Length)
            {
                text.Append((char)(((b & 0x1F) << 6) | (bytes[i + 1] & 0x3F)));
                i += 2;
            }
            else if ((b & 0xF0) == 0xE0 && i + 2 < bytes.Length)
            {
                text.Append((char)(((b & 0x0F) << 12) | ((bytes[i + 1] & 0x3F) << 6) | (bytes[i + 2] & 0x3F)));
                i += 3;
            }
            else
            {
                throw new InvalidDataException($"Malformed modified UTF-8 at byte {i}.");
            }
        }

        return text.ToString();
    }
}
