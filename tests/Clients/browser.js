// Debian's Chromium driven by playwright-core (a browser downloaded by a test tool is not allowed
// here), and typing into the official Web Chat the way a person does. Shared by the browser tests.
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
