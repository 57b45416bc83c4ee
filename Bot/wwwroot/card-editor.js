// The card editor: checks the card on the server as staff type (debounced), marks the fields with
// problems, keeps the YAML view in step with the form, and refreshes the three previews.
(() => {
  'use strict';
  const form = document.getElementById('card-form');
  if (!form) return;
  const id = form.dataset.card;
  const mode = form.querySelector('input[name="mode"]');
  const useYaml = document.getElementById('use-yaml');
  const yaml = document.getElementById('yaml');
  const problems = document.getElementById('problems');
  const language = document.getElementById('preview-language');
  let timer = null;
  let sequence = 0;

  const post = (path) => fetch(path, { method: 'POST', body: new FormData(form), credentials: 'same-origin', headers: { Accept: 'application/json' } });

  function field(name) {
    return document.getElementById(name);
  }

  function show(result) {
    form.querySelectorAll('[aria-invalid="true"]').forEach((el) => el.removeAttribute('aria-invalid'));
    problems.textContent = '';
    const errors = result.problems.filter((p) => p.severity === 'error');
    const summary = document.createElement('p');
    summary.textContent = errors.length === 0
      ? 'Karta jest poprawna – można ją opublikować.'
      : `Problemy do poprawienia przed publikacją: ${errors.length}.`;
    summary.className = errors.length === 0 ? 'ok' : 'error';
    problems.append(summary);
    if (result.problems.length === 0) return;
    const list = document.createElement('ul');
    for (const p of result.problems) {
      const item = document.createElement('li');
      const target = field(p.field) || field(p.field.replace(/\.(pl|en|uk|ru)$/, '.pl'));
      const text = `${p.severity === 'error' ? 'Błąd' : 'Uwaga'} – ${p.field}${p.line ? ` (wiersz ${p.line})` : ''}: ${p.message}`;
      if (target && mode.value === 'form') {
        target.setAttribute('aria-invalid', 'true');
        const link = document.createElement('a');
        link.href = `#${CSS.escape(target.id)}`;
        link.textContent = text;
        link.addEventListener('click', (e) => { e.preventDefault(); target.focus(); });
        item.append(link);
      } else {
        item.textContent = text;
      }
      list.append(item);
    }
    problems.append(list);
  }

  async function check() {
    const mine = ++sequence;
    try {
      const response = await post(`/admin/cards/${encodeURIComponent(id)}/check`);
      if (mine !== sequence) return;
      if (!response.ok) {
        const problem = await response.json().catch(() => ({}));
        problems.textContent = problem.detail || 'Nie udało się sprawdzić karty. Odśwież stronę.';
        return;
      }
      const result = await response.json();
      show(result);
      if (mode.value === 'form' && result.yaml) yaml.value = result.yaml;
      await preview();
    } catch {
      problems.textContent = 'Brak połączenia z serwerem: karta nie została sprawdzona.';
    }
  }

  async function preview() {
    const note = document.getElementById('preview-problem');
    const response = await post(`/admin/cards/${encodeURIComponent(id)}/preview?lang=${language.value}`);
    const result = await response.json().catch(() => ({}));
    if (!response.ok || result.problem) {
      note.textContent = result.problem || result.detail || 'Podgląd jest niedostępny.';
      return;
    }
    note.textContent = '';
    document.getElementById('preview-chat').innerHTML = result.chat; // HTML encoded by the server
    document.getElementById('preview-card').srcdoc = result.card;
    document.getElementById('preview-print').srcdoc = result.print;
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(check, 500);
  }

  form.addEventListener('input', (e) => { if (e.target !== useYaml) later(); });
  form.addEventListener('change', (e) => { if (e.target !== useYaml) later(); });
  useYaml.addEventListener('change', () => { mode.value = useYaml.checked ? 'yaml' : 'form'; later(); });
  language.addEventListener('change', preview);
  document.getElementById('preview-refresh').addEventListener('click', check);
  check();
})();
