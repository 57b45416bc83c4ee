using Asystent.KnowledgeBase.Languages;

namespace Asystent.Bot.Conversation;

/// <summary>What the assistant says, in each of its four languages. Short, plain sentences.</summary>
internal static class Phrases
{
    private static readonly Dictionary<string, Dictionary<Language, string>> Texts = new()
    {
        ["welcome"] = new()
        {
            [Language.Pl] = "Dzień dobry! Jestem asystentem Starostwa Powiatowego. Napisz, jaką sprawę chcesz załatwić – powiem, gdzie iść, co zabrać i ile to kosztuje.",
            [Language.En] = "Hello! I am the county office's assistant. Tell me what you need to do – I will tell you where to go, what to bring and what it costs.",
            [Language.Uk] = "Добрий день! Я асистент повітового староства. Напишіть, яку справу хочете вирішити, – підкажу, куди йти, що взяти і скільки це коштує.",
            [Language.Ru] = "Здравствуйте! Я ассистент повятового староства. Напишите, какое дело хотите решить, – подскажу, куда идти, что взять и сколько это стоит.",
        },
        ["help"] = new()
        {
            [Language.Pl] = "Pomogę znaleźć właściwe miejsce w urzędzie: napisz np. „rejestracja auta z Niemiec”, „paszport dla dziecka” albo „karta parkingowa”. Podam pokój, godziny, dokumenty, opłaty i termin. Piszę po polsku, angielsku, ukraińsku i rosyjsku.",
            [Language.En] = "I help you find the right place in the office: write e.g. \"register a car from Germany\", \"passport for a child\" or \"parking card\". I give the room, hours, documents, fees and time. I write in Polish, English, Ukrainian and Russian.",
            [Language.Uk] = "Я допоможу знайти потрібне місце в установі: напишіть, наприклад, «реєстрація авто з Німеччини», «паспорт для дитини» або «паркувальна картка». Підкажу кімнату, години, документи, оплати і строк.",
            [Language.Ru] = "Я помогу найти нужное место в учреждении: напишите, например, «регистрация авто из Германии», «паспорт для ребёнка» или «парковочная карта». Подскажу кабинет, часы, документы, оплату и срок.",
        },
        ["thanks"] = new()
        {
            [Language.Pl] = "Nie ma za co! Czy mogę pomóc w czymś jeszcze?",
            [Language.En] = "You're welcome! Can I help with anything else?",
            [Language.Uk] = "Будь ласка! Чи можу ще чимось допомогти?",
            [Language.Ru] = "Пожалуйста! Могу ещё чем-то помочь?",
        },
        ["goodbye"] = new()
        {
            [Language.Pl] = "Do widzenia! Powodzenia w urzędzie.",
            [Language.En] = "Goodbye! Good luck at the office.",
            [Language.Uk] = "До побачення! Успіхів в установі.",
            [Language.Ru] = "До свидания! Удачи в учреждении.",
        },
        ["out_of_scope"] = new()
        {
            [Language.Pl] = "Na to nie odpowiem – pomagam w sprawach załatwianych w starostwie. Napisz, jaką sprawę chcesz załatwić, albo poproś o rozmowę z pracownikiem.",
            [Language.En] = "I can't answer that – I help with matters handled at the county office. Tell me what you need to do, or ask to talk to a person.",
            [Language.Uk] = "На це не відповім – я допомагаю зі справами в старостві. Напишіть, яку справу хочете вирішити, або попросіть розмову з працівником.",
            [Language.Ru] = "На это не отвечу – я помогаю с делами в старостве. Напишите, какое дело хотите решить, или попросите разговор с сотрудником.",
        },
        ["about_discussed"] = new()
        {
            [Language.Pl] = "Na to pytanie nie mam osobnej odpowiedzi. Oto wszystko, co wiem o sprawie „{0}” – jeśli to nie wystarczy, porozmawiaj z pracownikiem.",
            [Language.En] = "I have no separate answer to that. Here is everything I know about \"{0}\" – if it is not enough, talk to a person.",
            [Language.Uk] = "На це питання окремої відповіді не маю. Ось усе, що знаю про справу «{0}» – якщо цього замало, поговоріть з працівником.",
            [Language.Ru] = "На этот вопрос отдельного ответа у меня нет. Вот всё, что я знаю о деле «{0}» – если этого мало, поговорите с сотрудником.",
        },
        ["no_answer"] = new()
        {
            [Language.Pl] = "Nie znam odpowiedzi na to pytanie. Zapytaj w Punkcie Informacyjnym: {0}, tel. {1} – albo porozmawiaj z pracownikiem.",
            [Language.En] = "I don't know the answer to that. Ask at the information desk: {0}, phone {1} – or talk to a person.",
            [Language.Uk] = "Я не знаю відповіді на це питання. Запитайте в інформаційному пункті: {0}, тел. {1} – або поговоріть з працівником.",
            [Language.Ru] = "Я не знаю ответа на этот вопрос. Спросите в информационном пункте: {0}, тел. {1} – или поговорите с сотрудником.",
        },
        ["not_understood"] = new()
        {
            [Language.Pl] = "Nie jestem pewien, o co chodzi. Opisz sprawę innymi słowami, np. „zgubiłem prawo jazdy”.",
            [Language.En] = "I'm not sure what you mean. Could you put it another way, e.g. \"I lost my driving licence\"?",
            [Language.Uk] = "Не впевнений, що ви маєте на увазі. Опишіть справу іншими словами, наприклад «загубив права».",
            [Language.Ru] = "Не уверен, что вы имеете в виду. Опишите дело другими словами, например «потерял права».",
        },
        ["apology"] = new()
        {
            [Language.Pl] = "Przepraszam, coś poszło nie tak. Spróbuj jeszcze raz albo zadzwoń do Punktu Informacyjnego.",
            [Language.En] = "Sorry, something went wrong. Please try again or call the information desk.",
            [Language.Uk] = "Вибачте, щось пішло не так. Спробуйте ще раз або зателефонуйте до інформаційного пункту.",
            [Language.Ru] = "Извините, что-то пошло не так. Попробуйте ещё раз или позвоните в информационный пункт.",
        },
        ["starting"] = new()
        {
            [Language.Pl] = "Asystent właśnie się uruchamia. Napisz jeszcze raz za chwilę albo zadzwoń do Punktu Informacyjnego.",
            [Language.En] = "The assistant is just starting. Please write again in a moment or call the information desk.",
            [Language.Uk] = "Асистент саме запускається. Напишіть ще раз за хвилину або зателефонуйте до інформаційного пункту.",
            [Language.Ru] = "Ассистент как раз запускается. Напишите ещё раз через минуту или позвоните в информационный пункт.",
        },
        ["too_long"] = new()
        {
            [Language.Pl] = "To bardzo długa wiadomość – napisz krócej, czego potrzebujesz.",
            [Language.En] = "That message is very long – please tell me briefly what you need.",
            [Language.Uk] = "Це дуже довге повідомлення – напишіть коротше, що вам потрібно.",
            [Language.Ru] = "Это очень длинное сообщение – напишите короче, что вам нужно.",
        },
        ["ask_next"] = new()
        {
            [Language.Pl] = "Jasne. O co chcesz zapytać?",
            [Language.En] = "Sure. What would you like to ask?",
            [Language.Uk] = "Звісно. Що хочете запитати?",
            [Language.Ru] = "Конечно. Что хотите спросить?",
        },
        ["language_set"] = new()
        {
            [Language.Pl] = "Dobrze, piszę po polsku.",
            [Language.En] = "All right, I'll write in English.",
            [Language.Uk] = "Добре, пишу українською.",
            [Language.Ru] = "Хорошо, пишу по-русски.",
        },
        ["did_you_mean"] = new()
        {
            [Language.Pl] = "Czy chodzi o jedną z tych spraw?",
            [Language.En] = "Do you mean one of these?",
            [Language.Uk] = "Ви маєте на увазі одну з цих справ?",
            [Language.Ru] = "Вы имеете в виду одно из этих дел?",
        },
        ["offer_person"] = new()
        {
            [Language.Pl] = "Chyba się nie rozumiemy.",
            [Language.En] = "I don't seem to understand you.",
            [Language.Uk] = "Здається, я вас не розумію.",
            [Language.Ru] = "Кажется, я вас не понимаю.",
        },
        ["where"] = new() { [Language.Pl] = "Gdzie", [Language.En] = "Where", [Language.Uk] = "Де", [Language.Ru] = "Где" },
        ["today"] = new() { [Language.Pl] = "Dziś czynne", [Language.En] = "Open today", [Language.Uk] = "Сьогодні працює", [Language.Ru] = "Сегодня открыто" },
        ["closed_today"] = new() { [Language.Pl] = "Dziś nieczynne", [Language.En] = "Closed today", [Language.Uk] = "Сьогодні не працює", [Language.Ru] = "Сегодня закрыто" },
        ["open_now"] = new() { [Language.Pl] = "teraz otwarte", [Language.En] = "open now", [Language.Uk] = "зараз відчинено", [Language.Ru] = "сейчас открыто" },
        ["closed_now"] = new() { [Language.Pl] = "teraz już zamknięte", [Language.En] = "closed now", [Language.Uk] = "зараз уже зачинено", [Language.Ru] = "сейчас уже закрыто" },
        ["opens_at"] = new() { [Language.Pl] = "otwieramy o {0}", [Language.En] = "opens at {0}", [Language.Uk] = "відчиняємо о {0}", [Language.Ru] = "открываемся в {0}" },
        ["fees_from"] = new() { [Language.Pl] = "od {0}, zależnie od sprawy", [Language.En] = "from {0}, depending on the case", [Language.Uk] = "від {0}, залежно від справи", [Language.Ru] = "от {0}, в зависимости от дела" },
        ["fees_more_sometimes"] = new() { [Language.Pl] = "w niektórych przypadkach więcej – zobacz szczegóły", [Language.En] = "more in some cases – see the details", [Language.Uk] = "у деяких випадках більше – див. подробиці", [Language.Ru] = "в некоторых случаях больше – см. подробности" },
        ["total"] = new() { [Language.Pl] = "razem", [Language.En] = "in total", [Language.Uk] = "разом", [Language.Ru] = "итого" },
        ["fines"] = new() { [Language.Pl] = "Kary za spóźnienie", [Language.En] = "Fines if late", [Language.Uk] = "Штрафи за запізнення", [Language.Ru] = "Штрафы за опоздание" },
        ["bring"] = new() { [Language.Pl] = "Zabierz", [Language.En] = "Bring", [Language.Uk] = "Візьміть", [Language.Ru] = "Возьмите" },
        ["fees"] = new() { [Language.Pl] = "Opłaty", [Language.En] = "Fees", [Language.Uk] = "Оплата", [Language.Ru] = "Оплата" },
        ["free"] = new() { [Language.Pl] = "bezpłatnie", [Language.En] = "free of charge", [Language.Uk] = "безкоштовно", [Language.Ru] = "бесплатно" },
        ["time"] = new() { [Language.Pl] = "Ile to trwa", [Language.En] = "How long", [Language.Uk] = "Строк", [Language.Ru] = "Срок" },
        ["online"] = new() { [Language.Pl] = "Przez internet", [Language.En] = "Online", [Language.Uk] = "Онлайн", [Language.Ru] = "Онлайн" },
        ["redirect"] = new() { [Language.Pl] = "Tę sprawę załatwisz gdzie indziej", [Language.En] = "This is handled elsewhere", [Language.Uk] = "Цю справу вирішують деінде", [Language.Ru] = "Это дело решается в другом месте" },
        ["checklist"] = new() { [Language.Pl] = "Zapisz listę", [Language.En] = "Write it down", [Language.Uk] = "Записати список", [Language.Ru] = "Записать список" },
        ["book_visit"] = new() { [Language.Pl] = "Umów wizytę", [Language.En] = "Book a visit", [Language.Uk] = "Записатися на прийом", [Language.Ru] = "Записаться на приём" },
        ["steps"] = new() { [Language.Pl] = "Krok po kroku", [Language.En] = "Step by step", [Language.Uk] = "Крок за кроком", [Language.Ru] = "Шаг за шагом" },
        ["hours"] = new() { [Language.Pl] = "Godziny", [Language.En] = "Hours", [Language.Uk] = "Години роботи", [Language.Ru] = "Часы работы" },
        ["checklist_intro"] = new()
        {
            [Language.Pl] = "Twoja lista na wizytę – zachowaj tę wiadomość albo zrób zdjęcie ekranu:",
            [Language.En] = "Your list for the visit – keep this message or take a screenshot:",
            [Language.Uk] = "Ваш список для візиту – збережіть це повідомлення або зробіть знімок екрана:",
            [Language.Ru] = "Ваш список для визита – сохраните это сообщение или сделайте снимок экрана:",
        },
        ["book_by_phone"] = new()
        {
            [Language.Pl] = "Wizytę w tej sprawie umówisz telefonicznie: {0} ({1}). Możesz też przyjść bez umawiania w godzinach pracy.",
            [Language.En] = "You can book a visit for this by phone: {0} ({1}). You can also come without an appointment during opening hours.",
            [Language.Uk] = "Записатися на прийом у цій справі можна за телефоном: {0} ({1}). Можна також прийти без запису в робочі години.",
            [Language.Ru] = "Записаться на приём по этому делу можно по телефону: {0} ({1}). Можно также прийти без записи в часы работы.",
        },
        ["fees_differ"] = new()
        {
            [Language.Pl] = "dla niektórych osób inna kwota albo bezpłatnie – zobacz szczegóły",
            [Language.En] = "some people pay a different amount or nothing – see the details",
            [Language.Uk] = "для деяких осіб інша сума або безкоштовно – див. докладніше",
            [Language.Ru] = "для некоторых людей другая сумма или бесплатно – см. подробнее",
        },
        ["or"] = new() { [Language.Pl] = "albo", [Language.En] = "or", [Language.Uk] = "або", [Language.Ru] = "или" },
        ["which_of_these"] = new()
        {
            [Language.Pl] = "Te sprawy załatwia się różnie. Która jest Twoja? Wybierz albo napisz numer lub kilka słów (np. „z Niemiec”, „pierwsze”, „zgubione”).",
            [Language.En] = "These are handled differently. Which one is yours? Choose, or write its number or a few words (e.g. \"from Germany\", \"first one\", \"lost\").",
            [Language.Uk] = "Ці справи вирішуються по-різному. Яка ваша? Оберіть або напишіть номер чи кілька слів (наприклад, «з Німеччини», «перше», «загубив»).",
            [Language.Ru] = "Эти дела решаются по-разному. Какое ваше? Выберите или напишите номер либо несколько слов (например, «из Германии», «первое», «потерял»).",
        },
        ["several_matters"] = new()
        {
            [Language.Pl] = "Widzę tu {0} sprawy – każdą załatwia się osobno:",
            [Language.En] = "I see {0} matters here – each is handled separately:",
            [Language.Uk] = "Бачу тут {0} справи – кожна вирішується окремо:",
            [Language.Ru] = "Вижу здесь {0} дела – каждое решается отдельно:",
        },
        ["personal_data_not_needed"] = new()
        {
            [Language.Pl] = "PS. Tu nie trzeba podawać numeru PESEL ani numeru dokumentu – nie zapisuję go. Podasz go dopiero przy stanowisku albo we wniosku.",
            [Language.En] = "PS. You do not need to give your PESEL or document number here – I do not keep it. You will give it at the desk or in the application.",
            [Language.Uk] = "P.S. Тут не потрібно вказувати PESEL чи номер документа – я його не зберігаю. Ви вкажете його біля віконця або в заяві.",
            [Language.Ru] = "P.S. Здесь не нужно указывать PESEL или номер документа – я его не сохраняю. Вы укажете его у окошка или в заявлении.",
        },
        ["robot"] = new()
        {
            [Language.Pl] = "Jestem automatycznym asystentem starostwa – programem, nie człowiekiem. Podpowiem, gdzie i jak załatwić sprawę. Jeśli wolisz porozmawiać z pracownikiem, wybierz „Rozmowa z człowiekiem”.",
            [Language.En] = "I am the county office's automated assistant – a program, not a person. I can tell you where and how to deal with your matter. If you would rather talk to a clerk, choose \"Talk to a person\".",
            [Language.Uk] = "Я автоматичний асистент староства – програма, а не людина. Підкажу, де і як вирішити справу. Якщо хочете поговорити з працівником, оберіть «Розмова з людиною».",
            [Language.Ru] = "Я автоматический ассистент староства – программа, а не человек. Подскажу, где и как решить дело. Если хотите поговорить с сотрудником, выберите «Разговор с человеком».",
        },
        ["rudeness"] = new()
        {
            [Language.Pl] = "Przykro mi, że nie pomogłem. Napisz, proszę, jaką sprawę chcesz załatwić – spróbuję jeszcze raz – albo wybierz rozmowę z pracownikiem.",
            [Language.En] = "I am sorry I have not helped. Please tell me what you need to deal with and I will try again – or choose to talk to a clerk.",
            [Language.Uk] = "Мені шкода, що не допоміг. Напишіть, будь ласка, яку справу хочете вирішити, – спробую ще раз, – або оберіть розмову з працівником.",
            [Language.Ru] = "Мне жаль, что не помог. Напишите, пожалуйста, какое дело хотите решить, – попробую ещё раз, – или выберите разговор с сотрудником.",
        },
        ["complaint_ack"] = new()
        {
            [Language.Pl] = "Przepraszam za tę sytuację. Skargę możesz złożyć: tutaj, opisując ją pracownikowi na czacie; e-mailem na adres {1} ({0}); albo osobiście – {2}. Skargę rozpatruje starosta w ciągu miesiąca.",
            [Language.En] = "I am sorry about this. You can file a complaint: here, by describing it to a clerk in the chat; by e-mail to {1} ({0}); or in person – {2}. The starosta deals with it within a month.",
            [Language.Uk] = "Перепрошую за цю ситуацію. Скаргу можна подати: тут, описавши її працівнику в чаті; електронною поштою на {1} ({0}); або особисто – {2}. Скаргу розглядає староста протягом місяця.",
            [Language.Ru] = "Приношу извинения за эту ситуацию. Жалобу можно подать: здесь, описав её сотруднику в чате; по электронной почте на {1} ({0}); или лично – {2}. Жалобу рассматривает староста в течение месяца.",
        },
        ["online_none"] = new()
        {
            [Language.Pl] = "tej sprawy nie załatwisz w całości przez internet – trzeba przyjść osobiście.",
            [Language.En] = "this cannot be done entirely online – you need to come in person.",
            [Language.Uk] = "цю справу не можна повністю вирішити онлайн – потрібно прийти особисто.",
            [Language.Ru] = "это дело нельзя полностью решить онлайн – нужно прийти лично.",
        },
        ["access_ask"] = new()
        {
            [Language.Pl] = "O dojazd, parking i dostępność zapytaj w punkcie informacyjnym.",
            [Language.En] = "Ask the information desk about access and parking.",
            [Language.Uk] = "Про доїзд, паркування і доступність запитайте в інформаційному пункті.",
            [Language.Ru] = "О проезде, парковке и доступности спросите в информационном пункте.",
        },
        ["which_matter"] = new()
        {
            [Language.Pl] = "Najpierw napisz, jakiej sprawy to dotyczy – np. „paszport” albo „rejestracja auta”.",
            [Language.En] = "First tell me which matter it is about – e.g. \"passport\" or \"car registration\".",
            [Language.Uk] = "Спершу напишіть, якої справи це стосується, – наприклад, «паспорт» або «реєстрація авто».",
            [Language.Ru] = "Сначала напишите, какого дела это касается, – например, «паспорт» или «регистрация авто».",
        },
        ["details"] = new() { [Language.Pl] = "Szczegóły", [Language.En] = "Details", [Language.Uk] = "Докладніше", [Language.Ru] = "Подробнее" },
        ["another"] = new() { [Language.Pl] = "Inne pytanie", [Language.En] = "Another question", [Language.Uk] = "Інше питання", [Language.Ru] = "Другой вопрос" },
        ["talk_to_person"] = new() { [Language.Pl] = "Rozmowa z człowiekiem", [Language.En] = "Talk to a person", [Language.Uk] = "Розмова з людиною", [Language.Ru] = "Разговор с человеком" },
    };

    /// <summary>The phrase key whose text in some language is exactly <paramref name="text"/> (a suggested action sent back).</summary>
    public static string? KeyOf(string text, params string[] keys) =>
        keys.FirstOrDefault(key => Texts[key].Values.Any(v => string.Equals(v, text, StringComparison.OrdinalIgnoreCase)));

    public static string Get(string key, Language language) =>
        Texts[key].TryGetValue(language, out var text) ? text : Texts[key][Language.Pl];
}
