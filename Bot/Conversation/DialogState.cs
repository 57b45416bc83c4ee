using Asystent.Bot.Conversation.Booking;
using Asystent.Bot.Conversation.Cases;
using Asystent.Bot.Conversation.Handoff;
using Asystent.KnowledgeBase.Languages;

namespace Asystent.Bot.Conversation;

/// <summary>
/// What the assistant remembers between turns of one conversation: its language, the card being
/// discussed (so "ile to kosztuje?" refers to it), the choices it last offered, and how many
/// messages in a row it did not understand, a booking, case-status or handoff dialogue under way, and
/// whether the satisfaction question was asked (it never is twice) and the conversation counted.
/// </summary>
public sealed record DialogState(
    Language Language,
    bool LanguageChosen = false,
    string? CardId = null,
    IReadOnlyList<string>? Choices = null,
    int Misunderstandings = 0,
    BookingDialog? Booking = null,
    CaseDialog? Case = null,
    HandoffDialog? Handoff = null,
    bool SurveyAsked = false,
    string? SurveyStep = null,
    int? SurveyRating = null,
    bool Counted = false);
