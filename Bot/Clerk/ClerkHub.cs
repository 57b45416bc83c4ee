using Asystent.Bot.Handoff;
using Asystent.Bot.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Asystent.Bot.Clerk;

/// <summary>
/// The clerk console's live connection (SignalR, signed-in staff only). The server sends "changed"
/// when queues or callbacks change (the console asks for its own view again, so it only ever gets
/// its units), "message" with a resident's words in an opened conversation, and "ended" when the
/// resident leaves. A connected clerk counts as available for their units' queues.
/// </summary>
[Authorize(Policy = StaffEndpoints.DeskPolicy)]
public sealed class ClerkHub(ClerkDesk desk, ClerkPresence presence, HandoffQueues queue) : Hub
{
    public static string Group(long handoffId) => $"handoff-{handoffId}";

    private StaffUser Clerk => StaffUser.From(Context.User!) ?? throw new HubException("Zaloguj się ponownie.");

    public override async Task OnConnectedAsync()
    {
        presence.Connected(Context.ConnectionId, Clerk);
        await base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        presence.Disconnected(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    public Task<ClerkSnapshot> Snapshot() => desk.SnapshotAsync(Clerk, Context.ConnectionAborted);

    public async Task<HandoffView> Open(long handoffId)
    {
        var view = await desk.OpenAsync(Clerk, handoffId, Context.ConnectionAborted);
        await Groups.AddToGroupAsync(Context.ConnectionId, Group(handoffId), Context.ConnectionAborted);
        return view;
    }

    public async Task<HandoffView> Accept(long handoffId)
    {
        await desk.AcceptAsync(Clerk, handoffId, Context.ConnectionAborted);
        return await Open(handoffId);
    }

    public Task Reply(long handoffId, string text) => desk.ReplyAsync(Clerk, handoffId, text, Context.ConnectionAborted);

    public async Task HandBack(long handoffId)
    {
        await desk.FinishAsync(Clerk, handoffId, close: false, Context.ConnectionAborted);
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, Group(handoffId), Context.ConnectionAborted);
    }

    public async Task Close(long handoffId)
    {
        await desk.FinishAsync(Clerk, handoffId, close: true, Context.ConnectionAborted);
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, Group(handoffId), Context.ConnectionAborted);
    }

    public Task CallbackDone(long callbackId) => desk.CallbackDoneAsync(Clerk, callbackId, Context.ConnectionAborted);

    /// <summary>Whether the clerk's units take conversations now (hours), for the console's status line.</summary>
    public bool TakingConversations() => Clerk.Units.Count == 0 ? queue.IsOpen(queue.InformationDesk) : Clerk.Units.Any(queue.IsOpen);
}
