// The residents' page with the official Web Chat, in real headless Chromium (Debian's package,
// driven by playwright-core with its executable path): type a question, read the answer, click a
// suggested action, switch the language; on a phone's screen (screenshots of the chat, a card and a
// booking, with what matters on screen and uncovered); and what the page weighs on the wire.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startAssistant } from './assistant-server.js';
import { ask, assertInView, launchBrowser, PHONE, screenshot, settled } from './browser.js';

let server;
let browser;
before(async () => {
  server = await startAssistant();
  browser = await launchBrowser();
}, { timeout: 150_000 });
after(async () => {
  await browser?.close();
  await server?.stop();
});

test('a resident asks where to register a car from Germany and is told the unit and the room', { timeout: 90_000 }, async () => {
  const page = await browser.newPage();
  await page.goto(server.url + '/');
  // The welcome message (not the page heading, which also names the office): the conversation has started.
  await page.getByText('Dzień dobry! Jestem asystentem').first().waitFor({ timeout: 30_000 });

  await ask(page, 'gdzie zarejestrować samochód z Niemiec');
  await page.getByText('Wydział Komunikacji i Transportu').first().waitFor({ timeout: 30_000 });
  await page.getByText('stanowiska 4–8').first().waitFor({ timeout: 10_000 });

  // The Adaptive Card under the answer: what to bring, and the online alternative as a link button.
  await page.getByText('Zabierz', { exact: true }).first().waitFor({ timeout: 10_000 });
  await page.getByText('zaświadczenie o badaniu technicznym').first().waitFor({ timeout: 10_000 });
  await page.getByRole('button', { name: 'Przez internet' }).first().waitFor({ timeout: 10_000 });

  // "Write it down" sends the list to keep.
  await page.getByRole('button', { name: 'Zapisz listę' }).first().click();
  await page.getByText('zachowaj tę wiadomość', { exact: false }).first().waitFor({ timeout: 30_000 });

  // The suggested actions under the answer work: "Inne pytanie" gets its follow-up.
  await page.getByRole('button', { name: 'Inne pytanie' }).first().click();
  await page.getByText('O co chcesz zapytać?').first().waitFor({ timeout: 30_000 });

  // Sent messages are confirmed, not left "sending" (the echo carries the client's activity id).
  assert.equal(await page.getByText(/Send failed|Nie można wysłać/).count(), 0);
  await page.close();
});

test('the page and the chat switch to Ukrainian', { timeout: 90_000 }, async () => {
  const page = await browser.newPage();
  await page.goto(server.url + '/?lang=uk');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'uk');
  await page.getByRole('heading', { name: 'Асистент повітового староства' }).waitFor();
  await page.getByText('Добрий день!').first().waitFor({ timeout: 30_000 });
  await ask(page, 'як отримати паспорт для дитини');
  await page.getByText('Паспорт (paszport) для дитини (згода обох батьків)', { exact: true }).first().waitFor({ timeout: 30_000 });
  await page.close();
});

