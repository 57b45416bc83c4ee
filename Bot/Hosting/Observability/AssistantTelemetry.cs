using System.Diagnostics;

namespace Asystent.Bot.Hosting.Observability;

/// <summary>
/// The assistant's spans (source "Asystent"): one per conversation turn, tagged with the channel and
/// the kind of answer, never the conversation id or the text. Without a configured collector nothing
/// listens, and starting a span costs a flag check.
/// </summary>
public static class AssistantTelemetry
{
    public const string Name = "Asystent";

    public static readonly ActivitySource Source = new(Name);
}
