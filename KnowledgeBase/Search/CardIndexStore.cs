using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Asystent.KnowledgeBase.Search;

/// <summary>
/// The index folder on disk. Each build writes a complete new generation folder (Lucene index plus a
/// copy of the cards and vocabulary it was built from) and only then replaces the CURRENT pointer with
/// an atomic rename, so a failed or interrupted build never touches the generation in service.
/// </summary>
/// <remarks>Layout: <c>{IndexPath}/CURRENT</c>, <c>{IndexPath}/gen-*/{lucene,cards,vocabulary,dictionaries,morphology,manifest.json}</c>.</remarks>
public sealed class CardIndexStore(string indexPath)
{
    /// <summary>Bump when the analysis or the document mapping changes, so existing indexes are rebuilt.</summary>
    public const string AnalysisVersion = "2026-12-02.1";

    public const string PointerFileName = "CURRENT";
    public const string ManifestFileName = "manifest.json";
    private const int GenerationsKept = 3;

    public string IndexPath { get; } = indexPath;

    /// <summary>The generation folder currently in service, or null when none has been built.</summary>
    public string? CurrentGenerationPath()
    {
        var pointer = Path.Combine(IndexPath, PointerFileName);
        if (!File.Exists(pointer))
        {
            return null;
        }

        var name = File.ReadAllText(pointer).Trim();
        var path = Path.Combine(IndexPath, name);
        return name.Length > 0 && Directory.Exists(path) ? path : null;
    }

    public IndexManifest? CurrentManifest() =>
        CurrentGenerationPath() is { } path && File.Exists(Path.Combine(path, ManifestFileName))
            ? JsonSerializer.Deserialize<IndexManifest>(File.ReadAllText(Path.Combine(path, ManifestFileName)))
            : null;

    /// <summary>True when the generation in service was built from exactly these sources.</summary>
    public bool IsUpToDate(string sourceHash) => CurrentManifest()?.SourceHash == sourceHash;

    public string NewGenerationPath()
    {
        Directory.CreateDirectory(IndexPath);
        var name = $"gen-{DateTime.UtcNow:yyyyMMdd'T'HHmmssfff}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}";
        return Path.Combine(IndexPath, name);
    }

    /// <summary>Puts a finished generation into service (atomic rename of the pointer) and prunes old ones.</summary>
    public void Publish(string generationPath, IndexManifest manifest)
    {
        File.WriteAllText(Path.Combine(generationPath, ManifestFileName), JsonSerializer.Serialize(manifest));
        var pointer = Path.Combine(IndexPath, PointerFileName);
        var temporary = pointer + ".tmp-" + Environment.ProcessId;
        File.WriteAllText(temporary, Path.GetFileName(generationPath));
        File.Move(temporary, pointer, overwrite: true);
        Prune(Path.GetFileName(generationPath));
    }

    public static void Discard(string generationPath)
    {
        if (Directory.Exists(generationPath))
        {
            Directory.Delete(generationPath, recursive: true);
        }
    }

    /// <summary>
    /// The hash an index built with these options records: its cards and vocabulary, the analysis
    /// version and the Polish morphology chosen (another choice analyses the same cards differently).
    /// </summary>
    public static string SourceHash(KnowledgeBaseOptions options) =>
        Hash("polish-morphology=" + Morphology.PolishMorphologySetting.Parse(options.PolishMorphology), [options.CardsPath, options.VocabularyPath]);

    /// <summary>A hash over every source file (path and content) and the analysis version.</summary>
    public static string HashSources(params string[] folders) => Hash("", folders);

    /// <summary>The hash of everything an index generation is built from: cards, vocabulary, the Polish morphology chosen and what the card classifier learns from.</summary>
    public static string HashSources(KnowledgeBaseOptions options)
    {
        var questions = Evaluation.EvaluationSet.TrainingQuestionsPath(options);
        var files = SourceHash(options) + (Directory.Exists(options.IntentsPath) ? ":" + HashSources(options.IntentsPath) : "");
        return File.Exists(questions) ? files + ":" + Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(questions))) : files;
    }

    private static string Hash(string analysis, string[] folders)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(AnalysisVersion + analysis));
        foreach (var folder in folders)
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                hash.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(folder, file)));
                hash.AppendData(File.ReadAllBytes(file));
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    // Older generations go; a process still reading one keeps its open files (POSIX unlink semantics),
    // and the two previous generations stay for a moment in case a reader is just switching.
    private void Prune(string keep)
    {
        var old = Directory.EnumerateDirectories(IndexPath, "gen-*")
            .Select(Path.GetFileName)
            .Where(n => n != keep)
            .Order(StringComparer.Ordinal)
            .SkipLast(GenerationsKept - 1);
        foreach (var name in old)
        {
            try
            {
                Directory.Delete(Path.Combine(IndexPath, name!), recursive: true);
            }
            catch (IOException)
            {
                // Another process may be building or reading it right now; the next build prunes it.
            }
            catch (UnauthorizedAccessException)
            {
                // Same as above on file systems that lock open files.
            }
        }
    }
}
