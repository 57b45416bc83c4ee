using System.Text;
using Asystent.Bot.Conversation;
using Asystent.KnowledgeBase;
using Asystent.KnowledgeBase.Evaluation;
using Microsoft.Extensions.DependencyInjection;

namespace Asystent.Bot.IntegrationTests.Conversations;

/// <summary>
/// The real questions (content/evaluation/real-*.tsv, written by people outside the team) asked in the
/// chat, each as the first message of a new conversation: what a resident reads first. A question is
/// answered right when the first reply is its card, offered when its card is among the choices or
/// matters listed, and a question no card answers is right when the assistant says it does not know.
/// The card classifier learns from the development part, so its figure is not a fair one; the
/// held-out part, which no change is tuned on, prints only its rates. Figures: BENCHMARKS.md.
/// </summary>
public sealed class RealQuestionsInChatTests(AssistantFactory factory)
{
    private const double DevelopmentFloor = 0.75;
    private const double HeldOutFloor = 0.55;

    [Fact]
    public async Task Most_development_questions_get_their_card_first() =>
        Assert.True(await RunAsync("development", withMisses: true) >= DevelopmentFloor);

    [Fact]
    public async Task Most_held_out_questions_get_their_card_first() =>
        Assert.True(await RunAsync("held-out", withMisses: false) >= HeldOutFloor);

    private async Task<double> RunAsync(string partName, bool withMisses)
    {
        var options = factory.Services.GetRequiredService<KnowledgeBaseOptions>();
        var part = EvaluationSet.LoadNamed(options.EvaluationPath, "real").Single(p => p.Name == partName);
        var outcomes = new List<(EvaluationQuery Query, string Outcome, string Reply)>();
        foreach (var query in part.Queries)
        {
            var language = query.Tags[0];
            var turn = await new TestAdapter(factory, language + (language == "en" ? "-GB" : "-" + language.ToUpperInvariant())).SayAsync(query.Query);
            var notes = turn.Notes;
            var outcome = query.Unanswerable
                ? notes.Kind is TurnKinds.NoAnswer or TurnKinds.NotUnderstood ? "right" : "answered"
                : notes.CardId is { } card && query.Expected.Contains(card) ? "right"
                : notes.Cards.Any(query.Expected.Contains) ? "offered"
                : notes.Kind is TurnKinds.NoAnswer or TurnKinds.NotUnderstood ? "none" : "wrong";
            outcomes.Add((query, outcome, $"{notes.Kind} {notes.CardId ?? string.Join(",", notes.Cards)}"));
        }

        string Rate(IEnumerable<(EvaluationQuery Query, string Outcome, string Reply)> group, string outcome)
        {
            var list = group.ToList();
            return $"{100.0 * list.Count(o => o.Outcome == outcome) / Math.Max(1, list.Count):0.0} %";
        }

        var answerable = outcomes.Where(o => !o.Query.Unanswerable).ToList();
        var report = new StringBuilder($"real questions in chat, {partName}: {answerable.Count} with a card: right first {Rate(answerable, "right")}, offered {Rate(answerable, "offered")}, "
            + $"\"I don't know\" {Rate(answerable, "none")}, wrong {Rate(answerable, "wrong")}; {outcomes.Count - answerable.Count} with none: \"I don't know\" {Rate(outcomes.Where(o => o.Query.Unanswerable), "right")}\n");
        foreach (var tag in answerable.SelectMany(o => o.Query.Tags.Select(t => (Tag: t, o))).GroupBy(p => p.Tag).OrderBy(g => g.Key))
        {
            report.AppendLine($"  {tag.Key}: right first {Rate(tag.Select(p => p.o), "right")} ({tag.Count()})");
        }

        if (withMisses)
        {
            foreach (var (query, outcome, reply) in outcomes.Where(o => o.Outcome != "right"))
            {
                report.AppendLine($"{outcome.ToUpperInvariant()}\t{reply}\texpected {string.Join(",", query.Expected.DefaultIfEmpty("-"))}\t{query.Query}");
            }
        }

        await File.WriteAllTextAsync(Path.Combine(Path.GetTempPath(), $"asystent-real-in-chat-{partName}.txt"), report.ToString(), TestContext.Current.CancellationToken);
        TestContext.Current.TestOutputHelper?.WriteLine(report.ToString());
        return (double)answerable.Count(o => o.Outcome == "right") / answerable.Count;
    }
}
