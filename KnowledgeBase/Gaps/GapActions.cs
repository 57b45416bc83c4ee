using Asystent.KnowledgeBase.ServiceCards;
using Asystent.KnowledgeBase.ServiceCards.Editing;
using Asystent.KnowledgeBase.Staff;
using Asystent.KnowledgeBase.Storage;
using Microsoft.EntityFrameworkCore;

namespace Asystent.KnowledgeBase.Gaps;

public enum GapActionOutcome
{
    Done,

    /// <summary>No such group in the period (never was, or the period changed).</summary>
    UnknownGap,

    /// <summary>Someone already decided about the group since the page was opened.</summary>
    Stale,

    /// <summary>No card (file or draft) with that id.</summary>
    UnknownCard,

    /// <summary>A new card was asked for under an id that is already a card or a draft.</summary>
    CardExists,

    /// <summary>The card's draft changed meanwhile, or cannot be read: nothing was saved.</summary>
    Conflict,

    /// <summary>Not a card id.</summary>
    Rejected,
}

public sealed record GapActionResult(GapActionOutcome Outcome, string Message, string? CardId = null);

/// <summary>
/// What staff do with a group of questions at /admin/gaps. Assigning a card adds the questions to the
/// card's keywords in their language (keywords are the search's strongest field and the card
/// classifier's examples) through the editor's draft, so the next publication's index answers them
/// with that card; it also adds them to the office's evaluation set. Out of scope takes them off the
/// list (optionally as questions no card answers in that set). A new card starts a draft with the
/// questions as its keywords. Every decision is in the staff action log.
/// </summary>
public sealed class GapActions(AssistantDbContext db, GapList list, CardFolder folder, CardDrafts drafts, OfficeEvaluationFile office, TimeProvider clock)
{
    public async Task<(GapGroup? Group, GapActionResult? Refusal)> FindAsync(string key, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var group = (await list.ListAsync(from, to, cancellationToken)).FirstOrDefault(g => g.Key == key);
        if (group is not null)
        {
            return (group, null);
        }

        var decided = (await db.GapDecisions.AsNoTracking().ToListAsync(cancellationToken)).FirstOrDefault(d => GapGrouping.Key(d.Language, d.Text) == key);
        return (null, decided is null
            ? new GapActionResult(GapActionOutcome.UnknownGap, $"There is no question group '{key}' in this period.")
            : new GapActionResult(GapActionOutcome.Stale, $"{decided.DecidedBy} already decided about these questions ({decided.Decision}{(decided.CardId is null ? "" : ": " + decided.CardId)}).", decided.CardId));
    }

    public async Task<GapActionResult> AssignAsync(GapGroup group, string cardId, string user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        var draft = CardFolder.IsCardId(cardId) ? await drafts.FindAsync(cardId, cancellationToken) : null;
        var text = draft?.Yaml ?? (CardFolder.IsCardId(cardId) ? folder.ReadText(cardId) : null);
        if (text is null)
        {
            return new GapActionResult(GapActionOutcome.UnknownCard, $"There is no card '{cardId}'.");
        }

        if (CardFolder.Parse(cardId, text) is not { } card)
        {
            return new GapActionResult(GapActionOutcome.Conflict, $"The draft of '{cardId}' cannot be read: finish it in the editor first.", cardId);
        }

        var keywords = card.Keywords.TryGetValue(group.Language, out var existing) && existing is not null ? existing : card.Keywords[group.Language] = [];
        keywords.AddRange(group.Questions.Select(q => q.Text).Where(q => !keywords.Contains(q, StringComparer.OrdinalIgnoreCase)));
        var saved = await drafts.SaveAsync(cardId, CardYamlWriter.Write(card), user, draft?.Source ?? CardDraftSources.Gap,
            draft?.BaseHash ?? folder.CurrentHash(cardId), cancellationToken, CardFolder.Hash(draft?.Yaml));
        if (saved.Outcome != DraftOutcome.Saved)
        {
            return new GapActionResult(GapActionOutcome.Conflict, saved.Message, cardId);
        }

        var decided = await DecideAsync(group, GapDecisions.Assigned, cardId, user, "gap_assigned", $"{group.Questions.Count} questions to {cardId}", cancellationToken);
        if (decided.Outcome == GapActionOutcome.Done)
        {
            office.Append(group.Language, cardId, group.Questions.Select(q => q.Text));
        }

        return decided;
    }

    public async Task<GapActionResult> OutOfScopeAsync(GapGroup group, bool asNoCardExample, string user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        var decided = await DecideAsync(group, GapDecisions.OutOfScope, null, user, "gap_out_of_scope",
            $"{group.Questions.Count} questions{(asNoCardExample ? ", kept as no-card examples" : "")}", cancellationToken);
        if (decided.Outcome == GapActionOutcome.Done && asNoCardExample)
        {
            office.Append(group.Language, null, group.Questions.Select(q => q.Text));
        }

        return decided;
    }

    public async Task<GapActionResult> StartCardAsync(GapGroup group, string cardId, string user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        if (!CardFolder.IsCardId(cardId))
        {
            return new GapActionResult(GapActionOutcome.Rejected, $"'{cardId}' is not a card id: lower-case letters, digits and single hyphens.");
        }

        if (folder.ReadText(cardId) is not null || await drafts.FindAsync(cardId, cancellationToken) is not null)
        {
            return new GapActionResult(GapActionOutcome.CardExists, $"'{cardId}' is already a card or a draft: assign the questions to it instead.", cardId);
        }

        var card = new ServiceCard { Id = cardId };
        card.Keywords[group.Language] = group.Questions.Select(q => q.Text).ToList();
        var saved = await drafts.SaveAsync(cardId, CardYamlWriter.Write(card), user, CardDraftSources.Gap, "", cancellationToken, "");
        return saved.Outcome != DraftOutcome.Saved
            ? new GapActionResult(GapActionOutcome.Conflict, saved.Message, cardId)
            : await DecideAsync(group, GapDecisions.NewCard, cardId, user, "gap_new_card", $"{group.Questions.Count} questions, draft {cardId}", cancellationToken);
    }

    private async Task<GapActionResult> DecideAsync(GapGroup group, string decision, string? cardId, string user, string action, string detail, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        db.GapDecisions.AddRange(group.Questions.Select(q => new GapDecisionRecord
        {
            Text = q.Text, Language = group.Language, Decision = decision, CardId = cardId, DecidedBy = user, DecidedAt = now,
        }));
        db.StaffActions.Add(new StaffActionRecord
        {
            At = now, UserName = user.Length > 64 ? user[..64] : user, Action = action, Subject = "gap:" + group.Key, Detail = detail.Length > 500 ? detail[..500] : detail,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two staff deciding about one question at once: the unique index keeps the first decision.
            db.ChangeTracker.Clear();
            return new GapActionResult(GapActionOutcome.Stale, "Someone else decided about these questions at the same moment.", cardId);
        }

        return new GapActionResult(GapActionOutcome.Done, "Done.", cardId);
    }
}
