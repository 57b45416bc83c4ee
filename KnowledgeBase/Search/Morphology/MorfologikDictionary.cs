using System.Text;

namespace Asystent.KnowledgeBase.Search.Morphology;

/// <summary>One reading of a word form: its lemma and the grammatical tag ("subst:sg:gen:m3").</summary>
public readonly record struct WordReading(string Lemma, string Tag);

/// <summary>
/// A Morfologik dictionary (<c>polish.dict</c> with its <c>polish.info</c>): a finite-state automaton
/// accepting byte sequences "form, separator, encoded lemma, separator, tag". Looking a form up walks
/// the automaton along the form's bytes and the separator, then lists every ending below that point.
/// The whole Polish dictionary (millions of form/tag pairs) is 2.8 MB in this form, so it is kept as
/// it is and never expanded in memory. Read-only after loading; safe to share between threads.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "Morfologik calls it a dictionary; it is not a collection type.")]
public sealed class MorfologikDictionary
{
    public const string DictionaryFileName = "polish.dict";
    public const string InfoFileName = "polish.info";

    private readonly CompactAutomaton automaton;
    private readonly byte separator;
    private readonly LemmaEncoder encoder;

    private MorfologikDictionary(CompactAutomaton automaton, byte separator, LemmaEncoder encoder)
    {
        this.automaton = automaton;
        this.separator = separator;
        this.encoder = encoder;
    }

    /// <summary>Loads <c>polish.dict</c> and <c>polish.info</c> from one folder.</summary>
    public static MorfologikDictionary Load(string folder) =>
        Load(Path.Combine(folder, DictionaryFileName), Path.Combine(folder, InfoFileName));

    public static MorfologikDictionary Load(string dictionaryPath, string infoPath)
    {
        var info = ReadProperties(infoPath);
        var encoding = info.GetValueOrDefault("fsa.dict.encoding", "UTF-8");
        if (!encoding.Equals("UTF-8", StringComparison.OrdinalIgnoreCase) && !encoding.Equals("UTF8", StringComparison.OrdinalIgnoreCase))
        {
            throw new NotSupportedException($"Morfologik dictionary '{dictionaryPath}' uses the encoding {encoding}; only UTF-8 is supported.");
        }

        var separatorText = info.GetValueOrDefault("fsa.dict.separator", "+");
        if (separatorText.Length != 1 || separatorText[0] > 0x7F)
        {
            throw new InvalidDataException($"fsa.dict.separator must be one ASCII character, not '{separatorText}'.");
        }

        var encoder = LemmaEncoder.Parse(info.GetValueOrDefault("fsa.dict.encoder", "SUFFIX"));
        return new MorfologikDictionary(CompactAutomaton.Read(File.ReadAllBytes(dictionaryPath)), (byte)separatorText[0], encoder);
    }

    /// <summary>The readings of a form exactly as written (case matters: proper nouns are capitalised); empty when unknown.</summary>
    public IReadOnlyList<WordReading> Lookup(string form)
    {
        var formBytes = Encoding.UTF8.GetBytes(form);
        var node = automaton.Root;
        foreach (var label in formBytes)
        {
            if (!automaton.TryFollow(node, label, out node))
            {
                return [];
            }
        }

        if (!automaton.TryFollow(node, separator, out node))
        {
            return [];
        }

        var readings = new List<WordReading>();
        var ending = new List<byte>();
        automaton.ForEachSequence(node, ending, sequence =>
        {
            var split = sequence.IndexOf(separator);
            var encoded = split < 0 ? sequence : sequence[..split];
            var tag = split < 0 ? "" : Encoding.UTF8.GetString(sequence[(split + 1)..]);
            readings.Add(new WordReading(Encoding.UTF8.GetString(encoder.Decode(formBytes, encoded)), tag));
        });
        return readings;
    }

    /// <summary>The distinct lemmas of a form; empty when the dictionary does not know it.</summary>
    public IReadOnlyList<string> Lemmas(string form)
    {
        var readings = Lookup(form);
        return readings.Count == 0 ? [] : readings.Select(r => r.Lemma).Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>
    /// Calls <paramref name="entry"/> with the UTF-8 bytes of every distinct (form, lemma) pair of the
    /// dictionary (millions of calls; the tags are not walked). The spans are reused: decode only what is kept.
    /// </summary>
    public void ForEachEntry(EntryAction entry)
    {
        var lemma = new byte[512];
        automaton.ForEachPrefix(automaton.Root, new List<byte>(128), separator, 2, bytes =>
        {
            var split = bytes.IndexOf(separator);
            if (split > 0)
            {
                var form = bytes[..split];
                entry(form, encoder.Decode(form, bytes[(split + 1)..], lemma));
            }
        });
    }

    public delegate void EntryAction(ReadOnlySpan<byte> form, ReadOnlySpan<byte> lemma);

    private static Dictionary<string, string> ReadProperties(string path)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in File.ReadLines(path, Encoding.UTF8))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or '!')
            {
                continue;
            }

            var split = line.IndexOfAny(['=', ':']);
            if (split > 0)
            {
                properties[line[..split].Trim()] = line[(split + 1)..].Trim();
            }
        }

        return properties;
    }
}
