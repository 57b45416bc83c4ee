using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Asystent.KnowledgeBase.Search;

/// <summary>
/// What searches tell operators: how long each took and whether it found anything (the meter), and a
/// span per search when traces are exported. Never the question itself: it may carry a name, a phone
/// number or a PESEL. Static because the search service is created by hand in tests and tools; a
/// listener that is not attached costs a flag check per search.
/// </summary>
public static class SearchTelemetry
{
    public const string Name = "Asystent.Search";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    private static readonly Histogram<double> Duration = Meter.CreateHistogram(
        "asystent.search.duration", "s", "How long a search of the service cards took (search API and conversation turns alike).",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1] });

    private static readonly KeyValuePair<string, object?> Found = new("results", "some");
    private static readonly KeyValuePair<string, object?> NothingFound = new("results", "none");

    internal static Activity? Start() => Source.StartActivity("asystent.search");

    internal static void Searched(SearchResponse response, long startedAt, Activity? activity)
    {
        Duration.Record(Stopwatch.GetElapsedTime(startedAt).TotalSeconds, response.Results.Count > 0 ? Found : NothingFound);
        if (activity is not null)
        {
            activity.SetTag("asystent.search.language", Languages.Languages.Code(response.Language));
            activity.SetTag("asystent.search.results", response.Results.Count);
        }
    }
}
