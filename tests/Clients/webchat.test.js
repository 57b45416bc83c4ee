// The residents' page with the official Web Chat, in real headless Chromium (Debian's package,
// driven by playwright-core with its executable path): type a question, read the answer, click a
// suggested action, switch the language.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startAssistant } from './assistant-server.js';
import { ask, launchBrowser } from './browser.js';

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
  // The welcome message (not the page heading, which also names the office): Web Chat is connected.
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
  const page = await browser.newPage({ viewport: { width: 360, height: 720 } });
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

test('a resident books a visit in Web Chat by buttons and words and can save it to a calendar', { timeout: 120_000 }, async () => {
  const page = await browser.newPage();
  await page.goto(server.url + '/');
  await page.getByText('Dzień dobry! Jestem asystentem').first().waitFor({ timeout: 30_000 });

  await ask(page, 'chcę się umówić na rejestrację auta');
  await page.getByText('najbliższe wolne terminy', { exact: false }).first().waitFor({ timeout: 30_000 });
  // The first offered time, as a button under the message.
  await page.getByRole('button', { name: /^\S+ \d{1,2} \S+, \d{2}:\d{2}$/ }).first().click();
  await page.getByText('Podaj imię i nazwisko', { exact: false }).first().waitFor({ timeout: 30_000 });
  await ask(page, 'Jan Kowalski');
  await page.getByText('Podaj numer telefonu komórkowego', { exact: false }).first().waitFor({ timeout: 30_000 });
  await ask(page, '600 700 800');
  await page.getByText('Czy mam zarezerwować?', { exact: false }).first().waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Tak, rezerwuję' }).first().click();
  await page.getByText('Kod wizyty:', { exact: false }).first().waitFor({ timeout: 30_000 });

  // The calendar file is a download link in the transcript, and it is a real iCalendar file.
  const link = page.locator('a', { hasText: 'Dodaj do kalendarza' }).first();
  await link.waitFor({ timeout: 10_000 });
  const ics = await (await fetch(await link.getAttribute('href'))).text();
  assert.match(ics, /BEGIN:VCALENDAR/);
  assert.match(ics, /TZID=Europe\/Warsaw/);
  assert.equal(await page.getByText(/Send failed|Nie można wysłać/).count(), 0);
  await page.close();
});
