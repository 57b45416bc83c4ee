namespace Asystent.KnowledgeBase.Search.Morphology;

/// <summary>
/// How a Morfologik dictionary stores a lemma relative to its form (<c>fsa.dict.encoder</c>). Counts are
/// bytes written as 'A' + n; 'A' + 255 means "drop the whole form".
/// <list type="bullet">
/// <item>SUFFIX: [cut from the end] + appended bytes ("domu" → "dom": "B");</item>
/// <item>PREFIX: [cut from the start][cut from the end] + appended ("najlepszy" → "dobry" style prefixes);</item>
/// <item>INFIX: [where a cut starts][its length][cut from the end] + appended;</item>
/// <item>NONE: the lemma is stored whole.</item>
/// </list>
/// </summary>
internal sealed class LemmaEncoder
{
    private const int DropEverything = 255;

    private enum Kind { None, Suffix, Prefix, Infix }

    private readonly Kind kind;

    private LemmaEncoder(Kind kind) => this.kind = kind;

    public static LemmaEncoder Parse(string name) => name.Trim().ToUpperInvariant() switch
    {
        "NONE" => new LemmaEncoder(Kind.None),
        "SUFFIX" => new LemmaEncoder(Kind.Suffix),
        "PREFIX" => new LemmaEncoder(Kind.Prefix),
        "INFIX" => new LemmaEncoder(Kind.Infix),
        _ => throw new NotSupportedException($"Unknown Morfologik lemma encoder '{name}'."),
    };

    public byte[] Decode(ReadOnlySpan<byte> form, ReadOnlySpan<byte> encoded) =>
        Decode(form, encoded, new byte[form.Length + encoded.Length]).ToArray();

    /// <summary>Decodes into <paramref name="buffer"/> (at least form + encoded bytes long) and returns the lemma's part of it.</summary>
    public ReadOnlySpan<byte> Decode(ReadOnlySpan<byte> form, ReadOnlySpan<byte> encoded, Span<byte> buffer)
    {
        if (buffer.Length < form.Length + encoded.Length)
        {
            buffer = new byte[form.Length + encoded.Length];
        }

        int keepFrom, keepTo, cutFrom = 0, cutLength = 0, header;
        switch (kind)
        {
            case Kind.Suffix:
            {
                header = 1;
                var suffix = Code(encoded, 0);
                keepFrom = 0;
                keepTo = suffix == DropEverything ? 0 : form.Length - suffix;
                break;
            }

            case Kind.Prefix:
            {
                header = 2;
                int prefix = Code(encoded, 0), suffix = Code(encoded, 1);
                if (prefix == DropEverything || suffix == DropEverything)
                {
                    (prefix, suffix) = (form.Length, 0);
                }

                keepFrom = prefix;
                keepTo = form.Length - suffix;
                break;
            }

            case Kind.Infix:
            {
                header = 3;
                int start = Code(encoded, 0), length = Code(encoded, 1), suffix = Code(encoded, 2);
                if (length == DropEverything || suffix == DropEverything)
                {
                    (start, length, suffix) = (0, form.Length, 0);
                }

                keepFrom = 0;
                keepTo = form.Length - suffix;
                cutFrom = start;
                cutLength = length;
                break;
            }

            default:
                header = 0;
                keepFrom = keepTo = 0;
                break;
        }

        if (keepFrom < 0 || keepTo < keepFrom || keepTo > form.Length || encoded.Length < header)
        {
            throw new InvalidDataException("A Morfologik entry's lemma code does not fit its form.");
        }

        var written = 0;
        for (var i = keepFrom; i < keepTo; i++)
        {
            if (i >= cutFrom && i < cutFrom + cutLength)
            {
                continue;
            }

            buffer[written++] = form[i];
        }

        encoded[header..].CopyTo(buffer[written..]);
        return buffer[..(written + encoded.Length - header)];
    }

    private static int Code(ReadOnlySpan<byte> encoded, int index) =>
        index < encoded.Length ? (encoded[index] - 'A') & 0xFF : throw new InvalidDataException("A Morfologik entry's lemma code is too short.");
}
