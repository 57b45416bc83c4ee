namespace Asystent.KnowledgeBase.Search.Morphology;

/// <summary>
/// A Morfologik automaton in its compact "CFSA2" layout (the one <c>polish.dict</c> uses), read
/// straight from the file's bytes. Header: "\fsa", version 0xC6, a big-endian short of flags, the size
/// of a label table and the table (the 31 most frequent labels, so that most arcs fit one byte).
/// Then the arcs of every node, one after another. An arc's first byte holds flags and a label index:
/// <list type="bullet">
/// <item>0x80: the target node is the one stored right after this node's last arc (no address);</item>
/// <item>0x40: the last arc of its node; 0x20: a sequence may end with this arc;</item>
/// <item>0x1F: the label's index in the table, or 0 when the label follows as the next byte.</item>
/// </list>
/// Without 0x80 the target's offset follows as a variable-length integer (7 bits a byte, least
/// significant first). Target 0 is the terminal node. The older "FSA5" layout is recognised and refused.
/// </summary>
internal sealed class CompactAutomaton
{
    private const byte Version = 0xC6;
    private const byte LegacyVersion = 5;
    private const int TargetNext = 0x80;
    private const int LastArc = 0x40;
    private const int FinalArc = 0x20;
    private const int LabelIndexMask = 0x1F;
    private const int NumbersFlag = 1 << 8;

    private readonly byte[] arcs;
    private readonly byte[] labels;
    private readonly bool numbers;

    private CompactAutomaton(byte[] arcs, byte[] labels, bool numbers)
    {
        this.arcs = arcs;
        this.labels = labels;
        this.numbers = numbers;
        // Node 0 holds a single arc pointing at the real root.
        Root = Destination(FirstArc(0), NodeEnd(0));
    }

    public int Root { get; }

    public static CompactAutomaton Read(byte[] file)
    {
        if (file.Length < 8 || file[0] != '\\' || file[1] != 'f' || file[2] != 's' || file[3] != 'a')
        {
            throw new InvalidDataException("Not a Morfologik automaton (the file does not start with \\fsa).");
        }

        if (file[4] == LegacyVersion)
        {
            throw new NotSupportedException("This Morfologik dictionary uses the FSA5 layout; only CFSA2 (version 0xC6, as in polish.dict) is supported.");
        }

        if (file[4] != Version)
        {
            throw new InvalidDataException($"Unknown Morfologik automaton version 0x{file[4]:X2}.");
        }

        var flags = (file[5] << 8) | file[6];
        var labelCount = file[7];
        var labels = file.AsSpan(8, labelCount).ToArray();
        var arcs = file.AsSpan(8 + labelCount).ToArray();
        return new CompactAutomaton(arcs, labels, (flags & NumbersFlag) != 0);
    }

    /// <summary>Follows the arc labelled <paramref name="label"/> out of <paramref name="node"/>; false when there is none or it ends the sequence.</summary>
    public bool TryFollow(int node, byte label, out int target)
    {
        var end = -1;
        for (var arc = FirstArc(node); ; arc = SkipArc(arc))
        {
            if (Label(arc) == label)
            {
                if ((arcs[arc] & TargetNext) != 0 && end < 0)
                {
                    end = NodeEnd(node);
                }

                target = Destination(arc, end);
                return target != 0;
            }

            if ((arcs[arc] & LastArc) != 0)
            {
                target = 0;
                return false;
            }
        }
    }

    /// <summary>Calls <paramref name="action"/> with <paramref name="prefix"/> plus every sequence accepted below <paramref name="node"/>.</summary>
    public void ForEachSequence(int node, List<byte> prefix, SequenceAction action)
    {
        var end = NodeEnd(node);
        for (var arc = FirstArc(node); ; arc = SkipArc(arc))
        {
            prefix.Add(Label(arc));
            if ((arcs[arc] & FinalArc) != 0)
            {
                action(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(prefix));
            }

            var target = Destination(arc, end);
            if (target != 0)
            {
                ForEachSequence(target, prefix, action);
            }

            prefix.RemoveAt(prefix.Count - 1);
            if ((arcs[arc] & LastArc) != 0)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Like <see cref="ForEachSequence"/>, but a path stops at its <paramref name="count"/>-th
    /// <paramref name="separator"/>, and <paramref name="action"/> gets the path before it, once per
    /// distinct prefix: the tags that follow the lemma are never walked.
    /// </summary>
    public void ForEachPrefix(int node, List<byte> prefix, byte separator, int count, SequenceAction action)
    {
        var end = NodeEnd(node);
        for (var arc = FirstArc(node); ; arc = SkipArc(arc))
        {
            var label = Label(arc);
            if (label == separator && count == 1)
            {
                action(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(prefix));
            }
            else
            {
                prefix.Add(label);
                var target = Destination(arc, end);
                if (target != 0)
                {
                    ForEachPrefix(target, prefix, separator, label == separator ? count - 1 : count, action);
                }

                prefix.RemoveAt(prefix.Count - 1);
            }

            if ((arcs[arc] & LastArc) != 0)
            {
                return;
            }
        }
    }

    public delegate void SequenceAction(ReadOnlySpan<byte> sequence);

    private int FirstArc(int node) => numbers ? SkipVInt(node) : node;

    private byte Label(int arc)
    {
        var index = arcs[arc] & LabelIndexMask;
        return index > 0 ? labels[index] : arcs[arc + 1];
    }

    // The offset right after a node's last arc: where the targets of its "next" arcs begin.
    private int NodeEnd(int node)
    {
        var arc = FirstArc(node);
        while ((arcs[arc] & LastArc) == 0)
        {
            arc = SkipArc(arc);
        }

        return SkipArc(arc);
    }

    private int Destination(int arc, int nodeEnd)
    {
        var flags = arcs[arc];
        return (flags & TargetNext) != 0 ? nodeEnd : ReadVInt(arc + ((flags & LabelIndexMask) == 0 ? 2 : 1));
    }

    private int SkipArc(int arc)
    {
        var flags = arcs[arc++];
        if ((flags & LabelIndexMask) == 0)
        {
            arc++;
        }

        return (flags & TargetNext) == 0 ? SkipVInt(arc) : arc;
    }

    private int ReadVInt(int offset)
    {
        var value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = arcs[offset++];
            value |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }
    }

    private int SkipVInt(int offset)
    {
        while ((arcs[offset++] & 0x80) != 0)
        {
        }

        return offset;
    }
}
