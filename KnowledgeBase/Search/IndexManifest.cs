namespace Asystent.KnowledgeBase.Search;

/// <summary>What a built index generation was built from, so a stale index can be detected.</summary>
public sealed record IndexManifest(string Generation, DateTimeOffset BuiltAt, string SourceHash, int CardCount, TimeSpan BuildTime);
