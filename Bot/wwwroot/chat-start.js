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
          return { token: conversation.token, conversationId: conversation.conversationId, userId: grant.userId, locale: locale };
        });
    });
  // app.js reports a failure; this only keeps the console free of an "unhandled rejection" until then.
  window.chatStart.catch(function () { });
})();
