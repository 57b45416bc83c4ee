using Asystent.KnowledgeBase.Storage;
using Microsoft.EntityFrameworkCore;

namespace Asystent.KnowledgeBase.ServiceCards.Editing;

public enum PublishOutcome
{
    Published,

    /// <summary>The card has errors: nothing changed.</summary>
    Invalid,

    /// <summary>The card was published by someone else after the editor opened it: nothing changed.</summary>
    Conflict,

    /// <summary>The index did not build: the old card and index stay in service.</summary>
    BuildFailed,
}

public sealed record PublishResult(PublishOutcome Outcome, string Message, IReadOnlyList<CardProblem> Problems, CardRevisionRecord? Revision = null);

/// <summary>
/// Publishes a card: validates it, writes its file in today's format (<see cref="CardYamlWriter"/>),
/// builds a new index generation, records the revision (who, when, before and after) and removes the
/// card's draft. Restoring an older version is a publication of that version.
/// </summary>
public sealed class CardPublisher(AssistantDbContext db, CardFolder folder, CardIndexRebuilder rebuilder, TimeProvider clock)
{
    public const string PublishAction = "publish";
    public const string RestoreAction = "restore";

    public async Task<PublishResult> PublishAsync(string cardId, string yaml, string author, string baseHash, CancellationToken cancellationToken, string action = PublishAction)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        if (!CardFolder.IsCardId(cardId) || yaml.Length > CardFolder.MaxCardLength)
        {
            return new PublishResult(PublishOutcome.Invalid, CardFolder.IsCardId(cardId)
                ? $"The card is longer than {CardFolder.MaxCardLength} characters." : $"'{cardId}' is not a card id.", []);
        }

        var check = folder.Check(cardId, yaml);
        if (check.HasErrors)
        {
            await LogAsync(author, "card_publish_refused", cardId, "invalid", cancellationToken);
            return new PublishResult(PublishOutcome.Invalid, "The card was not published: correct the problems listed.", check.Problems);
        }

        var text = CardYamlWriter.Write(check.Card!);
        var rebuilt = await rebuilder.ReplaceAsync(cardId, baseHash ?? "", text, cancellationToken);
        switch (rebuilt.Outcome)
        {
            case RebuildOutcome.Conflict:
                await LogAsync(author, "card_publish_refused", cardId, "conflict", cancellationToken);
                return new PublishResult(PublishOutcome.Conflict,
                    "Someone else published this card after you opened it, so yours was not published. Open the card again to see their version, then make your change there.", []);
            case RebuildOutcome.BuildFailed:
                await LogAsync(author, "card_publish_refused", cardId, "build failed", cancellationToken);
                return new PublishResult(PublishOutcome.BuildFailed,
                    "The search index could not be built, so the previous card and index stay in service. The problems:", rebuilt.Problems);
        }

        var revision = db.CardRevisions.Add(new CardRevisionRecord
        {
            CardId = cardId, Before = rebuilt.Before, After = text, Author = author, PublishedAt = clock.GetUtcNow(), Action = action, Generation = rebuilt.Generation,
        }).Entity;
        await db.CardDrafts.Where(d => d.CardId == cardId).ExecuteDeleteAsync(cancellationToken);
        db.StaffActions.Add(CardEditLog.Entry(clock, author, action == RestoreAction ? "card_restored" : "card_published", cardId, $"generation {rebuilt.Generation}"));
        await db.SaveChangesAsync(cancellationToken);
        return new PublishResult(PublishOutcome.Published, $"Published. The assistant answers with this version now (index {rebuilt.Generation}).", check.Problems, revision);
    }

    /// <summary>
    /// Publishes the text an earlier revision published, or with <paramref name="before"/> the text it
    /// replaced (how the version from before the first edit in the editor comes back). Null when there
    /// is no such version.
    /// </summary>
    public async Task<PublishResult?> RestoreAsync(string cardId, long revisionId, bool before, string author, string baseHash, CancellationToken cancellationToken)
    {
        var revision = await db.CardRevisions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == revisionId && r.CardId == cardId, cancellationToken);
        var text = before ? revision?.Before : revision?.After;
        return text is null ? null : await PublishAsync(cardId, text, author, baseHash, cancellationToken, RestoreAction);
    }

    public async Task<IReadOnlyList<CardRevisionRecord>> HistoryAsync(string cardId, CancellationToken cancellationToken) =>
        await db.CardRevisions.AsNoTracking().Where(r => r.CardId == cardId).OrderByDescending(r => r.Id).ToListAsync(cancellationToken);

    private async Task LogAsync(string author, string action, string cardId, string detail, CancellationToken cancellationToken)
    {
        db.StaffActions.Add(CardEditLog.Entry(clock, author, action, cardId, detail));
        await db.SaveChangesAsync(cancellationToken);
    }
}
