using Asystent.Bot.Channels;
using Asystent.Bot.Channels.Activities;
using Asystent.Bot.Clerk;
using Asystent.Bot.Conversation;
using Asystent.Bot.Conversation.Handoff;
using Asystent.KnowledgeBase;
using Asystent.KnowledgeBase.Appointments;
using Asystent.KnowledgeBase.Handoff;
using Asystent.KnowledgeBase.Languages;
using Asystent.KnowledgeBase.Privacy;
using Asystent.KnowledgeBase.Search;
using Asystent.KnowledgeBase.Storage;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Asystent.Bot.Handoff;

/// <summary>Where a request for a person goes: a unit's queue, or no live queue (and why) so a callback is offered.</summary>
public sealed record HandoffRoute(string? Unit, bool OfficeClosed);

/// <summary>A place in a queue: the position (1 = next) and the expected wait in minutes.</summary>
public sealed record QueuePlace(int Position, int Minutes);

/// <summary>
/// The units' queues of conversations waiting for a clerk, and callback requests, in the database;
/// the resident's side of them (join, place, leave, say something to the clerk). Clerks' consoles
/// are told of every change.
/// </summary>
public sealed class HandoffQueues(IServiceScopeFactory scopes, ClerkPresence presence, IHubContext<ClerkHub> hub, CardSearchService search,
    KnowledgeBaseOptions knowledgeBase, IOptions<HandoffOptions> options, TimeProvider clock, Lazy<ConversationDelivery> delivery, Analytics.AnalyticsLog analytics)
{
    // Delivery is lazy because it reaches the turn pipeline, whose dialogues reach these queues.

    private readonly TimeZoneInfo officeTime = TimeZoneInfo.FindSystemTimeZoneById(knowledgeBase.TimeZone);

    public string InformationDesk => options.Value.InformationDesk;

    /// <summary>The unit's queue when it is open and has a clerk online, else the information desk's, else none.</summary>
    public HandoffRoute Route(string? unit)
    {
        var candidates = new[] { unit ?? InformationDesk, InformationDesk }.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        foreach (var candidate in candidates.Where(c => IsOpen(c) && presence.Available(c) > 0))
        {
            return new HandoffRoute(candidate, false);
        }

        return new HandoffRoute(null, !candidates.Any(IsOpen));
    }

    /// <summary>Whether the unit takes conversations now: in its opening hours on a working day (or always, when so configured).</summary>
    public bool IsOpen(string unit)
    {
        if (options.Value.LiveChatOutsideHours)
        {
            return true;
        }

        return search.Catalogue.Office.FindUnit(unit) is { } found && OpeningHours.IsOpenAt(found.Hours, TimeZoneInfo.ConvertTime(clock.GetUtcNow(), officeTime));
    }

    /// <summary>Puts the conversation in the unit's queue (or returns its place there when it already waits).</summary>
    public async Task<HandoffRecord> EnqueueAsync(string conversationKey, string channel, string unit, string? cardId, string language, string reason, CancellationToken cancellationToken)
    {
        HandoffRecord handoff;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AssistantDbContext>();
            var existing = await db.Handoffs.FirstOrDefaultAsync(h => h.ConversationId == conversationKey
                && (h.State == HandoffStates.Waiting || h.State == HandoffStates.Active), cancellationToken);
            if (existing is not null)
            {
                return existing;
            }

            handoff = new HandoffRecord
            {
                ConversationId = conversationKey, Channel = channel, Unit = unit, CardId = cardId, Language = language,
                Reason = reason, State = HandoffStates.Waiting, RequestedAt = clock.GetUtcNow(),
            };
            db.Handoffs.Add(handoff);
            await db.SaveChangesAsync(cancellationToken);
        }

        analytics.Record(KnowledgeBase.Analytics.AnalyticsKinds.Handoff, channel, language, conversationKey, cardId);

        await ChangedAsync();
        return handoff;
    }

    /// <summary>The conversation's place in its unit's queue; null once it no longer waits.</summary>
    public async Task<QueuePlace?> PlaceAsync(long handoffId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AssistantDbContext>();
        var handoff = await db.Handoffs.AsNoTracking().FirstOrDefaultAsync(h => h.Id == handoffId, cancellationToken);
        if (handoff is not { State: HandoffStates.Waiting })
        {
            return null;
        }

        var ahead = await db.Handoffs.CountAsync(h => h.Unit == handoff.Unit && h.State == HandoffStates.Waiting && h.Id < handoff.Id, cancellationToken);
        var position = ahead + 1;
        var perConversation = await MinutesPerConversationAsync(db, handoff.Unit, cancellationToken);
        return new QueuePlace(position, (int)Math.Ceiling(position * perConversation / Math.Max(1, presence.Available(handoff.Unit))));
    }

    /// <summary>The resident leaves: from the queue before a clerk came, or ends the talk with the clerk.</summary>
    public async Task LeaveAsync(long handoffId, CancellationToken cancellationToken)
    {
        string unit;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AssistantDbContext>();
            var handoff = await db.Handoffs.FirstOrDefaultAsync(h => h.Id == handoffId, cancellationToken);
            if (handoff is null || handoff.State is HandoffStates.Completed or HandoffStates.Left)
            {
                return;
            }

            unit = handoff.Unit;
            handoff.State = handoff.State == HandoffStates.Active ? HandoffStates.Completed : HandoffStates.Left;
            handoff.EndedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
        }

        await hub.Clients.Group(ClerkHub.Group(handoffId)).SendAsync("ended", handoffId, cancellationToken);
        await ChangedAsync();
        await TellPlacesAsync(unit, cancellationToken);
    }

    /// <summary>Tells everyone still waiting in the unit's queue where they are now (after someone ahead was taken or left).</summary>
    public async Task TellPlacesAsync(string unit, CancellationToken cancellationToken)
    {
        List<HandoffRecord> waiting;
        await using (var scope = scopes.CreateAsyncScope())
        {
            waiting = await scope.ServiceProvider.GetRequiredService<AssistantDbContext>().Handoffs.AsNoTracking()
                .Where(h => h.Unit == unit && h.State == HandoffStates.Waiting).OrderBy(h => h.Id).ToListAsync(cancellationToken);
        }

        foreach (var handoff in waiting)
        {
            if (await PlaceAsync(handoff.Id, cancellationToken) is { } place)
            {
                var language = Languages.TryParse(handoff.Language, out var parsed) ? parsed : Language.Pl;
                var actions = new SuggestedActions { Actions = [Replies.ImBack(HandoffPhrases.Get("leave_queue", language))] };
                await delivery.Value.SendAsync(handoff.ConversationId, handoff.Channel,
                    [Replies.Message(HandoffPhrases.Place(place, language), language, actions)], null, cancellationToken);
            }
        }
    }

    /// <summary>Shows the resident's message (masked) to the clerks who have the conversation open.</summary>
    public Task ResidentSaidAsync(long handoffId, string text, CancellationToken cancellationToken) =>
        hub.Clients.Group(ClerkHub.Group(handoffId)).SendAsync("message", handoffId,
            new TranscriptLine("resident", PersonalDataMasker.Mask(text), clock.GetUtcNow()), cancellationToken);

    /// <summary>Stores a callback request and tells the consoles; returns its number.</summary>
    public Task<long> RequestCallbackAsync(CallbackRequestRecord request, CancellationToken cancellationToken) => StoreCallbackAsync(request, once: false, cancellationToken);

    /// <summary>Stores a callback request unless its conversation (a phone call, whose key may be pressed again) already left one open.</summary>
    public Task<long> RequestCallbackOnceAsync(CallbackRequestRecord request, CancellationToken cancellationToken) => StoreCallbackAsync(request, once: true, cancellationToken);

    private async Task<long> StoreCallbackAsync(CallbackRequestRecord request, bool once, CancellationToken cancellationToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AssistantDbContext>();
            if (once && request.ConversationId is { } conversation
                && await db.CallbackRequests.FirstOrDefaultAsync(c => c.ConversationId == conversation && c.DoneAt == null, cancellationToken) is { } open)
            {
                return open.Id;
            }

            request.CreatedAt = clock.GetUtcNow();
            db.CallbackRequests.Add(request);
            await db.SaveChangesAsync(cancellationToken);
        }

        analytics.Record(KnowledgeBase.Analytics.AnalyticsKinds.Callback, request.Channel, request.Language, request.ConversationId);

        await ChangedAsync();
        return request.Id;
    }

    /// <summary>Tells every open console to fetch its view again (each sees only its units).</summary>
    public Task ChangedAsync() => hub.Clients.All.SendAsync("changed");

    // The unit's own recent figures once it has some; until then the configured guess.
    private async Task<double> MinutesPerConversationAsync(AssistantDbContext db, string unit, CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow().AddDays(-30);
        var recent = (await db.Handoffs.AsNoTracking()
            .Where(h => h.Unit == unit && h.State == HandoffStates.Completed && h.AcceptedAt != null && h.EndedAt != null)
            .OrderByDescending(h => h.Id).Take(50)
            .Select(h => new { h.RequestedAt, h.AcceptedAt, h.EndedAt })
            .ToListAsync(cancellationToken))
            .Where(h => h.RequestedAt > since)
            .ToList();
        return recent.Count < 5 ? options.Value.MinutesPerConversation
            : Math.Clamp(recent.Average(h => (h.EndedAt!.Value - h.AcceptedAt!.Value).TotalMinutes), 1, 60);
    }
}
