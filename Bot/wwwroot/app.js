// Connects the official Web Chat to this server's Direct Line. chat-start.js has already asked for a
// token (the Direct Line secret stays on the server) and started the conversation; this hands it to
// Web Chat. The language buttons switch the page, Web Chat and the assistant within the same
// conversation (an event the assistant answers), so the transcript stays.
(function () {
  'use strict';

  var texts = {
    pl: { locale: 'pl-PL', title: 'Asystent Starostwa Powiatowego', lead: 'Zapytaj, gdzie załatwisz swoją sprawę: dostaniesz pokój, godziny, dokumenty i opłaty.', ask: 'Wolisz porozmawiać z człowiekiem?', desk: 'Punkt Informacyjny:', unavailable: 'Czat jest chwilowo niedostępny. Zadzwoń do Punktu Informacyjnego.' },
    en: { locale: 'en-US', title: 'County Office Assistant', lead: 'Ask where to go with your matter: you get the room, hours, documents and fees.', ask: 'Prefer to talk to a person?', desk: 'Information desk:', unavailable: 'The chat is unavailable right now. Please call the information desk.' },
    uk: { locale: 'uk-UA', title: 'Асистент повітового староства', lead: 'Запитайте, куди звернутися з вашою справою: кімната, години, документи й оплати.', ask: 'Бажаєте поговорити з людиною?', desk: 'Інформаційний пункт:', unavailable: 'Чат тимчасово недоступний. Зателефонуйте до інформаційного пункту.' },
    ru: { locale: 'ru-RU', title: 'Ассистент повятового староства', lead: 'Спросите, куда обратиться с вашим делом: кабинет, часы, документы и оплата.', ask: 'Хотите поговорить с человеком?', desk: 'Информационный пункт:', unavailable: 'Чат временно недоступен. Позвоните в информационный пункт.' }
  };

  var styleOptions = {
    primaryFont: 'system-ui, sans-serif',
    bubbleMaxWidth: 640,
    hideUploadButton: true,
    sendBoxHeight: 48,
    // All suggested actions in view, wrapped over lines: a carousel hid some behind its arrows on a phone.
    suggestedActionLayout: 'flow',
    // An answer (a card taller than a phone's screen) is shown from its top, where "where to go" is:
    // scrolling to the newest messages stops once the first reply to the person's message reaches
    // the top of the transcript, instead of going on to the card's end.
    autoScrollSnapOnPage: true
  };

  var params = new URLSearchParams(window.location.search);
  // Set while the assistant's answer to a language switch is awaited: that answer follows no message
  // of the person's, so Web Chat would leave it below the fold behind a "New messages" button.
  var awaitingLanguageReply = false;
  var lang = texts[params.get('lang')] ? params.get('lang') : 'pl';
  var chat = null;

  function showTexts() {
    var t = texts[lang];
    document.documentElement.lang = lang;
    document.title = t.title;
    document.getElementById('title').textContent = t.title;
    document.getElementById('lead').textContent = t.lead;
    document.getElementById('contact-ask').textContent = t.ask;
    document.getElementById('contact-desk').textContent = t.desk;
    document.querySelectorAll('.languages button').forEach(function (button) {
      button.setAttribute('aria-pressed', String(button.dataset.lang === lang));
    });
  }

  function render() {
    window.webChatShown = true;
    var firstWords = document.querySelector('#webchat .first-words');
    if (firstWords) { firstWords.remove(); }
    window.WebChat.renderWebChat({
      directLine: chat.directLine,
      store: chat.store,
      userID: chat.userId,
      locale: texts[lang].locale,
      styleOptions: styleOptions
    }, document.getElementById('webchat'));
  }

  // The assistant switches its language in this conversation and says so in the new one.
  // Posted through Direct Line itself, which waits until the connection is open.
  function tellAssistant() {
    awaitingLanguageReply = true;
    chat.directLine.postActivity({ type: 'event', name: 'language', value: lang, locale: texts[lang].locale, from: { id: chat.userId, role: 'user' } })
      .subscribe({ error: function () { document.getElementById('status').textContent = texts[lang].unavailable; } });
  }

  function showNewest() {
    var scrollable = document.querySelector('#webchat .webchat__basic-transcript__scrollable');
    if (scrollable) { scrollable.scrollTop = scrollable.scrollHeight; }
  }

  function switchLanguage(next) {
    if (next === lang) { return; }
    lang = next;
    params.set('lang', lang);
    window.history.replaceState(null, '', '?' + params.toString());
    showTexts();
    if (chat) {
      render();
      tellAssistant();
    }
  }

  showTexts();
  document.querySelectorAll('.languages button').forEach(function (button) {
    button.addEventListener('click', function () { switchLanguage(button.dataset.lang); });
  });

  window.chatStart
    .then(function (started) {
      chat = {
        userId: started.userId,
        store: window.WebChat.createStore({}, function () {
          return function (next) {
            return function (action) {
              var result = next(action);
              if (awaitingLanguageReply && action.type === 'DIRECT_LINE/INCOMING_ACTIVITY' && action.payload.activity.type === 'message'
                && action.payload.activity.from.role === 'bot') {
                awaitingLanguageReply = false;
                window.setTimeout(showNewest, 100);
              }
              return result;
            };
          };
        }),
        directLine: window.WebChat.createDirectLine({
          token: started.token,
          conversationId: started.conversationId,
          domain: window.location.origin + '/v3/directline'
        })
      };
      render();
      // A language chosen while the conversation was starting.
      if (texts[lang].locale !== started.locale) { tellAssistant(); }
      // On a phone the on-screen keyboard would cover half the page before the person has read anything.
      if (window.matchMedia('(pointer: fine)').matches) {
        var input = document.querySelector('#webchat input, #webchat textarea');
        if (input) { input.focus(); }
      }
    })
    .catch(function () {
      document.getElementById('status').textContent = texts[lang].unavailable;
    });
})();
