using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Asystent.Bot.IntegrationTests;

/// <summary>A conversation with the assistant over Direct Line, as a client would hold it: say something, get the reply to it.</summary>
internal sealed class DirectLineChat(HttpClient client, string conversationId) : IDisposable
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public string Id => conversationId;

    public HttpClient Client => client;

    public static async Task<DirectLineChat> StartAsync(AssistantFactory factory, string locale = "pl-PL")
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AssistantFactory.DirectLineSecret);
        using var started = await client.PostAsJsonAsync("/v3/directline/conversations", new { user = new { id = "resident" }, locale }, Token);
        var conversationId = (await started.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("conversationId").GetString()!;
        return new DirectLineChat(client, conversationId);
    }

    /// <summary>Sends a message without waiting for a reply (while a clerk has the conversation, the assistant gives none); returns its id.</summary>
    public async Task<string> PostAsync(string text)
    {
        using var posted = await client.PostAsJsonAsync($"/v3/directline/conversations/{conversationId}/activities",
            new { type = "message", from = new { id = "resident" }, text }, Token);
        return (await posted.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("id").GetString()!;
    }

    /// <summary>Every activity of the conversation so far.</summary>
    public async Task<List<JsonElement>> ActivitiesAsync()
    {
        var set = await client.GetFromJsonAsync<JsonElement>($"/v3/directline/conversations/{conversationId}/activities", Token);
        return set.GetProperty("activities").EnumerateArray().ToList();
    }

    /// <summary>
    /// The stored transcript, once the background writer has stored everything said so far, and with it
    /// the dialogue state (a turn's state is queued before its replies, and a batch is one transaction).
    /// </summary>
    public async Task<List<string>> StoredTranscriptAsync(AssistantFactory factory)
    {
        var expected = (await ActivitiesAsync()).Count;
        var stored = await factory.StoredTranscriptAsync(conversationId, expected);
        return stored.Count >= expected ? stored : throw new TimeoutException($"the transcript of {conversationId} was not stored");
    }

    /// <summary>Waits for an activity that <paramref name="wanted"/> accepts (a message the assistant or a clerk sends unprompted).</summary>
    public async Task<JsonElement> WaitForAsync(Func<JsonElement, bool> wanted, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if ((await ActivitiesAsync()).Where(wanted).ToList() is [.., var found])
            {
                return found;
            }

            await Task.Delay(50, Token);
        }

        throw new TimeoutException($"no activity: {what}");
    }

    public async Task<JsonElement> SayAsync(string text)
    {
        var id = await PostAsync(text);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            var set = await client.GetFromJsonAsync<JsonElement>($"/v3/directline/conversations/{conversationId}/activities", Token);
            foreach (var activity in set.GetProperty("activities").EnumerateArray())
            {
                if (activity.TryGetProperty("replyToId", out var r) && r.GetString() == id)
                {
                    return activity;
                }
            }

            await Task.Delay(50, Token);
        }

        throw new TimeoutException($"no reply to '{text}'");
    }

    public static string Text(JsonElement reply) => reply.GetProperty("text").GetString()!;

    public static List<string> Actions(JsonElement reply) =>
        reply.TryGetProperty("suggestedActions", out var actions)
            ? actions.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("title").GetString()!).ToList()
            : [];

    public void Dispose() => client.Dispose();
}
