// botframework-directlinejs, the official client, used unchanged against the assistant's Direct
// Line over WebSocket and over polling. Node has no XMLHttpRequest and (in v20) no WebSocket, so
// the standard polyfills are installed as globals, as a browser would provide them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { startAssistant, generateToken } from './assistant-server.js';

const require = createRequire(import.meta.url);
globalThis.XMLHttpRequest = require('xhr2');
globalThis.WebSocket = require('ws');
const { DirectLine, ConnectionStatus } = require('botframework-directlinejs');

let server;
before(async () => { server = await startAssistant(); }, { timeout: 150_000 });
after(async () => { await server?.stop(); });

/** Collects every activity the client receives and waits for ones matching a condition. */
function watch(directLine) {
  const received = [];
  const waiters = [];
  const subscription = directLine.activity$.subscribe(activity => {
    received.push(activity);
    for (const waiter of [...waiters]) {
      if (waiter.until(activity)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.done(activity);
      }
    }
  });
  return {
    received,
    next(until, ms = 20_000) {
      const already = received.find(until);
      if (already) return Promise.resolve(already);
      return new Promise((done, fail) => {
        const timer = setTimeout(() => fail(new Error('timed out waiting for an activity')), ms);
        waiters.push({ until, done: a => { clearTimeout(timer); done(a); } });
      });
    },
    stop() { subscription.unsubscribe(); },
  };
}

function post(directLine, userId, text) {
  return new Promise((done, fail) => directLine
    .postActivity({ type: 'message', from: { id: userId }, text, channelData: { clientActivityID: `c-${Math.random()}` } })
    .subscribe({ next: done, error: fail }));
}

async function conversation(webSocket) {
  const userId = `dl_${webSocket ? 'ws' : 'poll'}_${Date.now()}`;
  const grant = await generateToken(server, userId);
  const directLine = new DirectLine({ token: grant.token, domain: server.directLine, webSocket, pollingInterval: 200 });
  const seen = watch(directLine);
  const statuses = [];
  directLine.connectionStatus$.subscribe(s => statuses.push(s));
  return { directLine, seen, userId, statuses };
}

async function holdsAConversation(webSocket) {
  const { directLine, seen, userId, statuses } = await conversation(webSocket);
  const welcome = await seen.next(a => a.type === 'message' && a.from.id !== userId);
  assert.match(welcome.text, /Starostw|county office/);

  const turns = [
    ['gdzie zarejestrować samochód z Niemiec', /Wydział Komunikacji i Transportu/],
    ['a paszport dla dziecka?', /Biuro Paszportowe/],
    ['dziękuję', /Nie ma za co/],
  ];
  for (const [text, expected] of turns) {
    const id = await post(directLine, userId, text);
    assert.notEqual(id, 'retry', 'the post must succeed');
    const echo = await seen.next(a => a.id === id);
    assert.equal(echo.text, text);
    const reply = await seen.next(a => a.replyToId === id);
    assert.match(reply.text, expected);
  }

  assert.ok(statuses.includes(ConnectionStatus.Online));
  const ids = seen.received.map(a => a.id);
  assert.equal(new Set(ids).size, ids.length, 'no activity may arrive twice');
  return { directLine, seen, userId };
}

test('holds a conversation of several turns over the WebSocket stream', { timeout: 90_000 }, async () => {
  const { directLine, seen } = await holdsAConversation(true);
  seen.stop();
  directLine.end();
});

test('holds a conversation of several turns over polling', { timeout: 90_000 }, async () => {
  const { directLine, seen } = await holdsAConversation(false);
  seen.stop();
  directLine.end();
});

test('resumes with a watermark and receives nothing twice', { timeout: 90_000 }, async () => {
  const { directLine, seen, userId } = await conversation(true);
  await seen.next(a => a.type === 'message' && a.from.id !== userId);
  const firstId = await post(directLine, userId, 'karta wędkarska');
  await seen.next(a => a.replyToId === firstId);
  const conversationId = seen.received[0].conversation.id;
  const watermark = String(seen.received.length);
  const token = directLine.token;
  seen.stop();
  directLine.end();

  // A second client picks the conversation up where the first left off.
  const resumed = new DirectLine({ token, conversationId, watermark, domain: server.directLine, webSocket: true });
  const again = watch(resumed);
  const secondId = await post(resumed, userId, 'ile to kosztuje');
  await again.next(a => a.replyToId === secondId);
  const replayedOld = again.received.filter(a => a.id === firstId || a.replyToId === firstId);
  assert.deepEqual(replayedOld, [], 'activities before the watermark must not come again');
  again.stop();
  resumed.end();
});
