// Measures the residents' page in Debian's Chromium against a real Bot (Release build): the time
// from navigation to the welcome bubble, the bytes on the wire (first visit and a return visit),
// and the Bot's resident memory (VmRSS) after start and after the visits. Not a test: it prints
// figures for BENCHMARKS.md. Run: node tests/Clients/page-benchmark.js [runs]
import { readFileSync } from 'node:fs';
import { startAssistant } from './assistant-server.js';
import { launchBrowser } from './browser.js';

const runs = Number(process.argv[2] ?? 5);
const rss = pid => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
const median = values => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const server = await startAssistant();
// Let start-up work that runs after /health (background warm-up, first GC) settle before reading memory.
await new Promise(r => setTimeout(r, 5_000));
const rssAfterStart = rss(server.pid);
const browser = await launchBrowser();

// Records when the welcome text first appears in the transcript, on the page's own clock
// (milliseconds since navigation started).
// Also when Web Chat itself is ready (its send box is there), which the early welcome comes before.
function watchWelcome() {
  new MutationObserver((_, observer) => {
    if (window.welcomeAt === undefined && document.querySelector('#webchat')?.textContent.includes('Dzień dobry! Jestem asystentem')) {
      window.welcomeAt = performance.now();
    }
    if (window.webChatAt === undefined && document.querySelector('#webchat input, #webchat textarea')) {
      window.webChatAt = performance.now();
    }
    if (window.welcomeAt !== undefined && window.webChatAt !== undefined) {
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true, characterData: true });
}

async function visit(context) {
  const page = await context.newPage();
  await page.addInitScript(watchWelcome);
  await page.goto(server.url + '/');
  await page.waitForFunction(() => window.welcomeAt !== undefined && window.webChatAt !== undefined, null, { timeout: 30_000 });
  const figures = await page.evaluate(() => {
    const navigation = performance.getEntriesByType('navigation')[0];
    const resources = performance.getEntriesByType('resource');
    return {
      load: navigation.loadEventEnd,
      welcome: window.welcomeAt,
      webChat: window.webChatAt,
      bytes: navigation.transferSize + resources.reduce((sum, r) => sum + r.transferSize, 0),
    };
  });
  await page.close();
  return figures;
}

const first = [];
const again = [];
for (let i = 0; i < runs; i++) {
  const context = await browser.newContext();
  first.push(await visit(context));
  again.push(await visit(context));
  await context.close();
}

const report = (name, list) => console.log(
  `${name}: welcome after navigation median ${median(list.map(f => f.welcome)).toFixed(0)} ms `
  + `(runs ${list.map(f => f.welcome.toFixed(0)).join(' / ')}), after the load event median `
  + `${median(list.map(f => f.welcome - f.load)).toFixed(0)} ms; Web Chat ready after navigation median `
  + `${median(list.map(f => f.webChat)).toFixed(0)} ms; on the wire ${(median(list.map(f => f.bytes)) / 1024).toFixed(0)} KiB`);
report('first visit', first);
report('return visit', again);
console.log(`Bot VmRSS: ${rssAfterStart.toFixed(0)} MiB after start, ${rss(server.pid).toFixed(0)} MiB after ${runs * 2} page visits`);
await browser.close();
await server.stop();
