using System.Text.RegularExpressions;

namespace Asystent.KnowledgeBase.Tests;

/// <summary>
/// The README only points to the guides in docs/, so a guide renamed or moved must not leave a link
/// that leads nowhere. Checks every relative Markdown link in README.md, BENCHMARKS.md and docs/*.md.
/// </summary>
public sealed partial class DocumentationLinkTests
{
    [Fact]
    public void Every_relative_link_in_the_guides_points_to_a_file_or_folder_in_the_repository()
    {
        var root = AssistantRoot.Locate();
        var pages = new[] { Path.Combine(root, "README.md"), Path.Combine(root, "BENCHMARKS.md") }
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "docs"), "*.md"))
            .ToList();

        var broken = new List<string>();
        foreach (var page in pages)
        {
            foreach (Match link in MarkdownLink().Matches(File.ReadAllText(page)))
            {
                var target = link.Groups["target"].Value.Split('#')[0];
                if (target.Length == 0 || target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal))
                {
                    continue;
                }

                var resolved = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, Uri.UnescapeDataString(target)));
                if (!File.Exists(resolved) && !Directory.Exists(resolved))
                {
                    broken.Add($"{Path.GetRelativePath(root, page)}: {link.Value}");
                }
            }
        }

        Assert.True(pages.Count >= 8, "README.md, BENCHMARKS.md and the guides in docs/ should all be read");
        Assert.True(broken.Count == 0, "Links that lead nowhere:\n  " + string.Join("\n  ", broken));
    }

    [Fact]
    public void The_readme_links_every_guide_in_docs()
    {
        var root = AssistantRoot.Locate();
        var readme = File.ReadAllText(Path.Combine(root, "README.md"));

        var unlinked = Directory.EnumerateFiles(Path.Combine(root, "docs"), "*.md")
            .Select(Path.GetFileName)
            .Where(name => !readme.Contains($"(docs/{name}", StringComparison.Ordinal))
            .ToList();

        Assert.True(unlinked.Count == 0, "The README's \"where to go next\" should link: " + string.Join(", ", unlinked));
    }

    // [text](target) outside code spans is what matters here; images (![alt](src)) are links too.
    [GeneratedRegex(@"\[[^\]\n]*\]\((?<target>[^)\s]+)\)")]
    private static partial Regex MarkdownLink();
}
