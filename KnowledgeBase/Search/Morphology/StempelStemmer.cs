using System.Text;

namespace Asystent.KnowledgeBase.Search.Morphology;

/// <summary>
/// The Stempel (Egothor) algorithmic stemmer for Polish, read from the table Lucene ships
/// (<c>stemmer_20000.tbl</c>, trained on 20,000 words). A word is looked up from its end in a chain of
/// tries that hold "patch commands"; the commands, applied to the word from its end, give the stem.
/// Stems are not dictionary words ("samochodu" → "samochod"): they only need to agree between the
/// index and the questions. Read-only after loading, so one instance serves all threads.
/// </summary>
/// <remarks>
/// File format (Java DataOutputStream): the method name (a string; with an 'M' the table is a chain of
/// tries, each continuing where the previous command stopped), then for a chain: forward flag, a
/// reduction parameter, the number of tries, and each trie: forward flag, root row, the command
/// strings, and the rows; a row is a list of cells (char, command index, count, next row, skip).
/// </remarks>
public sealed class StempelStemmer
{
    public const string FileName = "stemmer_20000.tbl";

    /// <summary>Shorter words are left alone, as Lucene's StempelFilter does: their patches are noise.</summary>
    public const int MinimumLength = 3;

    private const char EndOfChain = '*';

    private readonly PatchTrie[] tries;
    private readonly bool chained;
    private readonly bool forward;

    private StempelStemmer(PatchTrie[] tries, bool chained, bool forward)
    {
        this.tries = tries;
        this.chained = chained;
        this.forward = forward;
    }

    public static StempelStemmer Load(string path)
    {
        using var stream = new BufferedStream(File.OpenRead(path), 1 << 16);
        return Load(stream);
    }

    public static StempelStemmer Load(Stream stream)
    {
        var reader = new JavaDataReader(stream);
        var method = reader.ReadUtf().ToUpperInvariant();
        if (!method.Contains('M', StringComparison.Ordinal))
        {
            return new StempelStemmer([PatchTrie.Read(reader)], chained: false, forward: false);
        }

        var forward = reader.ReadBoolean();
        _ = reader.ReadInt(); // the reduction used when the table was built; not needed to read it
        var count = reader.ReadInt();
        var tries = new PatchTrie[count];
        for (var i = 0; i < count; i++)
        {
            tries[i] = PatchTrie.Read(reader);
        }

        return new StempelStemmer(tries, chained: true, forward);
    }

    /// <summary>The stem of a lower-cased word, or null when the table has no patch for it.</summary>
    public string? Stem(string word)
    {
        if (word.Length < MinimumLength)
        {
            return null;
        }

        var patch = PatchFor(word);
        if (string.IsNullOrEmpty(patch))
        {
            return null;
        }

        var stem = ApplyPatch(word, patch);
        return stem.Length > 0 ? stem : null;
    }

    /// <summary>The patch command the tries hold for a word: the deepest command on its path in each trie of the chain.</summary>
    internal string? PatchFor(string word)
    {
        if (!chained)
        {
            return tries[0].TryLastOnPath(word, out var single) ? single : null;
        }

        // Each trie of the chain holds one piece of the patch; a piece that removes letters ('-' or 'D'
        // first) shortens the key the next trie sees. Any piece that cannot be followed ends the chain
        // and the pieces so far are the patch (the original stops at the first out-of-range access).
        var patch = new StringBuilder(tries.Length * 2);
        var key = word;
        var lastKey = word;
        string? previous = null;
        var lastCommand = ' ';
        foreach (var trie in tries)
        {
            if (!trie.TryLastOnPath(lastKey, out var piece) || piece is null || piece.Length == 0
                || (piece.Length == 1 && piece[0] == EndOfChain))
            {
                break;
            }

            if ((lastCommand is '-' or 'D') && lastCommand == piece[0])
            {
                break;
            }

            if (piece.Length < 2)
            {
                break;
            }

            lastCommand = piece[^2];
            if (piece[0] == '-')
            {
                if (previous is not null && !TrySkip(ref key, previous))
                {
                    break;
                }

                if (!TrySkip(ref key, piece))
                {
                    break;
                }
            }

            previous = piece;
            patch.Append(piece);
            if (key.Length != 0)
            {
                lastKey = key;
            }
        }

        return patch.ToString();
    }

