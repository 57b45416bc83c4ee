namespace Asystent.KnowledgeBase.Search.Morphology;

/// <summary>
/// The data files the chosen Polish morphology needs, loaded: the Stempel table and the Morfologik
/// dictionary, each only when the setting uses it. Both load in well under a second and are read-only.
/// </summary>
public sealed class PolishMorphologyData
{
    /// <summary>The file in a generation's morphology folder that names the setting its index was built with.</summary>
    public const string SettingFileName = "setting.txt";

    private PolishMorphologyData(PolishMorphologySetting setting, StempelStemmer? stempel, MorfologikDictionary? morfologik)
    {
        Setting = setting;
        Stempel = stempel;
        Morfologik = morfologik;
    }

    public PolishMorphologySetting Setting { get; }
    public StempelStemmer? Stempel { get; }
    public MorfologikDictionary? Morfologik { get; }

    /// <summary>Hunspell alone: no files beyond the Hunspell dictionaries.</summary>
    public static PolishMorphologyData HunspellOnly { get; } = new(PolishMorphologySetting.HunspellOnly, null, null);

    /// <summary>The morphology the options ask for, from the folder the build fills (KnowledgeBase/Dictionaries/morphology).</summary>
    public static PolishMorphologyData Load(KnowledgeBaseOptions options) =>
        Load(options.MorphologyPath, PolishMorphologySetting.Parse(options.PolishMorphology));

    public static PolishMorphologyData Load(string folder, PolishMorphologySetting setting)
    {
        var stempel = setting.Uses(PolishStemmer.Stempel) ? StempelStemmer.Load(Required(folder, StempelStemmer.FileName)) : null;
        var morfologik = setting.Uses(PolishStemmer.Morfologik)
            ? MorfologikDictionary.Load(Required(folder, MorfologikDictionary.DictionaryFileName), Required(folder, MorfologikDictionary.InfoFileName))
            : null;
        return new PolishMorphologyData(setting, stempel, morfologik);
    }

    /// <summary>Reads the setting a generation recorded and loads the files copied beside it.</summary>
    public static PolishMorphologyData LoadRecorded(string folder)
    {
        var recorded = Path.Combine(folder, SettingFileName);
        var setting = File.Exists(recorded) ? PolishMorphologySetting.Parse(File.ReadAllText(recorded).Trim()) : PolishMorphologySetting.HunspellOnly;
        return Load(folder, setting);
    }

    /// <summary>Records the setting and copies the files it needs into a generation's morphology folder.</summary>
    public static void Record(KnowledgeBaseOptions options, string folder)
    {
        var setting = PolishMorphologySetting.Parse(options.PolishMorphology);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, SettingFileName), setting + Environment.NewLine);
        var files = new List<string>();
        if (setting.Uses(PolishStemmer.Stempel))
        {
            files.Add(StempelStemmer.FileName);
        }

        if (setting.Uses(PolishStemmer.Morfologik))
        {
            files.AddRange([MorfologikDictionary.DictionaryFileName, MorfologikDictionary.InfoFileName]);
        }

        foreach (var file in files)
        {
            File.Copy(Required(options.MorphologyPath, file), Path.Combine(folder, file), overwrite: true);
        }
    }

    private static string Required(string folder, string file)
    {
        var path = Path.Combine(folder, file);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"Polish morphology file '{file}' is missing in '{folder}'. Build KnowledgeBase (it downloads the Debian packages into KnowledgeBase/Dictionaries/morphology).", path);
    }
}
