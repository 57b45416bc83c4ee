using System.Net.Http.Json;
using System.Text;
using static Asystent.Bot.IntegrationTests.DirectLineChat;

namespace Asystent.Bot.IntegrationTests;

/// <summary>"What is happening with my case?" in the conversation, and the SMS when it is ready.</summary>
public sealed class CaseDialogueTests(AssistantFactory factory)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task ImportAsync(string number, string status, string date, string code, string missing = "")
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/cases/import")
        {
            Content = new StringContent($"caseNumber,unit,service,status,statusDate,filedDate,code,missing\n{number},KT,prawo-jazdy-wydanie,{status},{date},2026-11-02,{code},{missing}\n", Encoding.UTF8, "text/csv"),
        };
        request.Headers.Add("X-Api-Key", AssistantFactory.CasesImportKey);
        using var response = await client.SendAsync(request, Token);
        response.EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task A_resident_asks_about_a_case_gives_the_code_and_is_texted_once_when_it_is_ready()
    {
        await ImportAsync("KT.5410.301.2026", "in_progress", "2026-11-10", "3PX7KW");
        using var chat = await DirectLineChat.StartAsync(factory);

        Assert.Contains("kod weryfikacyjny", Text(await chat.SayAsync("jaki jest status sprawy KT.5410.301.2026")), StringComparison.Ordinal);
        Assert.Contains("Nie znalazłem sprawy", Text(await chat.SayAsync("3PX7KX")), StringComparison.Ordinal);
        var status = await chat.SayAsync("3px7kw");
        Assert.Contains("Sprawa jest w toku", Text(status), StringComparison.Ordinal);
        Assert.Contains("Ustawowy termin załatwienia sprawy: 2 grudnia 2026", Text(status), StringComparison.Ordinal);
        Assert.Contains("Powiadom mnie SMS-em", Actions(status));

        Assert.Contains("tylko do jednej wiadomości", Text(await chat.SayAsync("Powiadom mnie SMS-em")), StringComparison.Ordinal);
        Assert.Contains("+48 600 400 500", Text(await chat.SayAsync("600 400 500")), StringComparison.Ordinal);

        await ImportAsync("KT.5410.301.2026", "ready_for_pickup", "2026-11-21", "3PX7KW");
        await ImportAsync("KT.5410.301.2026", "ready_for_pickup", "2026-11-21", "3PX7KW");
        var sms = await factory.Sms.WaitForAsync(s => s.Message.Contains("KT.5410.301.2026", StringComparison.Ordinal));
        Assert.Equal("48600400500", sms.To);
        Assert.Contains("gotowa do odbioru", sms.Message, StringComparison.Ordinal);
        await Task.Delay(1500, Token);
        Assert.Single(factory.Sms.Sent, s => s.Message.Contains("KT.5410.301.2026", StringComparison.Ordinal));

        // The transcript keeps neither the case number nor the code.
        var transcript = string.Join("\n", await chat.StoredTranscriptAsync(factory));
        Assert.DoesNotContain("KT.5410.301.2026", transcript, StringComparison.Ordinal);
        Assert.DoesNotContain("3px7kw", transcript, StringComparison.Ordinal);
        Assert.DoesNotContain("3PX7KX", transcript, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ready_case_says_where_and_when_in_ukrainian_and_offers_a_visit()
    {
        await ImportAsync("KT.5410.302.2026", "ready_for_pickup", "2026-11-20", "4QX7KW");
        using var chat = await DirectLineChat.StartAsync(factory, "uk-UA");

        Assert.Contains("код перевірки", Text(await chat.SayAsync("який статус моєї справи KT.5410.302.2026")), StringComparison.Ordinal);
        var ready = await chat.SayAsync("4QX7KW");
        Assert.Contains("Готово до отримання!", Text(ready), StringComparison.Ordinal);
        Assert.Contains("Відділ комунікації і транспорту", Text(ready), StringComparison.Ordinal);
        Assert.Contains("Записатися на прийом", Actions(ready));
        Assert.Contains("Посвідчення водія", Text(await chat.SayAsync("Записатися на прийом")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_documents_are_named_and_too_many_wrong_codes_pause_the_conversation()
    {
        await ImportAsync("KT.5410.303.2026", "waiting_for_documents", "2026-11-12", "5RX7KW", "aktualne zdjęcie");
        using var chat = await DirectLineChat.StartAsync(factory);
        var waiting = Text(await chat.SayAsync("KT.5410.303.2026 5RX7KW"));
        Assert.Contains("Dostarcz: aktualne zdjęcie", waiting, StringComparison.Ordinal);

        using var other = await DirectLineChat.StartAsync(factory);
        await other.SayAsync("status sprawy KT.5410.304.2026");
        for (var i = 0; i < 4; i++)
        {
            Assert.Contains("Nie znalazłem sprawy", Text(await other.SayAsync($"11111{i}A")), StringComparison.Ordinal);
        }

        Assert.Contains("Nie znalazłem sprawy", Text(await other.SayAsync("111115A")), StringComparison.Ordinal);
        Assert.Contains("Zbyt wiele nieudanych prób", Text(await other.SayAsync("111116A")), StringComparison.Ordinal);
    }
}
