using Asystent.Bot.Conversation;
using Asystent.KnowledgeBase.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Asystent.Bot.IntegrationTests.Conversations;

/// <summary>Dialogue behaviour on the test adapter: the turn itself is checked (kind, card, state), in-process.</summary>
public sealed class TurnPipelineTests(AssistantFactory factory)
{
    [Fact]
    public async Task A_callback_with_the_phone_and_the_time_in_one_message_is_read_back_with_the_matter_and_saved_on_yes()
    {
        var chat = new TestAdapter(factory);
        Assert.Equal("karta-wedkarska", (await chat.SayAsync("karta wędkarska")).Notes.CardId);

        var readBack = await chat.SayAsync("proszę o telefon zwrotny jutro przed południem, 600 100 200");
        Assert.Equal("callback_confirm", readBack.Notes.Kind);
        var text = TestAdapter.Text(readBack);
        Assert.Contains("+48 600 100 200", text, StringComparison.Ordinal);
        Assert.Contains("jutro przed południem", text, StringComparison.Ordinal);
        Assert.Contains("Karta wędkarska", text, StringComparison.Ordinal);

        var saved = await chat.SayAsync("tak");
        Assert.Equal("callback_saved", saved.Notes.Kind);
        Assert.Null(saved.State.Handoff);
        await using var scope = factory.Services.CreateAsyncScope();
        var request = await scope.ServiceProvider.GetRequiredService<AssistantDbContext>().CallbackRequests
            .SingleAsync(c => c.ConversationId == chat.ConversationKey, TestContext.Current.CancellationToken);
        Assert.Equal(("+48600100200", "jutro przed południem"), (request.Contact, request.PreferredTime));
        Assert.StartsWith("Karta wędkarska", request.Topic, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gdzie odbiorę gotowy dowód rejestracyjny?", "odbior-dowodu-rejestracyjnego")]
    [InlineData("Ile kosztuje wymiana prawa jazdy na polskie?", "wymiana-zagranicznego-prawa-jazdy")]
    public async Task Close_cards_are_not_asked_about_when_the_question_echoes_one_title(string question, string card)
    {
        var answer = await new TestAdapter(factory).SayAsync(question);
        Assert.Equal((card, "card"), (answer.Notes.CardId, answer.Notes.Kind));
    }

    [Theory]
    [InlineData("pl-PL", "Dzień dobry, kupiłem auto w Niemczech, co teraz?", "rejestracja-pojazdu-sprowadzonego")]
    [InlineData("pl-PL", "dzien dobry kupilem auto w niemczech co teraz", "rejestracja-pojazdu-sprowadzonego")]
    [InlineData("uk-UA", "Добрий день! Я загубив посвідчення водія, що робити?", "wtornik-prawa-jazdy")]
    public async Task A_question_after_a_greeting_is_answered_and_its_card_stays_under_discussion(string locale, string question, string card)
    {
        var chat = new TestAdapter(factory, locale);
        var answer = await chat.SayAsync(question);
        Assert.Equal((card, "card"), (answer.Notes.CardId, answer.Notes.Kind));
        Assert.Equal((card, "fees"), ((await chat.SayAsync(locale == "uk-UA" ? "а скільки це коштує?" : "a ile to kosztuje?")).Notes.CardId, "fees"));
    }

    [Theory]
    [InlineData("pl-PL", "Znalazłem w parku cudzy telefon i portfel z kartami, komu mam to oddać?", "rzeczy-znalezione")]
    [InlineData("en-GB", "I found someone's phone and a wallet with cards in the park, where do I hand them in?", "rzeczy-znalezione")]
    public async Task A_story_naming_things_along_its_matter_is_one_matter(string locale, string question, string card)
    {
        var answer = await new TestAdapter(factory, locale).SayAsync(question);
        Assert.Equal((card, "card"), (answer.Notes.CardId, answer.Notes.Kind));
    }

    [Fact]
    public async Task Two_matters_each_told_by_the_fact_of_its_part_are_both_answered()
    {
        var answer = await new TestAdapter(factory).SayAsync("zgubiłem prawo jazdy, a dowód rejestracyjny mi ukradli");
        Assert.Equal("matters", answer.Notes.Kind);
        Assert.Equal(["wtornik-dowodu-rejestracyjnego", "wtornik-prawa-jazdy"], answer.Notes.Cards.Order());
    }

    [Fact]
    public async Task A_greeting_alone_is_greeted()
    {
        Assert.Equal("greeting", (await new TestAdapter(factory).SayAsync("Dzień dobry!")).Notes.Kind);
    }

    [Theory]
    [InlineData("kupiłem auto w Holandii, jak je zarejestrować", "rejestracja-pojazdu-sprowadzonego")]
    [InlineData("kupiłem auto w Niemczech, gdzie je zarejestrować?", "rejestracja-pojazdu-sprowadzonego")]
    public async Task Sibling_cards_are_not_asked_about_when_the_question_states_the_fact_that_tells_them_apart(string question, string card)
    {
        var answer = await new TestAdapter(factory).SayAsync(question);
        Assert.Equal((card, "card"), (answer.Notes.CardId, answer.Notes.Kind));
    }

    [Theory]
    [InlineData("Czym różni się status poszukującego pracy od statusu bezrobotnego?", "rejestracja-bezrobotnego")]
    [InlineData("Czym jest nieodpłatna pomoc prawna?", "nieodplatna-pomoc-prawna")]
    public async Task A_question_that_names_a_matter_is_answered_whatever_the_intent_model_heard_in_it(string question, string card)
    {
        var answer = await new TestAdapter(factory).SayAsync(question);
        Assert.Equal(card, answer.Notes.CardId);
    }

    [Fact]
    public async Task The_word_visit_does_not_decide_which_matter_a_booking_is_for()
    {
        var booking = await new TestAdapter(factory, "ru-RU").SayAsync("хочу записаться на визит по паспорту");
        Assert.Equal("booking_slots", booking.Notes.Kind);
        Assert.Contains("паспорт", TestAdapter.Text(booking), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_question_asked_instead_of_a_name_is_answered_and_the_name_asked_again()
    {
        var chat = new TestAdapter(factory);
        Assert.Equal("booking_slots", (await chat.SayAsync("chcę się umówić na rejestrację auta")).Notes.Kind);
        Assert.Equal("booking_name", (await chat.SayAsync("1")).Notes.Kind);

        var question = await chat.SayAsync("a prawo jazdy jutro?");
        Assert.NotNull(question.Notes.CardId ?? (question.Notes.Cards.Count > 0 ? "offered" : null));
        Assert.Contains("imię i nazwisko", TestAdapter.Text(question), StringComparison.Ordinal);
        Assert.DoesNotContain("same litery", TestAdapter.Text(question), StringComparison.Ordinal);

        Assert.Equal("booking_contact", (await chat.SayAsync("Jan Kowalski")).Notes.Kind);
    }

    [Fact]
    public async Task A_word_only_one_offered_card_holds_answers_which_of_them()
    {
        var chat = new TestAdapter(factory, "uk-UA");
        Assert.Equal("clarify", (await chat.SayAsync("питання щодо посвідчення водія")).Notes.Kind);
        Assert.Equal("wtornik-prawa-jazdy", (await chat.SayAsync("загубив")).Notes.CardId);
    }

    [Theory]
    [InlineData("pl-PL", "Zgubiłem prawo jazdy", "a póki co mogę jeździć?")]
    [InlineData("uk-UA", "Дублікат посвідчення водія", "а поки можна їздити?")]
    public async Task A_follow_up_nothing_answers_apart_gets_the_discussed_card_not_i_dont_know(string locale, string first, string followUp)
    {
        var chat = new TestAdapter(factory, locale);
        Assert.Equal("wtornik-prawa-jazdy", (await chat.SayAsync(first)).Notes.CardId);
        var answer = await chat.SayAsync(followUp);
        Assert.Equal(("wtornik-prawa-jazdy", "card"), (answer.Notes.CardId, answer.Notes.Kind));
    }

    [Fact]
    public async Task A_question_about_ones_own_case_asks_for_its_number()
    {
        var answer = await new TestAdapter(factory).SayAsync("na jakim etapie jest mój wniosek?");
        Assert.Contains("KT.5410.123.2026", TestAdapter.Text(answer), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_place_note_keeps_one_full_stop_and_an_optional_fee_alone_is_not_added_on_top()
    {
        var chat = new TestAdapter(factory);
        Assert.DoesNotContain("..", TestAdapter.Text(await chat.SayAsync("gdzie odbiorę gotowy dowód rejestracyjny?")), StringComparison.Ordinal);
        var fees = TestAdapter.Text(await chat.SayAsync("ile kosztuje?"));
        Assert.Contains("- 17 zł", fees, StringComparison.Ordinal);
        Assert.DoesNotContain("- + 17 zł", fees, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Close_cards_whose_titles_the_question_shares_alike_are_asked_about()
    {
        var answer = await new TestAdapter(factory).SayAsync("mam pytanie odnośnie prawa jazdy");
        Assert.Equal("clarify", answer.Notes.Kind);
        Assert.True(answer.Notes.Cards.Count >= 3, string.Join(", ", answer.Notes.Cards));
    }

    [Fact]
    public async Task A_time_alone_after_an_answer_books_that_matter_or_says_it_is_handled_elsewhere()
    {
        var chat = new TestAdapter(factory);
        await chat.SayAsync("paszport dla dziecka");
        var booking = await chat.SayAsync("a jutro o 10 się da?");
        Assert.NotNull(booking.State.Booking);

        var elsewhere = new TestAdapter(factory);
        await elsewhere.SayAsync("gdzie wyrobić dowód osobisty");
        var told = await elsewhere.SayAsync("a jutro o 10 się da?");
        Assert.Equal(("dowod-osobisty", "booking_info"), (told.Notes.CardId, told.Notes.Kind));
        Assert.Null(told.State.Booking);

        // A time with a matter of its own is that matter, not a booking of the one before.
        var other = new TestAdapter(factory);
        await other.SayAsync("gdzie wyrobić dowód osobisty");
        Assert.NotEqual("dowod-osobisty", (await other.SayAsync("a prawo jazdy jutro?")).Notes.CardId);
    }

    [Fact]
    public async Task A_follow_up_names_another_matter_and_is_answered_from_that_card()
    {
        var chat = new TestAdapter(factory);
        await chat.SayAsync("karta wędkarska");
        var fees = await chat.SayAsync("a ile kosztuje paszport dla dziecka?");
        Assert.Equal(("paszport-dla-dziecka", "fees"), (fees.Notes.CardId, fees.Notes.Kind));
        // Alternatives (by age) are listed as such, not added up.
        Assert.Contains("30 zł", TestAdapter.Text(fees), StringComparison.Ordinal);
        Assert.DoesNotContain("razem", TestAdapter.Text(fees), StringComparison.Ordinal);
        var place = await chat.SayAsync("a gdzie to jest?");
        Assert.Equal(("paszport-dla-dziecka", "place"), (place.Notes.CardId, place.Notes.Kind));
    }

    [Fact]
    public async Task A_question_in_the_middle_of_a_booking_is_answered_and_the_booking_goes_on()
    {
        var chat = new TestAdapter(factory);
        await chat.SayAsync("paszport dla dziecka");
        var offer = await chat.SayAsync("Umów wizytę");
        Assert.Equal("booking_slots", offer.Notes.Kind);

        var fees = await chat.SayAsync("a ile to kosztuje?");
        Assert.Equal(("paszport-dla-dziecka", "fees"), (fees.Notes.CardId, fees.Notes.Kind));
        Assert.Contains("Wracając do rezerwacji", TestAdapter.Text(fees), StringComparison.Ordinal);
        Assert.NotNull(fees.State.Booking);

        var name = await chat.SayAsync("1");
        Assert.Contains("imię i nazwisko", TestAdapter.Text(name), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_greeting_with_a_question_answers_the_question_and_small_talk_does_not_break_a_booking()
    {
        var greeted = await new TestAdapter(factory, "uk-UA").SayAsync("добрий день, де зробити песель?");
        Assert.Equal("pesel-dla-cudzoziemca", greeted.Notes.CardId);

        var chat = new TestAdapter(factory);
        await chat.SayAsync("chcę się umówić na wizytę");
        var robot = await chat.SayAsync("jesteś robotem?");
        Assert.Equal(TurnKinds.Robot, robot.Notes.Kind);
        Assert.NotNull(robot.State.Booking);
    }

    [Fact]
    public async Task Small_talk_is_answered_in_every_language_and_personal_data_gets_a_note()
    {
        foreach (var (locale, text, kind) in new[]
        {
            ("pl-PL", "dzięki, pa", TurnKinds.Goodbye), ("uk-UA", "бувай", TurnKinds.Goodbye), ("ru-RU", "пока", TurnKinds.Goodbye),
            ("pl-PL", "jesteś robotem?", TurnKinds.Robot), ("en-GB", "are you a bot?", TurnKinds.Robot), ("en-GB", "useless bot", TurnKinds.Rudeness),
        })
        {
            Assert.Equal(kind, (await new TestAdapter(factory, locale).SayAsync(text)).Notes.Kind);
        }

        var pesel = await new TestAdapter(factory).SayAsync("mój pesel 85031201233, gdzie zarejestrować auto kupione w Polsce?");
        Assert.Contains(TurnKinds.PersonalData, pesel.Notes.Extra);
        Assert.NotNull(pesel.Notes.CardId ?? (pesel.Notes.Cards.Count > 0 ? "offered" : null));
        Assert.Contains("nie trzeba podawać numeru PESEL", TestAdapter.Text(pesel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_offices_matter_never_starts_a_booking()
    {
        var exam = await new TestAdapter(factory).SayAsync("jak zapisać się na egzamin na prawo jazdy");
        Assert.Equal(("egzamin-na-prawo-jazdy", TurnKinds.OtherOffice), (exam.Notes.CardId, exam.Notes.Kind));
        Assert.Null(exam.State.Booking);

        var chat = new TestAdapter(factory);
        await chat.SayAsync("gdzie wyrobić dowód osobisty");
        var visit = await chat.SayAsync("to zapiszcie mnie na jutro rano");
        Assert.Null(visit.State.Booking);
        Assert.Equal("dowod-osobisty", visit.Notes.CardId);
    }

    [Fact]
    public async Task A_complaint_about_a_clerk_is_acknowledged_with_the_ways_to_file_it_and_a_person_offered()
    {
        var turn = await new TestAdapter(factory).SayAsync("pani w okienku była bardzo niemiła");
        Assert.Equal(TurnKinds.Complaint, turn.Notes.Kind);
        Assert.Contains("Przepraszam", TestAdapter.Text(turn), StringComparison.Ordinal);
        Assert.Contains("@powiat.example", TestAdapter.Text(turn), StringComparison.Ordinal);
        Assert.NotNull(turn.State.Handoff);
    }
}
