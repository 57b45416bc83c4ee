using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Asystent.KnowledgeBase.ServiceCards;

/// <summary>
/// Finds the line of a field such as "fees[1].for.pl" in a parsed YAML document, so validation
/// messages can point staff at the line to fix. Falls back to the nearest existing parent.
/// </summary>
internal sealed partial class YamlLocator(YamlNode? root)
{
    public int? LineOf(string path)
    {
        var node = root;
        int? line = node is null ? null : (int)node.Start.Line;
        foreach (Match segment in Segment().Matches(path))
        {
            YamlNode? next = null;
            if (segment.Groups["key"].Success && node is YamlMappingNode map)
            {
                var key = segment.Groups["key"].Value;
                var entry = map.Children.FirstOrDefault(c => c.Key is YamlScalarNode k && k.Value == key);
                if (entry.Key is not null)
                {
                    line = (int)entry.Key.Start.Line;
                    next = entry.Value;
                }
            }
            else if (segment.Groups["index"].Success && node is YamlSequenceNode seq)
            {
                var index = int.Parse(segment.Groups["index"].Value);
                if (index < seq.Children.Count)
                {
                    next = seq.Children[index];
                    line = (int)next.Start.Line;
                }
            }

            if (next is null)
            {
                break;
            }

            node = next;
        }

        return line;
    }

    [GeneratedRegex(@"(?<key>[A-Za-z0-9_]+)|\[(?<index>\d+)\]")]
    private static partial Regex Segment();
}
