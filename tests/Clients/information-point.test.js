// The information desk's pages in real headless Chromium: the search updates as the clerk types,
// filters, works with the keyboard alone, opens a card whose print view is one A4 page; the admin's
// analytics page; axe-core finds no WCAG 2.1 AA violations on /, /search, a card, /clerk and /admin;
// and a resident rates a conversation in Web Chat.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { startAssistant } from './assistant-server.js';
import { ask, launchBrowser, PHONE } from './browser.js';
import { overlap, printedLayout } from './printed-layout.js';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const PASSWORD = 'analytics-admin-test-2026';
let server;
let browser;
before(async () => {
  server = await startAssistant({
    Staff__Accounts__0__UserName: 'admin',
    Staff__Accounts__0__Password: PASSWORD,
    Staff__Accounts__0__Role: 'admin',
    // A web chat quiet this long after an answer gets the satisfaction question (5 minutes by default).
    Survey__IdleSeconds: '4',
  });
  browser = await launchBrowser();
}, { timeout: 150_000 });
after(async () => {
  await browser?.close();
  await server?.stop();
});

// WCAG 2.1 A and AA rules only; the list of what failed, with where, so a failure says what to fix.
async function violations(page) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(() => window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
  return result.violations.map(v => `${v.id}: ${v.nodes.map(n => n.target.join(' ')).join(', ')}`);
}

async function signIn(page, returnTo) {
  await page.goto(server.url + returnTo);
  await page.getByLabel('Nazwa użytkownika').fill('admin');
  await page.getByLabel('Hasło').fill(PASSWORD);
  await page.getByRole('button', { name: 'Zaloguj' }).click();
}

test('the search updates as you type, filters, and opens a card with the keyboard', { timeout: 90_000 }, async () => {
  const page = await browser.newPage();
  await page.goto(server.url + '/search');
  const box = page.locator('#q');
  await box.pressSequentially('zarejestrowac samochod z niemiec', { delay: 10 });
  const first = page.locator('#results [role=option]').first();
  await first.getByText('Rejestracja pojazdu sprowadzonego', { exact: false }).waitFor({ timeout: 10_000 });
  // Matched words are marked, typed without Polish letters or not.
  assert.ok(await page.locator('#results mark').count() > 0);

  // A unit filter keeps only that unit's cards.
  await page.getByLabel('Wydział').selectOption('BP');
  await page.waitForFunction(() => [...document.querySelectorAll('#results .unit')].every(u => /Paszport|paszport/.test(u.textContent)) || document.querySelectorAll('#results li').length === 0);
  await page.getByLabel('Wydział').selectOption('');
  await first.getByText('Rejestracja pojazdu sprowadzonego', { exact: false }).waitFor({ timeout: 10_000 });

  // Arrows choose, Enter opens the card.
  await box.press('ArrowDown');
  assert.equal(await page.locator('#results [aria-selected=true]').count(), 1);
  await box.press('Enter');
  await page.waitForURL(/\/search\/cards\/rejestracja-pojazdu-sprowadzonego/);
  await page.getByRole('heading', { level: 1 }).waitFor();

  // Printed: the controls go, every card's checklist fits one A4 page, and in the printed PDF no
  // word lies under the QR code (or a bullet) or under another word.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('nav.no-print').isVisible(), false);
  const cards = await (await fetch(`${server.url}/api/cards?lang=pl`)).json();
  const faults = [];
  for (const { id } of cards.cards ?? cards) {
    await page.goto(`${server.url}/search/cards/${id}?lang=pl`);
    const pages = await printedLayout(await page.pdf({ format: 'A4', preferCSSPageSize: true }));
    if (pages.length !== 1) faults.push(`${id}: ${pages.length} pages`);
    const [{ words, drawings }] = pages;
    assert.ok(words.length > 10 && drawings.length > 0, `${id}: the printed page has its words and its QR code`);
    for (const word of words) {
      if (drawings.some(drawing => overlap(drawing, word.box))) faults.push(`${id}: "${word.text}" is printed under a drawing`);
    }
    words.forEach((word, i) => words.slice(i + 1).filter(other => overlap(word.box, other.box))
      .forEach(other => faults.push(`${id}: "${word.text}" overlaps "${other.text}"`)));
  }
  assert.deepEqual(faults, []);
  await page.emulateMedia({ media: 'screen' });

  // Esc clears the search.
  await page.goto(server.url + '/search?lang=uk');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'uk');
  await page.locator('#q').pressSequentially('паспорт', { delay: 10 });
  await page.locator('#results [role=option]').first().waitFor({ timeout: 10_000 });
  await page.locator('#q').press('Escape');
  assert.equal(await page.locator('#results [role=option]').count(), 0);
  await page.close();
});

