using Asystent.KnowledgeBase.Languages;
using Asystent.KnowledgeBase.ServiceCards;

namespace Asystent.KnowledgeBase.Search;

/// <summary>A search for cards. <see cref="Language"/> null means "detect it from the text".</summary>
public sealed record SearchRequest(string Query, Language? Language = null, int Top = 5, string? Unit = null, CardKind? Kind = null)
{
    public const int MaxQueryLength = 500;
    public const int MaxTop = 50;
}

public sealed record SearchHit(string Id, string Title, string Unit, string UnitCode, CardKind Kind, float Score, string Snippet);

public sealed record SearchResponse(string Query, Language Language, IReadOnlyList<SearchHit> Results);
