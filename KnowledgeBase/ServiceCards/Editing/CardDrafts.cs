using Asystent.KnowledgeBase.Staff;
using Asystent.KnowledgeBase.Storage;
using Microsoft.EntityFrameworkCore;

namespace Asystent.KnowledgeBase.ServiceCards.Editing;

public enum DraftOutcome
{
    Saved,

    /// <summary>The card file, or the draft, changed since the editor opened it: nothing was saved.</summary>
    Conflict,

    /// <summary>Not a card id, an unknown source or a text too long: nothing was saved.</summary>
    Rejected,
}

public sealed record DraftSaveResult(DraftOutcome Outcome, string Message, CardDraftRecord? Draft = null);

/// <summary>
/// Card drafts in the database, one per card: the editor saves them, and so can an import of an
/// office's karta usługi or a question without an answer (see <see cref="CardDraftSources"/>). A draft
/// for an id that has no file yet is a new card. Publishing is <see cref="CardPublisher"/>'s job.
/// </summary>
public sealed class CardDrafts(AssistantDbContext db, CardFolder folder, TimeProvider clock)
{
    public Task<CardDraftRecord?> FindAsync(string cardId, CancellationToken cancellationToken) =>
        db.CardDrafts.AsNoTracking().FirstOrDefaultAsync(d => d.CardId == cardId, cancellationToken);

    public async Task<IReadOnlyList<CardDraftRecord>> AllAsync(CancellationToken cancellationToken) =>
        await db.CardDrafts.AsNoTracking().OrderBy(d => d.CardId).ToListAsync(cancellationToken);

    /// <summary>
    /// Saves <paramref name="yaml"/> as the card's draft. Refused when the card file no longer has
    /// <paramref name="baseHash"/> (someone published since the editor opened it), or when
    /// <paramref name="expectedDraftHash"/> is given and the stored draft is not that one (someone else
    /// saved a draft meanwhile; "" means the editor saw no draft). The draft's text is not validated:
    /// a draft may be unfinished, publishing checks it.
    /// </summary>
    public async Task<DraftSaveResult> SaveAsync(string cardId, string yaml, string author, string source, string baseHash,
        CancellationToken cancellationToken, string? expectedDraftHash = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        if (!CardFolder.IsCardId(cardId))
        {
            return new DraftSaveResult(DraftOutcome.Rejected, $"'{cardId}' is not a card id: lower-case letters, digits and single hyphens.");
        }

        if (!CardDraftSources.IsKnown(source) || yaml.Length > CardFolder.MaxCardLength)
        {
            return new DraftSaveResult(DraftOutcome.Rejected, yaml.Length > CardFolder.MaxCardLength
                ? $"The card is longer than {CardFolder.MaxCardLength} characters." : $"Unknown draft source '{source}'.");
        }

        if (folder.CurrentHash(cardId) != (baseHash ?? ""))
        {
            return new DraftSaveResult(DraftOutcome.Conflict, "The card was published by someone else after you opened it. Open it again to see the new version; your text was not saved.");
        }

        var draft = await db.CardDrafts.FirstOrDefaultAsync(d => d.CardId == cardId, cancellationToken);
        if (expectedDraftHash is not null && CardFolder.Hash(draft?.Yaml) != expectedDraftHash)
        {
            return new DraftSaveResult(DraftOutcome.Conflict, $"{draft?.Author ?? "Someone"} saved or published this card's draft after you opened it. Open it again to see their version; your text was not saved.");
        }

        draft ??= db.CardDrafts.Add(new CardDraftRecord { CardId = cardId, Yaml = "", Author = author, UpdatedAt = clock.GetUtcNow(), Source = source }).Entity;
        draft.Yaml = yaml;
        draft.Author = author;
        draft.Source = source;
        draft.BaseHash = baseHash ?? "";
        draft.UpdatedAt = clock.GetUtcNow();
        db.StaffActions.Add(CardEditLog.Entry(clock, author, "card_draft_saved", cardId, source));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two first drafts of one card at once: the unique index keeps the other one.
            return new DraftSaveResult(DraftOutcome.Conflict, "Someone else saved a draft of this card at the same moment. Open it again to see their version.");
        }

        return new DraftSaveResult(DraftOutcome.Saved, "Draft saved.", draft);
    }

    public async Task<bool> DiscardAsync(string cardId, string author, CancellationToken cancellationToken)
    {
        var draft = await db.CardDrafts.FirstOrDefaultAsync(d => d.CardId == cardId, cancellationToken);
        if (draft is null)
        {
            return false;
        }

        db.CardDrafts.Remove(draft);
        db.StaffActions.Add(CardEditLog.Entry(clock, author, "card_draft_discarded", cardId));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}

/// <summary>Entries the card editor writes to the staff action log.</summary>
internal static class CardEditLog
{
    public static StaffActionRecord Entry(TimeProvider clock, string author, string action, string cardId, string? detail = null) => new()
    {
        At = clock.GetUtcNow(),
        UserName = author.Length > 64 ? author[..64] : author,
        Action = action,
        Subject = ("card:" + cardId) is var subject && subject.Length > 64 ? subject[..64] : subject,
        Detail = detail is { Length: > 500 } ? detail[..500] : detail,
    };
}
