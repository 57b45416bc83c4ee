namespace Asystent.KnowledgeBase.Tests.ServiceCards.Import;

/// <summary>One sample karta usługi read from Samples/*.txt (markup described in Samples/README.md).</summary>
internal sealed record SampleCard(string Name, IReadOnlyList<string> Preamble, IReadOnlyList<SampleSection> Sections)
{
    public static string SamplesPath { get; } =
        Path.Combine(AssistantRoot.Locate(), "tests", "KnowledgeBase.Tests", "ServiceCards", "Import", "Samples");

    public static SampleCard Read(string name)
    {
        var preamble = new List<string>();
        var sections = new List<SampleSection>();
        foreach (var line in File.ReadAllLines(Path.Combine(SamplesPath, name + ".txt")).Where(l => l.Trim().Length > 0))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                sections.Add(new SampleSection(line[3..].Trim(), []));
            }
            else if (sections.Count == 0)
            {
                preamble.Add(line.Trim());
            }
            else
            {
                sections[^1].Lines.Add(line.Trim());
            }
        }

        return new SampleCard(name, preamble, sections);
    }
}

internal sealed record SampleSection(string Heading, List<string> Lines);

/// <summary>How a sample line is laid out: a list item ("- "), a table row ("| a | b |") or plain text.</summary>
internal static class SampleLine
{
    public static bool IsItem(string line) => line.StartsWith("- ", StringComparison.Ordinal);

    public static string ItemText(string line) => line[2..].Trim();

    public static bool IsRow(string line) => line.StartsWith('|');

    public static string[] Cells(string line) =>
        line.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
}