    /// <summary>
    /// Applies a patch to a word from its last letter backwards. Each pair is a command and a letter
    /// parameter: '-' skips (a=1, b=2, ...), 'R' replaces the current letter, 'D' deletes letters, 'I'
    /// inserts one. A command that would leave the word stops the patch there.
    /// </summary>
    internal static string ApplyPatch(string word, string patch)
    {
        var text = new StringBuilder(word);
        var position = text.Length - 1;
        if (position < 0)
        {
            return word;
        }

        for (var i = 0; i + 1 < patch.Length; i += 2)
        {
            var command = patch[i];
            var parameter = patch[i + 1];
            var count = parameter - 'a' + 1;
            switch (command)
            {
                case '-':
                    position = position - count + 1;
                    break;
                case 'R':
                    if (position < 0 || position >= text.Length)
                    {
                        return text.ToString();
                    }

                    text[position] = parameter;
                    break;
                case 'D':
                    var end = position + 1;
                    position -= count - 1;
                    if (position < 0 || position > end || position > text.Length)
                    {
                        return text.ToString();
                    }

                    text.Remove(position, Math.Min(end, text.Length) - position);
                    break;
                case 'I':
                    position += 1;
                    if (position < 0 || position > text.Length)
                    {
                        return text.ToString();
                    }

                    text.Insert(position, parameter);
                    break;
            }

            position--;
        }

        return text.ToString();
    }

    // How many letters of the key a patch piece consumes: skips and deletions count their parameter,
    // a replacement one letter, an insertion none.
    private bool TrySkip(ref string key, string piece)
    {
        var length = 0;
        for (var i = 0; i < piece.Length; i += 2)
        {
            var command = piece[i];
            if (command is '-' or 'D')
            {
                if (i + 1 >= piece.Length)
                {
                    return false;
                }

                length += piece[i + 1] - 'a' + 1;
            }
            else if (command == 'R')
            {
                length++;
            }
        }

        if (length < 0 || length > key.Length)
        {
            return false;
        }

        key = forward ? key[length..] : key[..^length];
        return true;
    }
}

/// <summary>
/// One trie of a Stempel table, flattened: row r's cells are <c>cells[rowStart[r]..rowStart[r+1]]</c>,
/// sorted by letter (the order Java's TreeMap wrote them in).
/// </summary>
internal sealed class PatchTrie
{
    private readonly bool forward;
    private readonly int root;
    private readonly string[] commands;
    private readonly int[] rowStart;
    private readonly char[] cellLetter;
    private readonly int[] cellCommand;
    private readonly int[] cellNext;

    private PatchTrie(bool forward, int root, string[] commands, int[] rowStart, char[] cellLetter, int[] cellCommand, int[] cellNext)
    {
        this.forward = forward;
        this.root = root;
        this.commands = commands;
        this.rowStart = rowStart;
        this.cellLetter = cellLetter;
        this.cellCommand = cellCommand;
        this.cellNext = cellNext;
    }

    public static PatchTrie Read(JavaDataReader reader)
    {
        var forward = reader.ReadBoolean();
        var root = reader.ReadInt();
        var commands = new string[reader.ReadInt()];
        for (var i = 0; i < commands.Length; i++)
        {
            commands[i] = reader.ReadUtf();
        }

        var rowCount = reader.ReadInt();
        var rowStart = new int[rowCount + 1];
        var letters = new List<char>();
        var commandOf = new List<int>();
        var next = new List<int>();
        for (var row = 0; row < rowCount; row++)
        {
            rowStart[row] = letters.Count;
            for (var cells = reader.ReadInt(); cells > 0; cells--)
            {
                letters.Add(reader.ReadChar());
                commandOf.Add(reader.ReadInt());
                _ = reader.ReadInt(); // how many training words passed the cell
                next.Add(reader.ReadInt());
                _ = reader.ReadInt(); // skip, used only while building
            }
        }

        rowStart[rowCount] = letters.Count;
        return new PatchTrie(forward, root, commands, rowStart, [.. letters], [.. commandOf], [.. next]);
    }

    /// <summary>
    /// The last command met while walking the key (from its end for a backward trie); false where the
    /// original implementation fails (an empty key), which ends a chain.
    /// </summary>
    public bool TryLastOnPath(string key, out string? command)
    {
        command = null;
        if (key.Length == 0)
        {
            return false;
        }

        var row = root;
        for (var i = 0; i < key.Length; i++)
        {
            var letter = forward ? key[i] : key[key.Length - 1 - i];
            var cell = Find(row, letter);
            if (cell >= 0 && cellCommand[cell] >= 0)
            {
                command = commands[cellCommand[cell]];
            }

            if (i == key.Length - 1)
            {
                break;
            }

            if (cell < 0 || cellNext[cell] < 0)
            {
                return true;
            }

            row = cellNext[cell];
        }

        return true;
    }

    private int Find(int row, char letter)
    {
        if (row < 0 || row >= rowStart.Length - 1)
        {
            return -1;
        }

        var index = Array.BinarySearch(cellLetter, rowStart[row], rowStart[row + 1] - rowStart[row], letter);
        return index >= 0 ? index : -1;
    }
}
