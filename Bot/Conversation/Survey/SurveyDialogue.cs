using System.Text.RegularExpressions;
using Asystent.Bot.Analytics;
using Asystent.Bot.Channels.Activities;
using Asystent.KnowledgeBase.Analytics;
using Asystent.KnowledgeBase.Languages;

namespace Asystent.Bot.Conversation.Survey;

/// <summary>
/// One question at the end of a conversation (after goodbye, after a clerk, after a quiet while):
/// a rating from 1 to 5 and an optional comment, in the person's language, never asked twice in one
/// conversation. Anything that is not an answer is taken as a new message and the survey is over.
/// </summary>
public sealed partial class SurveyDialogue(AnalyticsLog analytics) : IDialogue
{
    public const string Rating = "rating";
    public const string Comment = "comment";
    private const int MaxCommentLength = 500;

    private static readonly string[] Ratings = ["1", "2", "3", "4", "5"];

    /// <summary>The question, when this conversation has not been asked yet; otherwise nothing.</summary>
    public static (IReadOnlyList<Activity> Question, DialogState State) Ask(DialogState state)
    {
        if (state.SurveyAsked)
        {
            return ([], state);
        }

        var language = state.Language;
        var actions = new SuggestedActions { Actions = Ratings.Select(Replies.ImBack).ToList() };
        return ([Replies.Message(SurveyPhrases.Get("question", language), language, actions)], state with { SurveyAsked = true, SurveyStep = Rating });
    }

    public bool IsActive(Turn turn) => turn.State.SurveyStep is not null;

    /// <summary>A rating or a comment; anything else ends the survey and is understood as a new message.</summary>
    public Task<DialogueOutcome> ContinueAsync(Turn turn)
    {
        if (Continue(turn.Text, turn.State, turn.ConversationKey, turn.Channel) is { } answered)
        {
            turn.Send(answered);
            return Task.FromResult(DialogueOutcome.Handled);
        }

        turn.State = turn.State with { SurveyStep = null };
        return Task.FromResult(DialogueOutcome.Ended);
    }

    /// <summary>The answer to the survey; null when the message is something else (and the survey ends).</summary>
    public (IReadOnlyList<Activity>, DialogState)? Continue(string text, DialogState state, string conversationId, string channel)
    {
        var language = state.Language;
        var code = language.Code();
        switch (state.SurveyStep)
        {
            case Rating when RatingOf(text) is { } rating:
                analytics.Record(AnalyticsKinds.Rating, channel, code, conversationId, value: rating);
                return ([Replies.Message(SurveyPhrases.Get("comment", language), language,
                    new SuggestedActions { Actions = [Replies.ImBack(SurveyPhrases.Get("skip", language))] })], state with { SurveyStep = Comment, SurveyRating = rating });
            case Comment when SurveyPhrases.Is(text, "skip"):
                return ([Replies.Message(SurveyPhrases.Get("thanks", language), language)], state with { SurveyStep = null, SurveyRating = null });
            case Comment:
                analytics.Record(AnalyticsKinds.Comment, channel, code, conversationId, value: state.SurveyRating,
                    text: text.Length <= MaxCommentLength ? text : text[..MaxCommentLength]);
                return ([Replies.Message(SurveyPhrases.Get("thanks", language), language)], state with { SurveyStep = null, SurveyRating = null });
            default:
                return null;
        }
    }

    private static int? RatingOf(string text) => RatingAnswer().Match(text.Trim()) is { Success: true } m ? m.Groups[1].Value[0] - '0' : null;

    [GeneratedRegex(@"^([1-5])(\s*/\s*5)?[.!]?$")]
    private static partial Regex RatingAnswer();
}