test('axe-core finds no WCAG 2.1 AA violations on the public pages, a card, the console and the analytics', { timeout: 120_000 }, async () => {
  const page = await browser.newPage();
  await page.goto(server.url + '/');
  await page.getByText('Dzień dobry! Jestem asystentem').first().waitFor({ timeout: 30_000 });
  assert.deepEqual(await violations(page), [], '/');

  // On a phone, with a card and its suggested actions in the transcript.
  const phone = await browser.newPage({ viewport: PHONE });
  await phone.goto(server.url + '/');
  await phone.getByText('Dzień dobry! Jestem asystentem').first().waitFor({ timeout: 30_000 });
  await ask(phone, 'gdzie zarejestrować samochód z Niemiec');
  await phone.getByRole('button', { name: 'Zapisz listę' }).last().waitFor({ timeout: 30_000 });
  assert.deepEqual(await violations(phone), [], '/ on a phone with a card');
  await phone.close();

  await page.goto(server.url + '/search');
  await page.locator('#q').pressSequentially('paszport', { delay: 10 });
  await page.locator('#results [role=option]').first().waitFor({ timeout: 10_000 });
  assert.deepEqual(await violations(page), [], '/search');

  const card = await page.goto(server.url + '/search/cards/paszport-dla-dziecka?lang=en');
  assert.equal(card.status(), 200);
  assert.deepEqual(await violations(page), [], 'card page');

  await signIn(page, '/admin');
  await page.getByRole('heading', { name: 'Analityka asystenta' }).waitFor({ timeout: 30_000 });
  assert.deepEqual(await violations(page), [], '/admin');

  await page.goto(server.url + '/clerk');
  await page.getByText('Połączono', { exact: false }).waitFor({ timeout: 30_000 });
  assert.deepEqual(await violations(page), [], '/clerk');
  await page.close();
});

test('a resident rates the conversation in Web Chat and the admin sees it in the analytics', { timeout: 120_000 }, async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url + '/');
  await page.getByText('Dzień dobry! Jestem asystentem').first().waitFor({ timeout: 30_000 });
  await ask(page, 'jak wyrobić paszport dla dziecka');
  await page.getByText('Paszport dla dziecka', { exact: false }).first().waitFor({ timeout: 30_000 });
  await ask(page, 'dziękuję, do widzenia');
  await page.getByText('Jak oceniasz tę rozmowę?', { exact: false }).first().waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: '5', exact: true }).last().click();
  await page.getByText('Chcesz coś dodać?', { exact: false }).first().waitFor({ timeout: 30_000 });
  await ask(page, 'Bardzo szybko, dziękuję');
  await page.getByText('Dziękujemy za opinię', { exact: false }).first().waitFor({ timeout: 30_000 });
  await context.close();

  const admin = await browser.newPage();
  await signIn(admin, '/admin');
  await admin.getByRole('heading', { name: 'Analityka asystenta' }).waitFor({ timeout: 30_000 });
  // The writer stores events in the background: look again until the comment is there.
  for (let i = 0; i < 20 && await admin.getByText('Bardzo szybko, dziękuję').count() === 0; i++) {
    await new Promise(r => setTimeout(r, 500));
    await admin.reload();
  }
  await admin.getByText('Bardzo szybko, dziękuję').waitFor({ timeout: 5_000 });
  await admin.locator('#days-chart').waitFor();
  assert.ok(await admin.evaluate(() => typeof window.Chart === 'function'), 'Chart.js is served and loaded');
  await admin.close();
});

test('a web chat that goes quiet after an answer gets the satisfaction question once', { timeout: 90_000 }, async () => {
  const page = await browser.newPage();
  await page.goto(server.url + '/?lang=en');
  await page.getByText('Hello!').first().waitFor({ timeout: 30_000 });
  await ask(page, 'where do I register a used car');
  await page.getByText('Registering a used vehicle', { exact: false }).first().waitFor({ timeout: 30_000 });
  // Counted as message bubbles: Web Chat also reads new messages out in a live region that comes and goes.
  const question = page.locator('.webchat__bubble', { hasText: 'How would you rate this conversation?' });
  await question.first().waitFor({ timeout: 30_000 });
  await new Promise(r => setTimeout(r, 6_000));
  assert.equal(await question.count(), 1, 'asked again');
  await page.close();
});

test('the search page works on a phone-sized screen and at 200 % zoom', { timeout: 60_000 }, async () => {
  const page = await browser.newPage({ viewport: { width: 360, height: 720 } });
  await page.goto(server.url + '/search');
  await page.locator('#q').pressSequentially('prawo jazdy', { delay: 10 });
  await page.locator('#results [role=option]').first().waitFor({ timeout: 10_000 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
  await page.close();
});
