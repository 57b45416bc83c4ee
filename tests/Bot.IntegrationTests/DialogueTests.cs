using Microsoft.Extensions.DependencyInjection;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

using static Asystent.Bot.IntegrationTests.DirectLineChat;

namespace Asystent.Bot.IntegrationTests;

/// <summary>Multi-turn behaviour of the assistant, spoken to through Direct Line as a client would.</summary>
public sealed class DialogueTests(AssistantFactory factory)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private Task<DirectLineChat> StartAsync(string locale = "pl-PL") => DirectLineChat.StartAsync(factory, locale);


    /// <summary>The Adaptive Card attached to a reply (Direct Line is a channel that shows them).</summary>
    private static JsonElement AdaptiveCard(JsonElement reply)
    {
        var attachment = reply.GetProperty("attachments").EnumerateArray().Single();
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.GetProperty("contentType").GetString());
        return attachment.GetProperty("content");
    }


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
    public async Task A_card_answer_is_a_short_lead_with_an_adaptive_card_and_the_next_steps_as_buttons()
    {
        using var chat = await StartAsync();
        var reply = await chat.SayAsync("gdzie zarejestrować samochód z Niemiec");
        Assert.Contains("Wydział Komunikacji i Transportu", Text(reply), StringComparison.Ordinal);

        var card = AdaptiveCard(reply);
        Assert.Equal("AdaptiveCard", card.GetProperty("type").GetString());
        Assert.Equal("1.4", card.GetProperty("version").GetString());
        var labels = card.GetProperty("body").EnumerateArray()
            .Where(b => b.TryGetProperty("weight", out var weight) && weight.GetString() == "Bolder" && !b.TryGetProperty("style", out _))
            .Select(b => b.GetProperty("text").GetString()).ToList();
        Assert.Equal(["Gdzie", "Godziny", "Opłaty", "Ile to trwa", "Przez internet", "Zabierz"], labels);
        var texts = card.GetProperty("body").EnumerateArray().Select(b => b.GetProperty("text").GetString()).ToList();
        Assert.Contains(texts, t => t!.StartsWith("Wydział Komunikacji i Transportu", StringComparison.Ordinal));
        Assert.Contains(card.GetProperty("actions").EnumerateArray(), a => a.GetProperty("type").GetString() == "Action.OpenUrl");
        Assert.Equal(["Szczegóły", "Zapisz listę", "Umów wizytę", "Inne pytanie", "Rozmowa z człowiekiem"], Actions(reply));
    }

    [Fact]
    public async Task Details_the_list_to_keep_and_booking_follow_the_card_under_discussion()
    {
        using var chat = await StartAsync();
        await chat.SayAsync("karta wędkarska");

        var details = Text(await chat.SayAsync("Szczegóły"));
        Assert.Contains("Krok po kroku", details, StringComparison.Ordinal);
        Assert.Contains("1. ", details, StringComparison.Ordinal);

        var checklist = Text(await chat.SayAsync("Zapisz listę"));
        Assert.Contains("zachowaj tę wiadomość", checklist, StringComparison.Ordinal);
        Assert.Contains("☐ ", checklist, StringComparison.Ordinal);
        Assert.Contains("Budynek C", checklist, StringComparison.Ordinal);
        Assert.Contains("10 zł", checklist, StringComparison.Ordinal);

        using var other = await StartAsync();
        Assert.Contains("Najpierw napisz", Text(await other.SayAsync("Zapisz listę")), StringComparison.Ordinal);
        await other.SayAsync("paszport dla dziecka");
        var booking = Text(await other.SayAsync("Umów wizytę"));
        Assert.Contains("Wniosek o paszport** – najbliższe wolne terminy", booking, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_idle_conversation_leaves_memory_and_continues_from_the_database()
    {
        using var chat = await StartAsync();
        Assert.Contains("Karta wędkarska", Text(await chat.SayAsync("karta wędkarska")), StringComparison.Ordinal);
        var conversations = factory.Services.GetRequiredService<Channels.DirectLine.DirectLineConversations>();

        // The writer stores the turn in the background, its state and transcript in one transaction.
        // Then only this conversation leaves memory: the server is shared with the other test classes.
        await chat.StoredTranscriptAsync(factory);
        Assert.True(conversations.Evict(chat.Id));

        var history = await chat.Client.GetFromJsonAsync<JsonElement>($"/v3/directline/conversations/{chat.Id}/activities", Token);
        Assert.Contains(history.GetProperty("activities").EnumerateArray(), a => a.TryGetProperty("text", out var t) && t.GetString() == "karta wędkarska");
        Assert.Contains("10 zł", Text(await chat.SayAsync("ile to kosztuje?")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Close_cards_of_one_family_get_a_question_that_tells_them_apart_and_the_choice_is_remembered()
    {
        using var chat = await StartAsync();
        var question = await chat.SayAsync("rejestracja samochodu");
        Assert.Contains("Która jest Twoja?", Text(question), StringComparison.Ordinal);
        var choices = Actions(question);
        Assert.Contains("Rejestracja pojazdu sprowadzonego z zagranicy (z UE i spoza UE)", choices);
        Assert.Contains("Rejestracja nowego pojazdu kupionego w salonie", choices);

        var answer = AdaptiveCard(await chat.SayAsync("Rejestracja pojazdu sprowadzonego z zagranicy (z UE i spoza UE)"));
        Assert.Contains("akcyz", answer.ToString(), StringComparison.Ordinal);
        Assert.Contains("161,50 zł", Text(await chat.SayAsync("ile to kosztuje?")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_two_misunderstandings_in_a_row_a_person_is_offered()
    {
        using var chat = await StartAsync();
        var first = Text(await chat.SayAsync("qwx zzv"));
        Assert.DoesNotContain("przekazać tę rozmowę pracownikowi", first, StringComparison.Ordinal);
        var second = await chat.SayAsync("brrr hmm");
        // The offer asks for consent, says who would answer and gives the direct number.
        Assert.Contains("przekazać tę rozmowę pracownikowi", Text(second), StringComparison.Ordinal);
        Assert.Contains("+48 33 800 10 00", Text(second), StringComparison.Ordinal);
        Assert.Equal(["Tak, połącz", "Nie, dziękuję"], Actions(second));
        Assert.Contains("O co chcesz zapytać?", Text(await chat.SayAsync("Nie, dziękuję")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_language_follows_the_resident_and_switches_on_request()
    {
        using var chat = await StartAsync();
        var ukrainian = await chat.SayAsync("як отримати паспорт для дитини");
        Assert.Equal("uk", ukrainian.GetProperty("locale").GetString());
        Assert.Contains("для дитини", Text(ukrainian), StringComparison.Ordinal);

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

    [Fact]
    public async Task A_question_no_card_answers_gets_the_information_desk_not_a_card()
    {
        using var chat = await StartAsync();
        var reply = await chat.SayAsync("jaki laptop gamingowy wybrać na prezent");
        Assert.Contains("Nie znam odpowiedzi", Text(reply), StringComparison.Ordinal);
        Assert.Contains("Punkcie Informacyjnym", Text(reply), StringComparison.Ordinal);
        Assert.Contains("+48 33 800 10 00", Text(reply), StringComparison.Ordinal);
        Assert.False(reply.TryGetProperty("attachments", out var attachments) && attachments.GetArrayLength() > 0);
        Assert.Contains("Rozmowa z człowiekiem", Actions(reply));
    }
}
