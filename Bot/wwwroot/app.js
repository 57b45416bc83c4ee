// Connects the official Web Chat to this server's Direct Line. The page asks its own server for a
// token (the Direct Line secret stays on the server) and keeps the chosen language in the address.
(function () {
  'use strict';

  var texts = {
    pl: { locale: 'pl-PL', title: 'Asystent Starostwa Powiatowego', lead: 'Zapytaj, gdzie załatwisz swoją sprawę: dostaniesz pokój, godziny, dokumenty i opłaty.', contact: 'Wolisz porozmawiać z człowiekiem? Punkt Informacyjny:', unavailable: 'Czat jest chwilowo niedostępny. Zadzwoń do Punktu Informacyjnego.' },
    en: { locale: 'en-US', title: 'County Office Assistant', lead: 'Ask where to go with your matter: you get the room, hours, documents and fees.', contact: 'Prefer to talk to a person? Information desk:', unavailable: 'The chat is unavailable right now. Please call the information desk.' },
    uk: { locale: 'uk-UA', title: 'Асистент повітового староства', lead: 'Запитайте, куди звернутися з вашою справою: кімната, години, документи й оплати.', contact: 'Бажаєте поговорити з людиною? Інформаційний пункт:', unavailable: 'Чат тимчасово недоступний. Зателефонуйте до інформаційного пункту.' },
    ru: { locale: 'ru-RU', title: 'Ассистент повятового староства', lead: 'Спросите, куда обратиться с вашим делом: кабинет, часы, документы и оплата.', contact: 'Хотите поговорить с человеком? Информационный пункт:', unavailable: 'Чат временно недоступен. Позвоните в информационный пункт.' }
  };

  var params = new URLSearchParams(window.location.search);
  var lang = texts[params.get('lang')] ? params.get('lang') : 'pl';
  var t = texts[lang];

  document.documentElement.lang = lang;
  document.title = t.title;
  document.getElementById('title').textContent = t.title;
  document.getElementById('lead').textContent = t.lead;
  document.getElementById('contact').firstChild.textContent = t.contact + ' ';

  document.querySelectorAll('.languages button').forEach(function (button) {
    button.setAttribute('aria-pressed', String(button.dataset.lang === lang));
    button.addEventListener('click', function () {
      params.set('lang', button.dataset.lang);
      window.location.search = params.toString();
    });
  });

  fetch('/api/webchat/token', { method: 'POST' })
    .then(function (response) {
      if (!response.ok) { throw new Error('token ' + response.status); }
      return response.json();
    })
    .then(function (grant) {
      var directLine = window.WebChat.createDirectLine({
        token: grant.token,
        domain: window.location.origin + '/v3/directline',
        conversationStartProperties: { locale: t.locale }
      });
      window.WebChat.renderWebChat({
        directLine: directLine,
        userID: grant.userId,
        locale: t.locale,
        styleOptions: { primaryFont: 'system-ui, sans-serif', bubbleMaxWidth: 640, hideUploadButton: true, sendBoxHeight: 48 }
      }, document.getElementById('webchat'));
      var input = document.querySelector('#webchat input, #webchat textarea');
      if (input) { input.focus(); }
    })
    .catch(function () {
      document.getElementById('status').textContent = t.unavailable;
    });
})();
