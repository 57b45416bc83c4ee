using System.Net;
using System.Text.Json;
using Asystent.Bot.Handoff;
using Asystent.KnowledgeBase;
using Asystent.KnowledgeBase.Handoff;
using Asystent.KnowledgeBase.Search;
using Asystent.KnowledgeBase.Storage;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static Asystent.Bot.IntegrationTests.DirectLineChat;

namespace Asystent.Bot.IntegrationTests;

/// <summary>
/// Handing a conversation to a person: consent first, the unit's queue with the place and the wait,
/// a clerk (the real SignalR client) who takes over, replies and hands back; callback requests when
/// nobody is free; and a clerk kept to their own units. The tests of this class run one at a time,
/// so who is online is what each test makes it.
/// </summary>
public sealed class HandoffTests(AssistantFactory factory)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static bool IsEvent(JsonElement activity, string name) =>
        activity.GetProperty("type").GetString() == "event" && activity.GetProperty("name").GetString() == name;

    private static bool IsMessageContaining(JsonElement activity, string text) =>
        activity.GetProperty("type").GetString() == "message" && activity.TryGetProperty("text", out var t) && t.GetString()!.Contains(text, StringComparison.Ordinal);

    /// <summary>Asks for a person, agrees, and returns the id of the queue entry (from the handoff.initiate event) and the reply.</summary>
    private static async Task<(long HandoffId, JsonElement Queued)> QueueAsync(DirectLineChat chat)
    {
        var consent = await chat.SayAsync("chcę rozmawiać z człowiekiem");
        Assert.Equal(["Tak, połącz", "Nie, dziękuję"], Actions(consent));
        var queued = await chat.SayAsync("Tak, połącz");
        var initiation = await chat.WaitForAsync(a => IsEvent(a, HandoffEvents.Initiate), "handoff.initiate");
        return (initiation.GetProperty("value").GetProperty("handoffId").GetInt64(), queued);
    }

    private async Task<T> WithDbAsync<T>(Func<AssistantDbContext, Task<T>> work)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AssistantDbContext>());
    }

    [Fact]
    public async Task Asking_for_a_person_asks_consent_first_and_no_keeps_the_assistant()
    {
        using var chat = await StartAsync(factory);
        var consent = await chat.SayAsync("chcę rozmawiać z człowiekiem");
        Assert.Contains("Połączyć?", Text(consent), StringComparison.Ordinal);
        Assert.Contains("Punkt Informacyjny", Text(consent), StringComparison.OrdinalIgnoreCase);

        Assert.Contains("O co chcesz zapytać?", Text(await chat.SayAsync("Nie, dziękuję")), StringComparison.Ordinal);
        Assert.False(await WithDbAsync(db => db.Handoffs.AnyAsync(h => h.ConversationId == chat.Id, Token)));

        // A new question instead of an answer is simply answered.
        using var english = await StartAsync(factory, "en-US");
        await english.SayAsync("I want to talk to a human");
        Assert.Contains("passport", Text(await english.SayAsync("how do I get a passport for my child")), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_clerk_takes_over_replies_and_hands_back_to_the_assistant()
    {
        await using var anna = await ClerkConsole.SignInAsync(factory, "anna");
        using var chat = await StartAsync(factory);
        Assert.Contains("Wydział Komunikacji", Text(await chat.SayAsync("gdzie zarejestrować samochód z Niemiec")), StringComparison.Ordinal);
        var (id, queued) = await QueueAsync(chat);
        Assert.Contains("Jesteś 1. w kolejce", Text(queued), StringComparison.Ordinal);
        Assert.Equal(["Wyjdź z kolejki"], Actions(queued));

        // The clerk sees it in the vehicle unit's queue, with the question asked so far (masked).
        var waiting = (await anna.SnapshotAsync()).GetProperty("waiting").EnumerateArray().Single(w => w.GetProperty("id").GetInt64() == id);
        Assert.Equal("KT", waiting.GetProperty("unit").GetString());
        var view = await anna.Hub.InvokeAsync<JsonElement>("Open", id, Token);
        Assert.Contains(view.GetProperty("transcript").EnumerateArray(), l => l.GetProperty("text").GetString()!.Contains("samochód z Niemiec", StringComparison.Ordinal));

        // What the resident writes while waiting reaches the console, personal data masked.
        var waitingReply = await chat.SayAsync("mój PESEL to 44051401359");
        Assert.Contains("w kolejce", Text(waitingReply), StringComparison.Ordinal);
        var seen = await anna.MessageAsync(id);
        Assert.DoesNotContain("44051401359", seen, StringComparison.Ordinal);

        var accepted = await anna.Hub.InvokeAsync<JsonElement>("Accept", id, Token);
        Assert.Equal("active", accepted.GetProperty("item").GetProperty("state").GetString());
        Assert.Contains(accepted.GetProperty("canned").EnumerateArray(), c => c.GetProperty("label").GetString() == "Opłaty");
        await chat.WaitForAsync(a => IsMessageContaining(a, "jest już w rozmowie"), "the clerk joined");
        var status = await chat.WaitForAsync(a => IsEvent(a, HandoffEvents.Status), "handoff.status accepted");
        Assert.Equal("accepted", status.GetProperty("value").GetProperty("state").GetString());

        // Now the assistant is silent and the clerk answers.
        var question = await chat.PostAsync("czy potrzebuję tłumaczenia umowy?");
        Assert.Equal("czy potrzebuję tłumaczenia umowy?", await WaitForLineAsync(anna, id, "tłumaczenia"));
        await anna.Hub.InvokeAsync("Reply", id, "Tak, umowa po niemiecku wymaga tłumaczenia przysięgłego.", Token);
        var answer = await chat.WaitForAsync(a => IsMessageContaining(a, "tłumaczenia przysięgłego"), "the clerk's reply");
        Assert.Equal("clerk:anna", answer.GetProperty("from").GetProperty("id").GetString());
        Assert.DoesNotContain(await chat.ActivitiesAsync(), a => a.TryGetProperty("replyToId", out var r) && r.GetString() == question);

        await anna.Hub.InvokeAsync("HandBack", id, Token);
        await chat.WaitForAsync(a => IsMessageContaining(a, "z powrotem do mnie"), "handed back");
        await chat.WaitForAsync(a => IsEvent(a, HandoffEvents.Status) && a.GetProperty("value").GetProperty("state").GetString() == "completed", "handoff.status completed");
        // The assistant answers again, still about the same card.
        Assert.Contains("161,50 zł", Text(await chat.SayAsync("ile to kosztuje?")), StringComparison.Ordinal);

        var actions = await WithDbAsync(db => db.StaffActions.Where(a => a.Subject == $"handoff:{id}").Select(a => a.Action).ToListAsync(Token));
        Assert.Equal(["accepted", "replied", "handed_back"], actions);
        var record = await WithDbAsync(db => db.Handoffs.SingleAsync(h => h.Id == id, Token));
        Assert.Equal((HandoffStates.Completed, "anna"), (record.State, record.AcceptedBy));
    }

    private static async Task<string> WaitForLineAsync(ClerkConsole console, long id, string containing)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (console.Messages.FirstOrDefault(m => m.HandoffId == id && m.Text.Contains(containing, StringComparison.Ordinal)) is { Text: { } text })
            {
                return text;
            }

            await Task.Delay(50, Token);
        }

        throw new TimeoutException($"no line with '{containing}'");
    }

    [Fact]
    public async Task The_queue_tells_each_person_their_place_updates_it_and_lets_them_leave()
    {
        await using var office = await ClerkConsole.SignInAsync(factory, "kierownik");
        using var first = await StartAsync(factory);
        using var second = await StartAsync(factory);
        var (firstId, _) = await QueueAsync(first);
        var (secondId, secondQueued) = await QueueAsync(second);
        Assert.Contains("Jesteś 2. w kolejce", Text(secondQueued), StringComparison.Ordinal);

        // The first leaves: told so, with the handoff failed on the stream, and the second moves up.
        Assert.Contains("Kolejka opuszczona", Text(await first.SayAsync("Wyjdź z kolejki")), StringComparison.Ordinal);
        await first.WaitForAsync(a => IsEvent(a, HandoffEvents.Status) && a.GetProperty("value").GetProperty("state").GetString() == "failed", "handoff.status failed");
        await second.WaitForAsync(a => IsMessageContaining(a, "Jesteś 1. w kolejce"), "the new place");
        Assert.Equal(HandoffStates.Left, await WithDbAsync(db => db.Handoffs.Where(h => h.Id == firstId).Select(h => h.State).SingleAsync(Token)));

        // A clerk who comes second to an accepted conversation is told it is taken.
        await using var twice = await ClerkConsole.SignInAsync(factory, "kierownik");
        await office.Hub.InvokeAsync<JsonElement>("Accept", secondId, Token);
        var taken = await Assert.ThrowsAsync<HubException>(() => twice.Hub.InvokeAsync<JsonElement>("Accept", secondId, Token));
        Assert.Contains("przejął już inny pracownik", taken.Message, StringComparison.Ordinal);

        // The resident ends the chat themselves.
        Assert.Contains("zakończona", Text(await second.SayAsync("Zakończ rozmowę")), StringComparison.Ordinal);
        Assert.Empty((await office.SnapshotAsync()).GetProperty("mine").EnumerateArray());
    }

    [Fact]
    public async Task With_nobody_online_a_callback_request_is_taken_and_clerks_mark_it_done()
    {
        using var chat = await StartAsync(factory);
        await chat.SayAsync("chcę rozmawiać z człowiekiem");
        var offer = await chat.SayAsync("Tak, połącz");
        Assert.Contains("prośbę o kontakt", Text(offer), StringComparison.Ordinal);
        Assert.Contains("numer telefonu", Text(offer), StringComparison.Ordinal);
        Assert.Contains("Nie rozpoznaję", Text(await chat.SayAsync("nie wiem")), StringComparison.Ordinal);
        var when = await chat.SayAsync("mój numer 601 234 567");
        Assert.Contains("Kiedy najlepiej", Text(when), StringComparison.Ordinal);
        Assert.Contains("Jak najszybciej", Actions(when));
        Assert.Contains("W jakiej sprawie", Text(await chat.SayAsync("Jak najszybciej")), StringComparison.Ordinal);
        // Read back before saving; saved only on "yes".
        var readBack = await chat.SayAsync("zgubiłem dowód rejestracyjny");
        Assert.Contains("Sprawdź, proszę: oddzwonimy pod +48 601 234 567, Jak najszybciej, w sprawie: zgubiłem dowód rejestracyjny", Text(readBack), StringComparison.Ordinal);
        Assert.Contains("Tak, zapisz", Actions(readBack));
        var saved = Text(await chat.SayAsync("Tak, zapisz"));
        Assert.Contains("zapisana", saved, StringComparison.Ordinal);

        var request = await WithDbAsync(db => db.CallbackRequests.SingleAsync(c => c.ConversationId == chat.Id, Token));
        Assert.Equal(("+48601234567", "Jak najszybciej", "zgubiłem dowód rejestracyjny", "BOM"), (request.Contact, request.PreferredTime, request.Topic, request.Unit));
        // The transcript keeps the resident's number nowhere, neither as typed nor as read back
        // (the assistant's own example number, 600 123 456 in its hint, is office text and stays).
        var transcript = await WithDbAsync(db => db.ConversationActivities.Where(a => a.ConversationId == chat.Id).Select(a => a.Json).ToListAsync(Token));
        Assert.DoesNotContain(transcript, json => json.Contains("601 234 567", StringComparison.Ordinal) || json.Contains("601234567", StringComparison.Ordinal));

        await using var office = await ClerkConsole.SignInAsync(factory, "kierownik");
        var listed = (await office.SnapshotAsync()).GetProperty("callbacks").EnumerateArray().Single(c => c.GetProperty("id").GetInt64() == request.Id);
        Assert.Equal("+48601234567", listed.GetProperty("contact").GetString());
        await office.Hub.InvokeAsync("CallbackDone", request.Id, Token);
        Assert.DoesNotContain((await office.SnapshotAsync()).GetProperty("callbacks").EnumerateArray(), c => c.GetProperty("id").GetInt64() == request.Id);
        Assert.Equal("kierownik", (await WithDbAsync(db => db.CallbackRequests.SingleAsync(c => c.Id == request.Id, Token))).DoneBy);
    }

    [Fact]
    public async Task A_clerk_reaches_only_their_units_and_anonymous_access_is_refused()
    {
        await using var office = await ClerkConsole.SignInAsync(factory, "kierownik");
        await using var anna = await ClerkConsole.SignInAsync(factory, "anna");
        using var chat = await StartAsync(factory);
        var (id, _) = await QueueAsync(chat);

        // Information-desk conversation: the vehicle-unit clerk neither sees, opens nor takes it.
        Assert.DoesNotContain((await anna.SnapshotAsync()).GetProperty("waiting").EnumerateArray(), w => w.GetProperty("id").GetInt64() == id);
        var refused = await Assert.ThrowsAsync<HubException>(() => anna.Hub.InvokeAsync<JsonElement>("Open", id, Token));
        Assert.Contains("Brak dostępu", refused.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<HubException>(() => anna.Hub.InvokeAsync<JsonElement>("Accept", id, Token));
        await Assert.ThrowsAsync<HubException>(() => anna.Hub.InvokeAsync("Reply", id, "hej", Token));
        Assert.True(await WithDbAsync(db => db.StaffActions.AnyAsync(a => a.UserName == "anna" && a.Action == "refused" && a.Subject == $"handoff:{id}", Token)));
        Assert.Contains(chat.Id, await WithDbAsync(db => db.Handoffs.Where(h => h.Id == id && h.State == HandoffStates.Waiting).Select(h => h.ConversationId).ToListAsync(Token)));
        await chat.SayAsync("Wyjdź z kolejki");

        using var anonymous = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var negotiate = await anonymous.PostAsync("/clerk/hub/negotiate?negotiateVersion=1", null, Token);
        Assert.Equal(HttpStatusCode.Unauthorized, negotiate.StatusCode);
        using var page = await anonymous.GetAsync("/clerk", Token);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/staff/signin", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Queues_take_conversations_only_in_the_units_hours_and_with_a_clerk_online()
    {
        var clock = new FakeTimeProvider();
        var presence = new ClerkPresence();
        var queues = new HandoffQueues(factory.Services.GetRequiredService<IServiceScopeFactory>(), presence, factory.Services.GetRequiredService<IHubContext<Clerk.ClerkHub>>(),
            factory.Services.GetRequiredService<CardSearchService>(), factory.Services.GetRequiredService<KnowledgeBaseOptions>(),
            Options.Create(new HandoffOptions()), clock, new Lazy<Channels.ConversationDelivery>(() => throw new InvalidOperationException()),
            factory.Services.GetRequiredService<Analytics.AnalyticsLog>());

        // Monday 10:00 in Warsaw (UTC+1 in winter).
        clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal(new HandoffRoute(null, false), queues.Route("KT"));
        presence.Connected("c1", new Staff.StaffUser("anna", "clerk", ["KT"]));
        Assert.Equal(new HandoffRoute("KT", false), queues.Route("KT"));
        Assert.Equal(new HandoffRoute(null, false), queues.Route("BP"));
        presence.Connected("c2", new Staff.StaffUser("ewa", "clerk", ["BOM"]));
        Assert.Equal(new HandoffRoute("BOM", false), queues.Route("BP"));

        // A weekday evening, a Sunday and a public holiday (Christmas): closed, a callback instead.
        clock.SetUtcNow(new DateTimeOffset(2026, 11, 24, 20, 0, 0, TimeSpan.Zero));
        Assert.Equal(new HandoffRoute(null, true), queues.Route("KT"));
        clock.SetUtcNow(new DateTimeOffset(2026, 11, 29, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal(new HandoffRoute(null, true), queues.Route("KT"));
        clock.SetUtcNow(new DateTimeOffset(2026, 12, 25, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal(new HandoffRoute(null, true), queues.Route("KT"));
        presence.Disconnected("c1");
        presence.Disconnected("c2");
    }

    [Fact]
    public async Task A_clerk_answers_a_Messenger_user_through_the_send_api()
    {
        await using var office = await ClerkConsole.SignInAsync(factory, "kierownik");
        var psid = MessengerTests.NewPsid();
        await MessengerSaysAsync(psid, 1, "chcę rozmawiać z człowiekiem");
        Assert.Contains("Połączyć?", await MessengerLastAsync(psid, 1), StringComparison.Ordinal);
        await MessengerSaysAsync(psid, 2, "Tak, połącz");
        Assert.Contains("w kolejce", await MessengerLastAsync(psid, 2), StringComparison.Ordinal);

        var id = await WithDbAsync(db => db.Handoffs.Where(h => h.ConversationId == $"messenger:{psid}").Select(h => h.Id).SingleAsync(Token));
        await office.Hub.InvokeAsync<JsonElement>("Accept", id, Token);
        Assert.Contains("jest już w rozmowie", await MessengerLastAsync(psid, 3), StringComparison.Ordinal);
        await MessengerSaysAsync(psid, 3, "czy mogę przyjść jutro?");
        Assert.Contains("jutro", await WaitForLineAsync(office, id, "jutro"), StringComparison.Ordinal);
        await office.Hub.InvokeAsync("Reply", id, "Tak, zapraszamy jutro od 7:30.", Token);
        Assert.Equal("Tak, zapraszamy jutro od 7:30.", await MessengerLastAsync(psid, 4));
        // Replies answer the person; the joining notice is the page's own update (both inside the 24-hour window).
        var types = factory.Graph.Received.Where(r => r.Psid == psid && r.Body.TryGetProperty("message", out _))
            .Select(r => r.Body.GetProperty("messaging_type").GetString()).Take(4).ToList();
        Assert.Equal(["RESPONSE", "RESPONSE", "UPDATE", "RESPONSE"], types);
        await office.Hub.InvokeAsync("Close", id, Token);
        Assert.Contains("zakończył rozmowę", await MessengerLastAsync(psid, 5), StringComparison.Ordinal);
    }

    private async Task MessengerSaysAsync(string psid, int number, string text)
    {
        var body = System.Text.Encoding.UTF8.GetBytes(MessengerTests.Delivery((psid, $"mid.{psid}.{number}", text)));
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messenger") { Content = content };
        request.Headers.Add("X-Hub-Signature-256", MessengerTests.Sign(body));
        using var response = await client.SendAsync(request, Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<string> MessengerLastAsync(string psid, int count) =>
        (await factory.Graph.MessagesToAsync(psid, count))[count - 1].GetProperty("text").GetString()!;
}
