using System.Data.Common;
using Asystent.KnowledgeBase.Notifications;
using Asystent.KnowledgeBase.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Asystent.KnowledgeBase.Privacy;

/// <summary>What one sweep removed.</summary>
public sealed record RetentionResult(int Conversations, int DialogueStates, int SearchRecords, int CallbackRequests, int PastVisits, int Notifications, int CaseWatches, int AnalyticsEvents)
{
    public int Total => Conversations + DialogueStates + SearchRecords + CallbackRequests + PastVisits + Notifications + CaseWatches + AnalyticsEvents;
}

/// <summary>
/// Removes personal data older than <see cref="RetentionOptions"/> allow, as of a given time (the
/// worker passes its clock, tests a moved one). Columns of type DateTimeOffset are compared in SQL
/// as the engine stores them (on SQLite as text; every one is written in UTC, so text order is time order).
/// </summary>
public sealed class RetentionSweeper(AssistantDbContext db, IOptions<RetentionOptions> options)
{
    public async Task<RetentionResult> SweepAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var conversations = o.TranscriptDays <= 0 ? 0 : await DeleteConversationsAsync(Cutoff(now, o.TranscriptDays), cancellationToken);
        var states = o.DialogueStateDays <= 0 ? 0 : await db.Database.ExecuteSqlRawAsync(
            "UPDATE conversations SET \"StateJson\" = NULL WHERE \"StateJson\" IS NOT NULL AND \"UpdatedAt\" < @cutoff", [Cutoff(now, o.DialogueStateDays)], cancellationToken);
        var searches = o.SearchRecordDays <= 0 ? 0 : await db.Database.ExecuteSqlRawAsync(
            "DELETE FROM search_queries WHERE \"AskedAt\" < @cutoff", [Cutoff(now, o.SearchRecordDays)], cancellationToken);
        var callbacks = o.CallbackRequestDays <= 0 ? 0 : await db.Database.ExecuteSqlRawAsync(
            "DELETE FROM callback_requests WHERE \"CreatedAt\" < @cutoff", [Cutoff(now, o.CallbackRequestDays)], cancellationToken);

        var visitCutoff = now.UtcDateTime.AddDays(-o.PastVisitDays);
        var visits = o.PastVisitDays <= 0 ? 0 : await db.Appointments
            .Where(a => a.StartsAt < visitCutoff && (a.Name != "" || a.Phone != null || a.Email != null))
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.Name, "").SetProperty(a => a.Phone, (string?)null).SetProperty(a => a.Email, (string?)null), cancellationToken);

        var noticeCutoff = now.UtcDateTime.AddDays(-o.NotificationDays);
        var notices = o.NotificationDays <= 0 ? 0 : await db.Outbox
            .Where(m => m.NotBefore < noticeCutoff && m.Status != OutboxStatus.Pending)
            .ExecuteDeleteAsync(cancellationToken);

        var watches = o.CaseWatchDays <= 0 ? 0 : await db.Database.ExecuteSqlRawAsync(
            "DELETE FROM case_watches WHERE (\"NotifiedAt\" IS NOT NULL AND \"NotifiedAt\" < @cutoff) OR \"ConsentAt\" < @consent",
            [Cutoff(now, o.NotificationDays), Cutoff(now, o.CaseWatchDays, "@consent")], cancellationToken);

        var analyticsCutoff = now.UtcDateTime.AddDays(-o.AnalyticsEventDays);
        var events = o.AnalyticsEventDays <= 0 ? 0 : await db.AnalyticsEvents.Where(e => e.At < analyticsCutoff).ExecuteDeleteAsync(cancellationToken);
        return new RetentionResult(conversations, states, searches, callbacks, visits, notices, watches, events);
    }

    private async Task<int> DeleteConversationsAsync(DbParameter cutoff, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync(
            "DELETE FROM conversation_activities WHERE \"ConversationId\" IN (SELECT \"Id\" FROM conversations WHERE \"UpdatedAt\" < @cutoff)", [Copy(cutoff)], cancellationToken);
        var deleted = await db.Database.ExecuteSqlRawAsync("DELETE FROM conversations WHERE \"UpdatedAt\" < @cutoff", [Copy(cutoff)], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }

    // A time as the engine compares it (on SQLite, the text EF Core writes for a DateTimeOffset).
    private DbParameter Cutoff(DateTimeOffset now, int days, string name = "@cutoff") => StorageDialect.Of(db.Database).Parameter(name, now.AddDays(-days));

    private DbParameter Copy(DbParameter cutoff) => StorageDialect.Of(db.Database).Parameter(cutoff.ParameterName, cutoff.Value);
}
