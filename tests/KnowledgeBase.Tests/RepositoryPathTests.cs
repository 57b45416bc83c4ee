using System.Diagnostics;
using System.Text;

namespace Asystent.KnowledgeBase.Tests;

/// <summary>
/// Windows and macOS file systems ignore letter case (and macOS also the Unicode normalisation form),
/// so two paths that differ only there are one path on a clerk's or developer's machine: a clone
/// there silently merges folders like the data folder KnowledgeBase/intents and the code folder
/// KnowledgeBase/Intents once were. These tests keep that from coming back.
/// </summary>
public sealed class RepositoryPathTests
{
    [Fact]
    public void No_two_paths_in_the_repository_differ_only_by_letter_case()
    {
        var paths = RepositoryFiles(AssistantRoot.Locate());
        Assert.True(paths.Count > 100, $"git listed only {paths.Count} files; is this a clone of the repository?");

        var clashes = PathsDifferingOnlyByCase(paths);

        Assert.True(clashes.Count == 0,
            "These paths are one path on Windows and macOS; rename one of each group:\n"
            + string.Join("\n", clashes.Select(group => "  " + string.Join("  |  ", group))));
    }

    [Fact]
    public void The_check_finds_folders_and_files_that_differ_only_by_case_or_unicode_form()
    {
        var clashes = PathsDifferingOnlyByCase(
        [
            "KnowledgeBase/intents/train-pl.tsv",
            "KnowledgeBase/Intents/IntentModel.cs",
            "docs/Privacy.md",
            "docs/privacy.md",
            "content/cards/żurek.yaml",
            "content/cards/z\u0307urek.yaml",
            "content/cards/karta-wedkarska.yaml",
        ]);

        var found = clashes.Select(group => string.Join(" | ", group)).Order(StringComparer.Ordinal);
        Assert.Equal(
            ["KnowledgeBase/Intents | KnowledgeBase/intents", "content/cards/z\u0307urek.yaml | content/cards/żurek.yaml", "docs/Privacy.md | docs/privacy.md"],
            found);
    }

    /// <summary>
    /// Every file and every folder above it (a folder clash is what merges two folders), grouped by the
    /// path as a case-insensitive, normalisation-insensitive file system sees it; groups of more than one.
    /// </summary>
    internal static IReadOnlyList<IReadOnlyList<string>> PathsDifferingOnlyByCase(IEnumerable<string> files)
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            for (var end = file.IndexOf('/'); end > 0; end = file.IndexOf('/', end + 1))
            {
                paths.Add(file[..end]);
            }

            paths.Add(file);
        }

        return paths
            .GroupBy(path => path.Normalize(NormalizationForm.FormC), StringComparer.OrdinalIgnoreCase)
            .Where(group => group.Count() > 1)
            .Select(group => (IReadOnlyList<string>)group.Order(StringComparer.Ordinal).ToList())
            .ToList();
    }

    /// <summary>The files git tracks, plus new ones not yet added that .gitignore does not exclude.</summary>
    private static List<string> RepositoryFiles(string root)
    {
        var start = new ProcessStartInfo("git")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var argument in new[] { "-C", root, "ls-files", "-z", "--cached", "--others", "--exclude-standard" })
        {
            start.ArgumentList.Add(argument);
        }

        using var git = Process.Start(start) ?? throw new InvalidOperationException("git could not be started");
        var errors = git.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        var output = git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        Assert.True(git.ExitCode == 0, $"git ls-files failed in {root}: {errors.Result}");
        return output.Split('\0', StringSplitOptions.RemoveEmptyEntries).ToList();
    }
}
