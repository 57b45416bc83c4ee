using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Asystent.Bot.IntegrationTests;

/// <summary>Multi-turn behaviour of the assistant, spoken to through Direct Line as a client would.</summary>
public sealed class DialogueTests(AssistantFactory factory)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private sealed class Chat(HttpClient client, string conversationId) : IDisposable
    {
        public async Task<JsonElement> SayAsync(string text)
        {
            using var posted = await client.PostAsJsonAsync($"/v3/directline/conversations/{conversationId}/activities",
                new { type = "message", from = new { id = "resident" }, text }, Token);
            var id = (await posted.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("id").GetString();
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

        public void Dispose() => client.Dispose();
    }

    private async Task<Chat> StartAsync(string locale = "pl-PL")
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AssistantFactory.DirectLineSecret);
        using var started = await client.PostAsJsonAsync("/v3/directline/conversations", new { user = new { id = "resident" }, locale }, Token);
        var conversationId = (await started.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("conversationId").GetString()!;
        return new Chat(client, conversationId);
    }

    private static string Text(JsonElement reply) => reply.GetProperty("text").GetString()!;

    private static List<string> Actions(JsonElement reply) =>
        reply.TryGetProperty("suggestedActions", out var actions)
            ? actions.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("title").GetString()!).ToList()
            : [];

    [Fact]
    public async Task A_follow_up_question_refers_to_the_card_under_discussion()
    {
        using var chat = await StartAsync();
        Assert.Contains("Karta wędkarska", Text(await chat.SayAsync("karta wędkarska")), StringComparison.Ordinal);
        var fees = Text(await chat.SayAsync("ile to kosztuje?"));
        Assert.Contains("Karta wędkarska", fees, StringComparison.Ordinal);
        Assert.Contains("10 zł", fees, StringComparison.Ordinal);
        var place = Text(await chat.SayAsync("a gdzie to jest?"));
        Assert.Contains("Budynek C", place, StringComparison.Ordinal);
        var documents = Text(await chat.SayAsync("co trzeba zabrać?"));
        Assert.Contains("zaświadczenie o zdanym egzaminie", documents, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Close_results_get_a_did_you_mean_question_and_the_choice_is_remembered()
    {
        using var chat = await StartAsync();
        var question = await chat.SayAsync("rejestracja samochodu");
        Assert.Contains("Czy chodzi o", Text(question), StringComparison.Ordinal);
        var choices = Actions(question);
        Assert.Contains("Rejestracja pojazdu sprowadzonego z zagranicy (z UE i spoza UE)", choices);
        Assert.Contains("Rejestracja nowego pojazdu kupionego w salonie", choices);

        var answer = Text(await chat.SayAsync("Rejestracja pojazdu sprowadzonego z zagranicy (z UE i spoza UE)"));
        Assert.Contains("akcyz", answer, StringComparison.Ordinal);
        Assert.Contains("256 zł", Text(await chat.SayAsync("ile to kosztuje?")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_two_misunderstandings_in_a_row_a_person_is_offered()
    {
        using var chat = await StartAsync();
        var first = Text(await chat.SayAsync("qwx zzv"));
        Assert.DoesNotContain("porozmawiać z pracownikiem", first, StringComparison.Ordinal);
        var second = await chat.SayAsync("brrr hmm");
        Assert.Contains("porozmawiać z pracownikiem", Text(second), StringComparison.Ordinal);
        Assert.Contains("Rozmowa z człowiekiem", Actions(second));
        Assert.Contains("+48 33 800 10 00", Text(await chat.SayAsync("Rozmowa z człowiekiem")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_language_follows_the_resident_and_switches_on_request()
    {
        using var chat = await StartAsync();
        var ukrainian = await chat.SayAsync("як отримати паспорт для дитини");
        Assert.Equal("uk", ukrainian.GetProperty("locale").GetString());
        Assert.Contains("Паспорт для дитини", Text(ukrainian), StringComparison.Ordinal);

        Assert.Contains("English", Text(await chat.SayAsync("English please")), StringComparison.Ordinal);
        var english = await chat.SayAsync("karta wędkarska");
        Assert.Equal("en", english.GetProperty("locale").GetString());
        Assert.Contains("Fishing card", Text(english), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Conversational_messages_get_short_answers()
    {
        using var chat = await StartAsync();
        Assert.Contains("Pomogę", Text(await chat.SayAsync("co umiesz?")), StringComparison.Ordinal);
        Assert.Contains("Nie ma za co", Text(await chat.SayAsync("dziękuję bardzo")), StringComparison.Ordinal);
        Assert.Contains("Na to nie odpowiem", Text(await chat.SayAsync("jaka będzie jutro pogoda")), StringComparison.Ordinal);
        Assert.Contains("Do widzenia", Text(await chat.SayAsync("do widzenia")), StringComparison.Ordinal);
    }
}