test('the page works on a phone-sized screen, at 200 % zoom and with the keyboard only', { timeout: 90_000 }, async () => {
  // A phone: 360 px wide; 200 % zoom of a 720 px window gives the same CSS width.
  const page = await browser.newPage({ viewport: PHONE });
  await page.goto(server.url + '/?lang=en');
  await page.getByText('Hello!').first().waitFor({ timeout: 30_000 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);

  // Keyboard only: Tab reaches the message box within a few steps, Enter sends.
  let focusedInput = false;
  for (let i = 0; i < 15 && !focusedInput; i++) {
    await page.keyboard.press('Tab');
    focusedInput = await page.evaluate(() => document.activeElement?.matches('#webchat input, #webchat textarea') ?? false);
  }

  assert.ok(focusedInput, 'the message box must be reachable with Tab');
  await page.keyboard.type('fishing card');
  await page.keyboard.press('Enter');
  await page.getByText('Fishing card (karta wędkarska) and underwater fishing card', { exact: true }).first().waitFor({ timeout: 30_000 });
  assert.ok(await page.getByRole('textbox').first().isVisible());
  await page.close();
});

test('a resident books a visit in Web Chat on a phone by buttons and words and can save it to a calendar', { timeout: 120_000 }, async () => {
  const page = await browser.newPage({ viewport: PHONE });
  await page.goto(server.url + '/');
  await page.getByText('Dzień dobry! Jestem asystentem').first().waitFor({ timeout: 30_000 });

  await ask(page, 'chcę się umówić na rejestrację auta');
  await page.getByText('najbliższe wolne terminy', { exact: false }).first().waitFor({ timeout: 30_000 });
  // The offered times, as buttons under the message, all on the screen and none under another (Web
  // Chat also copies them, unseen, into its screen-reader live region: those are not counted).
  const times = page.locator('.webchat__suggested-actions').getByRole('button', { name: /^\S+ \d{1,2} \S+, \d{2}:\d{2}$/ });
  await settled(page);
  console.log(`# screenshot: ${await screenshot(page, 'phone-booking-times')}`);
  for (let i = 0; i < await times.count(); i++) {
    await assertInView(page, times.nth(i), `offered time ${i + 1}`);
  }
  await times.first().click();
  await page.getByText('Podaj imię i nazwisko', { exact: false }).first().waitFor({ timeout: 30_000 });
  await ask(page, 'Jan Kowalski');
  await page.getByText('Podaj numer telefonu komórkowego', { exact: false }).first().waitFor({ timeout: 30_000 });
  await ask(page, '600 700 800');
  await page.getByText('Czy mam zarezerwować?', { exact: false }).first().waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Tak, rezerwuję' }).first().click();
  await page.getByText('Kod wizyty:', { exact: false }).first().waitFor({ timeout: 30_000 });
  await settled(page);
  console.log(`# screenshot: ${await screenshot(page, 'phone-booking-code')}`);
  await assertInView(page, page.locator('.webchat__bubble').filter({ hasText: 'Kod wizyty:' }).last().getByText('Kod wizyty:', { exact: false }).first(), 'the booking code');

  // The calendar file is a download link in the transcript, and it is a real iCalendar file.
  const link = page.locator('a', { hasText: 'Dodaj do kalendarza' }).first();
  await link.waitFor({ timeout: 10_000 });
  const ics = await (await fetch(await link.getAttribute('href'))).text();
  assert.match(ics, /BEGIN:VCALENDAR/);
  assert.match(ics, /TZID=Europe\/Warsaw/);
  assert.equal(await page.getByText(/Send failed|Nie można wysłać/).count(), 0);
  await page.close();
});

test('on a phone the header is small, a card is shown from its top with every suggested action in view, and the list to keep is a list', { timeout: 120_000 }, async () => {
  const page = await browser.newPage({ viewport: PHONE });
  await page.goto(server.url + '/');
  await page.getByText('Dzień dobry! Jestem asystentem').first().waitFor({ timeout: 30_000 });
  console.log(`# screenshot: ${await screenshot(page, 'phone-chat')}`);
  const header = await page.locator('header.top').boundingBox();
  assert.ok(header.height <= PHONE.height * 0.15, `the header takes ${header.height}px of ${PHONE.height}`);
  for (const name of ['Polski', 'English', 'Українська', 'Русский']) {
    await assertInView(page, page.getByRole('button', { name, exact: true }), `the language button ${name}`);
  }
  await assertInView(page, page.locator('.webchat__bubble', { hasText: 'Dzień dobry! Jestem asystentem' }).first(), 'the welcome message');
  await assertInView(page, page.getByRole('textbox').first(), 'the message box');

  await ask(page, 'gdzie zarejestrować samochód z Niemiec');
  await page.getByText('Wydział Komunikacji i Transportu').first().waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Rozmowa z człowiekiem' }).last().waitFor({ timeout: 10_000 });
  await settled(page);
  console.log(`# screenshot: ${await screenshot(page, 'phone-card')}`);
  // Where to go is the first thing of the answer, and it is on the screen (not scrolled past).
  await assertInView(page, page.locator('.webchat__bubble').filter({ hasText: 'Gdzie:' }).last().getByText('Gdzie:', { exact: false }).first(), '"Gdzie" of the answer');
  // The suggested actions wrap: every one on the screen, none under a carousel arrow.
  const actions = page.locator('.webchat__suggested-actions button');
  assert.ok(await actions.count() >= 4, 'suggested actions under the card');
  for (let i = 0; i < await actions.count(); i++) {
    await assertInView(page, actions.nth(i), `suggested action "${await actions.nth(i).textContent()}"`);
  }

  await page.getByRole('button', { name: 'Zapisz listę' }).last().click();
  await page.getByText('zachowaj tę wiadomość', { exact: false }).first().waitFor({ timeout: 30_000 });
  const list = page.locator('.webchat__bubble').filter({ hasText: 'zachowaj tę wiadomość' }).last().locator('li');
  assert.ok(await list.count() >= 5, `the things to bring are list items (${await list.count()})`);
  assert.match(await list.first().textContent(), /^☐ wniosek o rejestrację pojazdu/);
  await page.close();
});

test('switching the language keeps the conversation and the assistant goes on in the new language', { timeout: 120_000 }, async () => {
  const page = await browser.newPage({ viewport: PHONE });
  await page.goto(server.url + '/');
  await page.getByText('Dzień dobry! Jestem asystentem').first().waitFor({ timeout: 30_000 });
  await ask(page, 'karta wędkarska');
  await page.getByText('Karta wędkarska', { exact: false }).first().waitFor({ timeout: 30_000 });

  await page.getByRole('button', { name: 'English', exact: true }).click();
  // Web Chat prints apostrophes typographically.
  const said = page.getByText('All right, I’ll write in English.');
  await said.first().waitFor({ timeout: 30_000 });
  await settled(page);
  await assertInView(page, page.locator('.webchat__bubble', { hasText: 'All right, I’ll write in English.' }).last(), 'the assistant\'s answer to the switch');
  assert.equal(new URL(page.url()).searchParams.get('lang'), 'en');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await page.getByRole('heading', { name: 'County Office Assistant' }).waitFor();
  // The transcript stays: the welcome and the Polish answer are still there.
  assert.ok(await page.getByText('Dzień dobry! Jestem asystentem').count() > 0, 'the welcome is gone');
  assert.ok(await page.getByText('Karta wędkarska', { exact: false }).count() > 0, 'the earlier answer is gone');

  // A short Polish question would not switch back: the language was chosen.
  await ask(page, 'paszport dla dziecka');
  await page.getByText('Passport for a child', { exact: false }).first().waitFor({ timeout: 30_000 });
  await page.close();
});

test('the page is light: Web Chat compressed at a versioned, long-cached address, a favicon, 1.5 MB at most on the wire', { timeout: 60_000 }, async () => {
  const html = await (await fetch(server.url + '/')).text();
  const src = /<script src="(\/webchat\/[0-9a-f]{16}\/webchat\.js)"/.exec(html)?.[1];
  assert.ok(src, 'the page loads Web Chat from a versioned address');
  for (const encoding of ['br', 'gzip']) {
    const bundle = await fetch(server.url + src, { headers: { 'Accept-Encoding': encoding } });
    assert.equal(bundle.status, 200);
    assert.equal(bundle.headers.get('content-encoding'), encoding);
    assert.match(bundle.headers.get('cache-control'), /max-age=31536000/);
    assert.match(bundle.headers.get('cache-control'), /immutable/);
    assert.match(bundle.headers.get('vary'), /Accept-Encoding/i);
  }
  const plain = await fetch(server.url + src, { headers: { 'Accept-Encoding': 'identity' } });
  assert.equal(plain.headers.get('content-encoding'), null);
  assert.equal((await fetch(server.url + '/webchat/0000000000000000/webchat.js')).status, 404);
  const icon = await fetch(server.url + '/favicon.svg');
  assert.equal(icon.status, 200);
  assert.match(icon.headers.get('content-type'), /svg/);

  const page = await browser.newPage();
  await page.goto(server.url + '/');
  // Web Chat's send box: the bundle has arrived (the welcome alone may be shown before it has).
  await page.getByRole('textbox').first().waitFor({ timeout: 30_000 });
  const bytes = await page.evaluate(() => [performance.getEntriesByType('navigation')[0], ...performance.getEntriesByType('resource')]
    .reduce((sum, entry) => sum + entry.transferSize, 0));
  console.log(`# the page on the wire: ${(bytes / 1024).toFixed(0)} KiB`);
  assert.ok(bytes <= 1.5 * 1024 * 1024, `the page weighs ${bytes} bytes on the wire`);
  assert.equal(await page.evaluate(() => document.querySelector('link[rel=icon]')?.getAttribute('href')), '/favicon.svg');
  await page.close();
});

test('the welcome is shown while Web Chat is still loading, and Web Chat then shows it once', { timeout: 90_000 }, async () => {
  const page = await browser.newPage();
  // A slow phone: the Web Chat bundle arrives three seconds late.
  let releaseBundle;
  const bundleHeld = new Promise(resolve => { releaseBundle = resolve; });
  await page.route('**/webchat/*/webchat.js', async route => { await bundleHeld; await route.continue(); });
  await page.goto(server.url + '/', { waitUntil: 'commit' });

  const early = page.locator('#webchat .first-words');
  await early.waitFor({ timeout: 15_000 });
  assert.match(await early.textContent(), /^Dzień dobry! Jestem asystentem/);
  assert.equal(await page.getByRole('textbox').count(), 0, 'Web Chat has not loaded yet');

  releaseBundle();
  await page.getByRole('textbox').first().waitFor({ timeout: 30_000 });
  await page.getByText('Dzień dobry! Jestem asystentem').first().waitFor({ timeout: 30_000 });
  assert.equal(await early.count(), 0, 'the early welcome gives way to Web Chat');
  assert.equal(await page.locator('#webchat .webchat__bubble__content', { hasText: 'Dzień dobry! Jestem asystentem' }).count(), 1, 'the welcome is shown once');
  await page.close();
});
