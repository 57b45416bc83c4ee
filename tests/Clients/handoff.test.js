// Handing over to a clerk, in two real browsers: a resident in the official Web Chat asks for a
// person and agrees; a clerk signs in to /clerk (SignalR), takes the conversation, replies; the
// resident sees the reply in Web Chat; the clerk hands back and the assistant answers again.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startAssistant } from './assistant-server.js';
import { ask, launchBrowser } from './browser.js';

const PASSWORD = 'clerk-console-test-2026';
let server;
let browser;
before(async () => {
  server = await startAssistant({
    Staff__Accounts__0__UserName: 'urzednik',
    Staff__Accounts__0__Password: PASSWORD,
    Staff__Accounts__0__Units__0: 'KT',
    // The queue is open whenever a clerk is online, so the test holds at any hour.
    Handoff__LiveChatOutsideHours: 'true',
  });
  browser = await launchBrowser();
}, { timeout: 150_000 });
after(async () => {
  await browser?.close();
  await server?.stop();
});

test('a resident asks for a person, a clerk takes over and replies, then hands back to the assistant', { timeout: 120_000 }, async () => {
  // The clerk first: the console asks for sign-in, then connects.
  const clerkContext = await browser.newContext();
  const clerk = await clerkContext.newPage();
  await clerk.goto(server.url + '/clerk');
  assert.match(clerk.url(), /\/staff\/signin/);
  await clerk.getByLabel('Nazwa użytkownika').fill('urzednik');
  await clerk.getByLabel('Hasło').fill(PASSWORD);
  await clerk.getByRole('button', { name: 'Zaloguj' }).click();
  await clerk.getByText('Połączono – przyjmujesz rozmowy').waitFor({ timeout: 30_000 });

  const residentContext = await browser.newContext();
  const resident = await residentContext.newPage();
  await resident.goto(server.url + '/');
  await resident.getByText('Dzień dobry! Jestem asystentem').first().waitFor({ timeout: 30_000 });
  await ask(resident, 'gdzie zarejestrować samochód z Niemiec');
  await resident.getByText('Wydział Komunikacji i Transportu').first().waitFor({ timeout: 30_000 });
  await resident.getByRole('button', { name: 'Rozmowa z człowiekiem' }).last().click();
  await resident.getByText('Połączyć?', { exact: false }).first().waitFor({ timeout: 30_000 });
  await resident.getByRole('button', { name: 'Tak, połącz' }).last().click();
  await resident.getByText('Jesteś 1. w kolejce', { exact: false }).first().waitFor({ timeout: 30_000 });

  // The clerk sees the conversation in the queue, takes it, and reads what was asked.
  await clerk.getByRole('button', { name: /Przyjmij rozmowę/ }).first().click({ timeout: 30_000 });
  await clerk.locator('#transcript').getByText('gdzie zarejestrować samochód z Niemiec').waitFor({ timeout: 30_000 });
  await resident.getByText('jest już w rozmowie', { exact: false }).first().waitFor({ timeout: 30_000 });

  await clerk.getByLabel('Odpowiedź dla rozmówcy').fill('Dzień dobry, tu urzędnik. Proszę zabrać umowę kupna.');
  await clerk.keyboard.press('Enter');
  await resident.getByText('Dzień dobry, tu urzędnik. Proszę zabrać umowę kupna.').first().waitFor({ timeout: 30_000 });

  // The resident's answer reaches the console live.
  await ask(resident, 'czy umowa musi być przetłumaczona?');
  await clerk.locator('#transcript').getByText('czy umowa musi być przetłumaczona?').waitFor({ timeout: 30_000 });

  await clerk.getByRole('button', { name: 'Oddaj asystentowi' }).click();
  await resident.getByText('z powrotem do mnie', { exact: false }).first().waitFor({ timeout: 30_000 });
  await ask(resident, 'ile to kosztuje?');
  await resident.getByText('161,50 zł', { exact: false }).first().waitFor({ timeout: 30_000 });
  assert.equal(await resident.getByText(/Send failed|Nie można wysłać/).count(), 0);

  await residentContext.close();
  await clerkContext.close();
});
