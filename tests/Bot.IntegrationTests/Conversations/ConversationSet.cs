using System.Globalization;
using Asystent.Bot.Conversation;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Asystent.Bot.IntegrationTests.Conversations;

/// <summary>
/// The conversation set (conversations.yaml): multi-turn conversations in four languages, each turn
/// with what its reply must be (the kind, the card, facts it contains, the dialogue left open, the
/// visit times offered). <see cref="Check"/> lists every expectation a turn missed.
/// </summary>
public sealed class ConversationCase
{
    public string Id { get; set; } = "";
    public string Language { get; set; } = "pl";
    public List<string> Tags { get; set; } = [];
    public string Source { get; set; } = "own";
    public List<ConversationTurn> Turns { get; set; } = [];

    public override string ToString() => Id;
}

public sealed class ConversationTurn
{
    public string Say { get; set; } = "";
    public TurnExpectation Expect { get; set; } = new();
}

public sealed class TurnExpectation
{
    public string? Kind { get; set; }
    public List<string> Notes { get; set; } = [];
    public string? Card { get; set; }
    public List<string> Cards { get; set; } = [];
    public List<string> ChoicesInclude { get; set; } = [];
    public List<string> Contains { get; set; } = [];
    public List<string> ContainsAny { get; set; } = [];
    public List<string> NotContains { get; set; } = [];
    public List<string> ActionsInclude { get; set; } = [];
    public string? Dialogue { get; set; }
    public OfferedTimes? Offered { get; set; }
}

public sealed class OfferedTimes
{
    public string? After { get; set; }
    public string? Before { get; set; }
    public List<string> Weekdays { get; set; } = [];
    public List<string> NotWeekdays { get; set; } = [];
    public bool NextWeek { get; set; }
}

public static class ConversationSet
{
    public static IReadOnlyList<ConversationCase> Load(string file)
    {
        var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
        return deserializer.Deserialize<List<ConversationCase>>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Conversations", file)));
    }

    /// <summary>What the turn missed of <paramref name="expect"/> (empty when it met everything).</summary>
    public static IReadOnlyList<string> Check(TurnExpectation expect, Turn turn, DateOnly today)
    {
        var misses = new List<string>();
        var notes = turn.Notes;
        var text = TestAdapter.Text(turn);
        var kinds = new[] { notes.Kind }.Concat(notes.Extra).OfType<string>().ToList();
        if (expect.Kind is { } kind && notes.Kind != kind && !(kind == "card" && notes.Kind == TurnKinds.OtherOffice) && !(kind == TurnKinds.Choices && notes.Kind == TurnKinds.Matters))
        {
            misses.Add($"kind {notes.Kind ?? "-"}, expected {kind}");
        }

        misses.AddRange(expect.Notes.Where(n => !kinds.Contains(n)).Select(n => $"no note {n}"));
        if (expect.Card is { } card && notes.CardId != card && !(notes.Kind is TurnKinds.Matters && notes.Cards.Contains(card)))
        {
            misses.Add($"card {notes.CardId ?? "-"}, expected {card}");
        }

        misses.AddRange(expect.Cards.Where(c => !notes.Cards.Contains(c)).Select(c => $"{c} not among the matters ({string.Join(", ", notes.Cards)})"));
        misses.AddRange(expect.ChoicesInclude.Where(c => !notes.Cards.Contains(c) && !(turn.State.Choices ?? []).Contains(c)).Select(c => $"{c} not offered"));
        misses.AddRange(expect.Contains.Where(s => !text.Contains(s, StringComparison.OrdinalIgnoreCase)).Select(s => $"no \"{s}\""));
        if (expect.ContainsAny.Count > 0 && !expect.ContainsAny.Any(s => text.Contains(s, StringComparison.OrdinalIgnoreCase)))
        {
            misses.Add($"none of \"{string.Join("\", \"", expect.ContainsAny)}\"");
        }

        misses.AddRange(expect.NotContains.Where(s => text.Contains(s, StringComparison.OrdinalIgnoreCase)).Select(s => $"says \"{s}\""));
        var actions = TestAdapter.Actions(turn);
        misses.AddRange(expect.ActionsInclude.Where(a => !actions.Contains(a, StringComparer.OrdinalIgnoreCase)).Select(a => $"no button \"{a}\""));
        if (expect.Dialogue is { } dialogue && Dialogue(turn.State) != dialogue)
        {
            misses.Add($"dialogue {Dialogue(turn.State)}, expected {dialogue}");
        }

        if (expect.Offered is { } offered)
        {
            misses.AddRange(CheckOffered(offered, turn.State.Booking?.Offered ?? [], today));
        }

        return misses;
    }

    private static string Dialogue(DialogState state) =>
        state.Booking is not null ? "booking"
        : state.Handoff is not null ? "handoff"
        : state.SurveyStep is not null ? "survey"
        : Conversation.Cases.CaseStatusDialogue.IsWaiting(state.Case) ? "case"
        : "none";

    private static IEnumerable<string> CheckOffered(OfferedTimes offered, IReadOnlyList<DateTimeOffset> times, DateOnly today)
    {
        if (times.Count == 0)
        {
            yield return "no times offered";
            yield break;
        }

        var nextMonday = today.AddDays(((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7 is 0 ? 7 : ((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7);
        foreach (var start in times)
        {
            var at = TimeOnly.FromDateTime(start.DateTime);
            var day = DateOnly.FromDateTime(start.DateTime);
            var weekday = start.DayOfWeek.ToString().ToLowerInvariant();
            if (offered.After is { } after && at < TimeOnly.Parse(after, CultureInfo.InvariantCulture))
            {
                yield return $"{start:ddd HH:mm} before {after}";
            }

            if (offered.Before is { } before && at >= TimeOnly.Parse(before, CultureInfo.InvariantCulture))
            {
                yield return $"{start:ddd HH:mm} not before {before}";
            }

            if (offered.Weekdays.Count > 0 && !offered.Weekdays.Contains(weekday))
            {
                yield return $"{start:ddd HH:mm} not on {string.Join("/", offered.Weekdays)}";
            }

            if (offered.NotWeekdays.Contains(weekday))
            {
                yield return $"{start:ddd HH:mm} on {weekday}";
            }

            if (offered.NextWeek && (day < nextMonday || day >= nextMonday.AddDays(7)))
            {
                yield return $"{start:ddd d MMM} not next week";
            }
        }
    }
}
