using System.Collections;
using System.Reflection;
using Asystent.KnowledgeBase;

namespace Asystent.Bot.IntegrationTests;

/// <summary>
/// docs/configuration.md is the operator's list of settings. Every options class of the Bot and the
/// knowledge base (a class with a SectionName constant) is walked, so a setting added to the code
/// without a line in the guide fails here rather than staying unknown to the people who run it.
/// </summary>
public sealed class ConfigurationGuideTests
{
    /// <summary>Keys read directly from IConfiguration rather than through an options class.</summary>
    private static readonly string[] DirectlyReadKeys = ["Cases:ImportApiKey", "Survey:IdleSeconds", "PublicBaseUrl", "ConnectionStrings:Assistant", "Database:Provider", "Urls"];

    [Fact]
    public void Every_setting_the_code_binds_is_in_the_configuration_guide()
    {
        var guide = File.ReadAllText(Path.Combine(AssistantRoot.Locate(), "docs", "configuration.md"));
        var keys = OptionsClasses().SelectMany(type => Keys(type, (string)type.GetField("SectionName")!.GetRawConstantValue()!)).ToList();
        Assert.True(keys.Count > 60, $"only {keys.Count} settings found; the walk over the options classes is broken");

        var missing = keys.Concat(DirectlyReadKeys).Where(key => !guide.Contains($"`{key}", StringComparison.Ordinal)).ToList();

        Assert.True(missing.Count == 0, "docs/configuration.md does not name: " + string.Join(", ", missing));
    }

    [Fact]
    public void The_guide_states_the_defaults_of_the_knowledge_base_paths()
    {
        var guide = File.ReadAllText(Path.Combine(AssistantRoot.Locate(), "docs", "configuration.md"));
        var defaults = new KnowledgeBaseOptions();

        foreach (var (key, value) in new[]
        {
            ("CardsPath", defaults.CardsPath), ("VocabularyPath", defaults.VocabularyPath), ("IntentsPath", defaults.IntentsPath),
            ("EvaluationPath", defaults.EvaluationPath), ("IndexPath", defaults.IndexPath), ("ModelPath", defaults.ModelPath),
        })
        {
            Assert.Contains($"| `KnowledgeBase:{key}` | `{value}` |", guide, StringComparison.Ordinal);
        }
    }

    private static IEnumerable<Type> OptionsClasses() =>
        new[] { typeof(Program).Assembly, typeof(KnowledgeBaseOptions).Assembly }
            .SelectMany(assembly => assembly.GetTypes())
            .Where(type => type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true });

    /// <summary>
    /// The configuration keys of a bound class: its settable properties, nested option classes as
    /// "Section:Nested:Key", and lists of classes as "Section:List:N:Key" (N the item's index).
    /// </summary>
    private static IEnumerable<string> Keys(Type type, string prefix)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true }))
        {
            var key = $"{prefix}:{property.Name}";
            var item = property.PropertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(property.PropertyType)
                ? property.PropertyType.IsArray ? property.PropertyType.GetElementType()! : property.PropertyType.GetGenericArguments().Single()
                : null;
            if (item is not null && IsOurs(item))
            {
                foreach (var nested in Keys(item, key + ":N"))
                {
                    yield return nested;
                }
            }
            else if (item is null && IsOurs(property.PropertyType) && property.PropertyType.IsClass)
            {
                foreach (var nested in Keys(property.PropertyType, key))
                {
                    yield return nested;
                }
            }
            else
            {
                yield return key;
            }
        }
    }

    private static bool IsOurs(Type type) => type.Namespace?.StartsWith("Asystent.", StringComparison.Ordinal) == true && !type.IsEnum;
}
