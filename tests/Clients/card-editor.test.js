// The card editor in Chromium: an editor signs in, finds the fishing card, changes its fee in the
// form (checked and previewed as they type), publishes, and the resident's Web Chat answers with the
// new fee without a restart. axe-core finds no WCAG 2.1 AA violations on the list, the editor and the
// history. The Bot gets a copy of the cards folder: the repository's cards are never edited.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startAssistant } from './assistant-server.js';
import { ask, launchBrowser } from './browser.js';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const PASSWORD = 'card-editor-test-2026';
const cards = mkdtempSync(join(tmpdir(), 'asystent-editor-cards-'));
let server;
let browser;
before(async () => {
  cpSync(resolve(import.meta.dirname, '..', '..', 'content', 'cards'), cards, { recursive: true });
  server = await startAssistant({
    Staff__Accounts__0__UserName: 'redaktor',
    Staff__Accounts__0__Password: PASSWORD,
    Staff__Accounts__0__Role: 'editor',
    KnowledgeBase__CardsPath: cards,
    KnowledgeBase__IndexPollSeconds: '1',
  });
  // startAssistant gives up waiting after two minutes; a fresh index takes longer on a busy machine.
  const deadline = Date.now() + 480_000;
  while (Date.now() < deadline && (await fetch(server.url + '/health').catch(() => ({ status: 0 }))).status !== 200) {
    await new Promise(r => setTimeout(r, 500));
  }
  browser = await launchBrowser();
}, { timeout: 600_000 });
after(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(cards, { recursive: true, force: true });
});

async function violations(page) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(() => window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
  return result.violations.map(v => `${v.id}: ${v.nodes.map(n => n.target.join(' ')).join(', ')}`);
}

test('an editor changes a fee, publishes, and the Web Chat answers with the new fee', { timeout: 600_000 }, async () => {
  const page = await browser.newPage();
  await page.goto(server.url + '/admin/cards');
  assert.match(page.url(), /\/staff\/signin/);
  await page.getByLabel('Nazwa użytkownika').fill('redaktor');
  await page.getByLabel('Hasło').fill(PASSWORD);
  await page.getByRole('button', { name: 'Zaloguj' }).click();
  await page.getByRole('heading', { name: 'Karty usług' }).waitFor({ timeout: 30_000 });
  assert.deepEqual(await violations(page), [], '/admin/cards');

  await page.getByLabel('Szukaj karty', { exact: false }).fill('wedkarska');
  await page.getByRole('button', { name: 'Szukaj' }).click();
  await page.getByRole('link', { name: 'karta-wedkarska' }).click();
  await page.getByText('Karta jest poprawna', { exact: false }).waitFor({ timeout: 90_000 });
  await page.locator('#preview-chat').getByText('Opłaty: 10 zł').waitFor({ timeout: 90_000 });
  assert.deepEqual(await violations(page), [], '/admin/cards/karta-wedkarska');

  // A slip is reported as the editor types, on its field, and goes away when corrected.
  const amount = page.locator('[id="fees[0].amount"]');
  await amount.fill('');
  await amount.pressSequentially('-25', { delay: 20 });
  await page.getByText('Problemy do poprawienia przed publikacją', { exact: false }).waitFor({ timeout: 90_000 });
  assert.equal(await amount.getAttribute('aria-invalid'), 'true');
  await amount.fill('25');
  await page.getByText('Karta jest poprawna', { exact: false }).waitFor({ timeout: 90_000 });
  await page.locator('#preview-chat').getByText('Opłaty: 25 zł').waitFor({ timeout: 90_000 });
  assert.match(await page.locator('#yaml').inputValue(), /- amount: 25\n/);

  // The click waits for the page that answers the publication, which comes after the index build.
  await page.getByRole('button', { name: 'Opublikuj' }).click({ timeout: 400_000 });
  await page.getByText('Opublikowano', { exact: false }).waitFor({ timeout: 240_000 });

  const chat = await browser.newPage();
  await chat.goto(server.url + '/');
  await chat.getByText('Dzień dobry! Jestem asystentem').first().waitFor({ timeout: 30_000 });
  await ask(chat, 'karta wędkarska');
  await chat.getByText('Karta wędkarska', { exact: false }).first().waitFor({ timeout: 30_000 });
  await ask(chat, 'ile to kosztuje?');
  await chat.getByText('25 zł', { exact: false }).first().waitFor({ timeout: 30_000 });
  await chat.close();

  await page.getByRole('link', { name: 'Historia zmian' }).click();
  await page.getByRole('heading', { name: /redaktor: publikacja/ }).waitFor({ timeout: 30_000 });
  assert.deepEqual(await violations(page), [], '/admin/cards/karta-wedkarska/history');
  await page.close();
});
