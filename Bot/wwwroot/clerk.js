// The clerk console: a live SignalR connection to /clerk/hub. The server says "changed" and the page
// asks for its own view again (the server filters it by the clerk's units); "message" brings the
// resident's words in the open conversation, "ended" says the resident left. Text from residents is
// only ever set as textContent.
'use strict';
(() => {
  const $ = id => document.getElementById(id);
  const languages = { pl: 'polski', en: 'angielski', uk: 'ukraiński', ru: 'rosyjski' };
  const reasons = { request: 'prośba o człowieka', complaint: 'skarga', misunderstood: 'asystent nie zrozumiał' };
  const speakers = { resident: 'Rozmówca', assistant: 'Asystent', clerk: 'Urzędnik' };
  let current = null;
  let snapshot = null;

  const hub = new signalR.HubConnectionBuilder().withUrl('/clerk/hub').withAutomaticReconnect().build();

  function problem(error) {
    const message = error && error.message ? error.message.replace(/^.*HubException: /, '') : String(error || '');
    $('problem').textContent = message;
  }

  function element(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function button(text, action) {
    const node = element('button', text);
    node.type = 'button';
    node.addEventListener('click', async () => {
      problem('');
      try { await action(); } catch (e) { problem(e); }
    });
    return node;
  }

  function waited(since) {
    const seconds = Math.max(0, Math.round((Date.now() - new Date(since).getTime()) / 1000));
    return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  }

  function describe(item) {
    return `${item.unit} · ${languages[item.language] || item.language} · ${item.card || 'bez sprawy'} · ${reasons[item.reason] || item.reason} · ${item.channel}`;
  }

  function list(target, items, empty, render) {
    target.replaceChildren(...(items.length ? items.map(render) : [element('li', empty)]));
  }

  function render() {
    list($('queue'), snapshot.waiting, 'Nikt nie czeka.', item => {
      const li = element('li');
      li.append(element('div', describe(item)));
      const wait = element('div', `czeka ${waited(item.requestedAt)}`, 'wait');
      wait.dataset.since = item.requestedAt;
      li.append(wait, button(`Przyjmij rozmowę ${item.id}`, () => accept(item.id)));
      return li;
    });
    list($('mine'), snapshot.mine, 'Brak.', item => {
      const li = element('li', undefined, current && current.item.id === item.id ? 'current' : '');
      li.append(element('div', describe(item)), button(`Otwórz rozmowę ${item.id}`, () => open(item.id)));
      return li;
    });
    list($('callbacks'), snapshot.callbacks, 'Brak próśb.', item => {
      const li = element('li');
      li.append(
        element('div', `${item.unit} · ${item.contact} · ${item.preferredTime}`),
        element('div', item.topic),
        element('div', `${languages[item.language] || item.language} · ${new Date(item.createdAt).toLocaleString('pl-PL')}`),
        button(`Załatwione (prośba ${item.id})`, () => hub.invoke('CallbackDone', item.id)));
      return li;
    });
  }

  function line(entry) {
    const li = element('li', undefined, entry.from);
    li.append(element('span', speakers[entry.from] || entry.from, 'who'), element('span', entry.text));
    return li;
  }

  function show(view) {
    current = view;
    const item = view.item;
    $('conversation-meta').textContent = `${describe(item)} · ${item.state === 'active' ? 'prowadzisz tę rozmowę' : 'czeka w kolejce'}`;
    $('transcript').replaceChildren(...view.transcript.map(line));
    $('transcript').scrollTop = $('transcript').scrollHeight;
    const mine = item.state === 'active' && item.acceptedBy && item.acceptedBy.toLowerCase() === $('who').textContent.toLowerCase();
    $('reply-form').hidden = !mine;
    $('canned').replaceChildren(...(mine ? view.canned.map(answer => button(answer.label, () => { $('reply').value = answer.text; $('reply').focus(); })) : []));
    if (mine) $('reply').focus();
    if (snapshot) render();
  }

  async function refresh() {
    snapshot = await hub.invoke('Snapshot');
    render();
    const taking = await hub.invoke('TakingConversations');
    $('connection').textContent = taking ? 'Połączono – przyjmujesz rozmowy' : 'Połączono – poza godzinami pracy (tylko prośby o kontakt)';
  }

  async function accept(id) { show(await hub.invoke('Accept', id)); await refresh(); }
  async function open(id) { show(await hub.invoke('Open', id)); }

  async function finish(method) {
    if (!current) return;
    await hub.invoke(method, current.item.id);
    current = null;
    $('conversation-meta').textContent = method === 'HandBack' ? 'Rozmowa wróciła do asystenta.' : 'Rozmowa zakończona.';
    $('transcript').replaceChildren();
    $('canned').replaceChildren();
    $('reply-form').hidden = true;
    await refresh();
  }

  $('reply-form').addEventListener('submit', async event => {
    event.preventDefault();
    const text = $('reply').value.trim();
    if (!current || !text) return;
    problem('');
    try {
      await hub.invoke('Reply', current.item.id, text);
      $('transcript').append(line({ from: 'clerk', text }));
      $('transcript').scrollTop = $('transcript').scrollHeight;
      $('reply').value = '';
    } catch (e) { problem(e); }
  });
  $('reply').addEventListener('keydown', event => {
    if (event.key === 'Enter' && !event.shiftKey) { event.preventDefault(); $('reply-form').requestSubmit(); }
  });
  $('hand-back').addEventListener('click', () => finish('HandBack').catch(problem));
  $('close').addEventListener('click', () => finish('Close').catch(problem));

  hub.on('changed', () => refresh().catch(problem));
  hub.on('message', (id, entry) => {
    if (current && current.item.id === id) {
      $('transcript').append(line(entry));
      $('transcript').scrollTop = $('transcript').scrollHeight;
    }
  });
  hub.on('ended', id => {
    if (current && current.item.id === id) {
      $('conversation-meta').textContent = 'Rozmówca zakończył rozmowę.';
      $('reply-form').hidden = true;
    }
  });
  hub.onreconnecting(() => { $('connection').textContent = 'Utracono połączenie – ponawiam…'; });
  hub.onreconnected(async () => {
    await refresh();
    if (current) await open(current.item.id);
  });

  setInterval(() => {
    for (const wait of document.querySelectorAll('.wait')) wait.textContent = `czeka ${waited(wait.dataset.since)}`;
  }, 1000);

  hub.start().then(refresh).catch(error => {
    $('connection').textContent = 'Brak połączenia';
    problem(error);
  });
})();
