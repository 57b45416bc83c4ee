// Runs before the Web Chat bundle: asks this server for a token and starts the Direct Line
// conversation, so the welcome message is waiting by the time Web Chat has compiled (the bundle
// takes a second or more to compile on a phone). app.js hands the started conversation to Web Chat.
(function () {
  'use strict';

  var locales = { pl: 'pl-PL', en: 'en-US', uk: 'uk-UA', ru: 'ru-RU' };
  var lang = new URLSearchParams(window.location.search).get('lang');
  var locale = locales[lang] || 'pl-PL';

  function json(response) {
    if (!response.ok) { throw new Error(response.url + ' ' + response.status); }
    return response.json();
  }

  window.chatStart = fetch('/api/webchat/token', { method: 'POST' })
    .then(json)
    .then(function (grant) {
      return fetch('/v3/directline/conversations', {
        method: 'POST',
        headers: { 'Authorization': 'Bearer ' + grant.token, 'Content-Type': 'application/json' },
        body: JSON.stringify({ locale: locale, user: { id: grant.userId } })
      })
        .then(json)
        .then(function (conversation) {
          showFirstWords(conversation);
          return { token: conversation.token, conversationId: conversation.conversationId, userId: grant.userId, locale: locale };
        });
    });

  // The assistant's welcome, shown as plain text the moment the conversation has started, while the
  // Web Chat bundle still compiles (about a second on a phone); app.js removes it when Web Chat, which
  // shows the same message from the same conversation, takes over.
  function showFirstWords(conversation) {
    fetch('/v3/directline/conversations/' + encodeURIComponent(conversation.conversationId) + '/activities', {
      headers: { 'Authorization': 'Bearer ' + conversation.token }
    })
      .then(json)
      .then(function (page) {
        var welcome = (page.activities || []).filter(function (a) { return a.type === 'message' && a.text && a.from && a.from.role === 'bot'; })[0];
        if (!welcome) { return; }
        whenParsed(function () {
          var chat = document.getElementById('webchat');
          if (!chat || window.webChatShown) { return; }
          var words = document.createElement('p');
          words.className = 'first-words';
          words.textContent = welcome.text;
          chat.appendChild(words);
        });
      })
      .catch(function () { /* Web Chat shows the welcome a moment later anyway. */ });
  }

  function whenParsed(action) {
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', action);
    } else {
      action();
    }
  }
  // app.js reports a failure; this only keeps the console free of an "unhandled rejection" until then.
  window.chatStart.catch(function () { });
})();
