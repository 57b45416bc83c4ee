// Debian's Chromium driven by playwright-core (a browser downloaded by a test tool is not allowed
// here), and typing into the official Web Chat the way a person does. Shared by the browser tests.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

// Types key by key and sends with Enter; the question must then leave the send box, as Web Chat
// shows a sent message.
export async function ask(page, text) {
  const box = page.getByRole('textbox').first();
  await box.click();
  await box.pressSequentially(text, { delay: 5 });
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => {
    const input = document.querySelector('#webchat input, #webchat textarea');
    return input && input.value === '';
  }, null, { timeout: 10_000 });
}

// A phone's screen (a common Android size), in CSS pixels.
export const PHONE = { width: 360, height: 740 };

// Whether what the locator finds is on the screen, whole, and not under anything else (a carousel
// arrow, a sticky header): the element at its centre is it or inside it.
export async function assertInView(page, locator, what) {
  const box = await locator.boundingBox();
  assert.ok(box, `${what} is not shown`);
  const screen = page.viewportSize();
  assert.ok(box.x >= 0 && box.y >= 0 && box.x + box.width <= screen.width + 0.5 && box.y + box.height <= screen.height + 0.5,
    `${what} is not wholly on the ${screen.width}×${screen.height} screen: ${JSON.stringify(box)}`);
  const uncovered = await locator.evaluate(element => {
    const r = element.getBoundingClientRect();
    return element.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2));
  });
  assert.ok(uncovered, `${what} is covered by another element`);
}

// Web Chat scrolls smoothly: waits until the transcript has stopped moving.
export async function settled(page) {
  let last = -1;
  for (let i = 0; i < 40; i++) {
    const top = await page.evaluate(() => document.querySelector('.webchat__basic-transcript__scrollable')?.scrollTop ?? 0);
    if (top === last) return;
    last = top;
    await new Promise(r => setTimeout(r, 250));
  }
}

// Screenshots of the tests go to a temporary folder (named in the test's output) for a person to look at.
export async function screenshot(page, name) {
  const folder = join(tmpdir(), 'asystent-screenshots');
  mkdirSync(folder, { recursive: true });
  const path = join(folder, `${name}.png`);
  await page.screenshot({ path });
  return path;
}
