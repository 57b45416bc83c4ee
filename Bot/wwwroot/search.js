// The information desk's search: results as you type (debounced), filters by unit and kind, the
// page and the cards in pl/en/uk/ru, matched words highlighted, and the keyboard alone is enough:
// arrows move through the results, Enter opens the card, Esc clears.
'use strict';
(() => {
  const texts = {
    pl: { heading: 'Wyszukiwarka spraw – Punkt Informacyjny', q: 'Czego szuka mieszkaniec?', help: 'Strzałki – wybór, Enter – otwórz kartę, Esc – wyczyść.', unit: 'Wydział', unitAll: 'Wszystkie wydziały', kind: 'Rodzaj', all: 'Wszystkie', service: 'Sprawy w starostwie', redirect: 'Gdzie indziej', found: n => `Znaleziono: ${n}`, none: 'Nic nie znaleziono. Spróbuj innych słów.', error: 'Wyszukiwanie chwilowo nie działa.' },
    en: { heading: 'Find a service – Information desk', q: 'What is the resident looking for?', help: 'Arrows – choose, Enter – open the card, Esc – clear.', unit: 'Department', unitAll: 'All departments', kind: 'Kind', all: 'All', service: 'At the county office', redirect: 'Elsewhere', found: n => `Found: ${n}`, none: 'Nothing found. Try other words.', error: 'Search is not working at the moment.' },
    uk: { heading: 'Пошук справ – інформаційний пункт', q: 'Що шукає мешканець?', help: 'Стрілки – вибір, Enter – відкрити картку, Esc – очистити.', unit: 'Відділ', unitAll: 'Усі відділи', kind: 'Тип', all: 'Усі', service: 'У старостві', redirect: 'Деінде', found: n => `Знайдено: ${n}`, none: 'Нічого не знайдено. Спробуйте інші слова.', error: 'Пошук тимчасово не працює.' },
    ru: { heading: 'Поиск дел – информационный пункт', q: 'Что ищет житель?', help: 'Стрелки – выбор, Enter – открыть карточку, Esc – очистить.', unit: 'Отдел', unitAll: 'Все отделы', kind: 'Тип', all: 'Все', service: 'В старостве', redirect: 'В другом месте', found: n => `Найдено: ${n}`, none: 'Ничего не найдено. Попробуйте другие слова.', error: 'Поиск временно не работает.' },
  };
  const $ = id => document.getElementById(id);
  const requested = new URLSearchParams(location.search).get('lang');
  const lang = texts[requested] ? requested : 'pl';
  const t = texts[lang];
  let results = [];
  let active = -1;
  let timer = null;
  let latest = 0;

  document.documentElement.lang = lang;
  document.title = t.heading;
  $('heading').textContent = t.heading;
  $('q-label').textContent = t.q;
  $('keys-help').textContent = t.help;
  $('unit-label').textContent = t.unit;
  $('unit-all').textContent = t.unitAll;
  $('kind-legend').textContent = t.kind;
  $('kind-all').textContent = t.all;
  $('kind-service').textContent = t.service;
  $('kind-redirect').textContent = t.redirect;
  for (const link of document.querySelectorAll('#languages a')) {
    if (link.dataset.lang === lang) link.setAttribute('aria-current', 'true');
  }

  // Words compared without Polish letters and case, so "zarejestrowac" marks "zarejestrować".
  const fold = text => text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ł/g, 'l');
  const stems = query => fold(query).split(/[^\p{L}\p{N}]+/u).filter(w => w.length >= 3).map(w => w.slice(0, Math.max(3, Math.min(w.length, 5))));

  // Appends text to the node with the words matching the query in <mark>, never as HTML.
  function highlighted(node, text, wanted) {
    const parts = text.split(/([\p{L}\p{N}]+)/u);
    for (const part of parts) {
      const folded = fold(part);
      if (part && wanted.some(stem => folded.startsWith(stem))) {
        const mark = document.createElement('mark');
        mark.textContent = part;
        node.append(mark);
      } else {
        node.append(part);
      }
    }
  }

  function cardUrl(result) { return `/search/cards/${encodeURIComponent(result.id)}?lang=${lang}`; }

  function select(index) {
    const items = $('results').children;
    if (active >= 0 && items[active]) items[active].setAttribute('aria-selected', 'false');
    active = index;
    if (active >= 0 && items[active]) {
      items[active].setAttribute('aria-selected', 'true');
      $('q').setAttribute('aria-activedescendant', items[active].id);
      items[active].scrollIntoView({ block: 'nearest' });
    } else {
      $('q').removeAttribute('aria-activedescendant');
    }
  }

  function show(query, found) {
    results = found;
    active = -1;
    const wanted = stems(query);
    $('results').replaceChildren(...found.map((result, i) => {
      const item = document.createElement('li');
      item.id = `result-${i}`;
      item.setAttribute('role', 'option');
      item.setAttribute('aria-selected', 'false');
      // Options hold no links (nothing interactive inside an option); choosing one opens the card.
      const link = document.createElement('span');
      link.className = 'title';
      highlighted(link, result.title, wanted);
      const unit = document.createElement('span');
      unit.className = 'unit';
      unit.textContent = result.unit;
      const snippet = document.createElement('p');
      highlighted(snippet, result.snippet, wanted);
      item.append(link, unit, snippet);
      item.addEventListener('click', () => { location.href = cardUrl(result); });
      return item;
    }));
    $('q').setAttribute('aria-expanded', found.length > 0 ? 'true' : 'false');
    $('q').removeAttribute('aria-activedescendant');
    $('status').textContent = query.trim() ? (found.length ? t.found(found.length) : t.none) : '';
  }

  async function search() {
    const query = $('q').value.trim();
    const ticket = ++latest;
    if (!query) { show('', []); return; }
    const params = new URLSearchParams({ q: query, lang, top: '10' });
    if ($('unit').value) params.set('unit', $('unit').value);
    const kind = document.querySelector('input[name=kind]:checked').value;
    if (kind) params.set('kind', kind);
    try {
      const response = await fetch(`/api/search?${params}`);
      if (!response.ok) throw new Error(String(response.status));
      const body = await response.json();
      if (ticket === latest) show(query, body.results);
    } catch {
      if (ticket === latest) { show(query, []); $('status').textContent = t.error; }
    }
  }

  function later() { clearTimeout(timer); timer = setTimeout(search, 150); }

  $('q').addEventListener('input', later);
  $('unit').addEventListener('change', search);
  for (const radio of document.querySelectorAll('input[name=kind]')) radio.addEventListener('change', search);
  $('search-form').addEventListener('submit', event => event.preventDefault());
  $('q').addEventListener('keydown', event => {
    if (event.key === 'ArrowDown' && results.length) { event.preventDefault(); select(Math.min(active + 1, results.length - 1)); }
    else if (event.key === 'ArrowUp' && results.length) { event.preventDefault(); select(Math.max(active - 1, 0)); }
    else if (event.key === 'Enter') {
      event.preventDefault();
      const chosen = results[active >= 0 ? active : 0];
      if (chosen) location.href = cardUrl(chosen);
    } else if (event.key === 'Escape') { event.preventDefault(); $('q').value = ''; show('', []); }
  });

  fetch(`/api/units?lang=${lang}`).then(r => r.ok ? r.json() : []).then(units => {
    for (const unit of units) {
      const option = document.createElement('option');
      option.value = unit.code;
      option.textContent = unit.name;
      $('unit').append(option);
    }
  }).catch(() => {});
  $('q').focus();
})();
