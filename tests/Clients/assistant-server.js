// Starts the real Bot process (Release build) on a free loopback port with its own data folder,
// and stops it afterwards. Shared by the client tests.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const SECRET = 'client-tests-directline-secret-0123456789';
const ROOT = resolve(import.meta.dirname, '..', '..');

function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
    server.on('error', fail);
  });
}

// `settings` adds environment variables (configuration) for this server only.
export async function startAssistant(settings = {}) {
  const dll = join(ROOT, 'Bot', 'bin', 'Release', 'net10.0', 'Asystent.Bot.dll');
  if (!existsSync(dll)) throw new Error(`Build the Bot in Release first: ${dll}`);
  const data = mkdtempSync(join(tmpdir(), 'asystent-clients-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn('dotnet', [dll, '--urls', url], {
    cwd: ROOT,
    env: {
      ...process.env,
      DirectLine__Secret: SECRET,
      KnowledgeBase__IndexPath: join(data, 'index'),
      KnowledgeBase__ModelPath: join(data, 'model'),
      ConnectionStrings__Assistant: `Data Source=${join(data, 'assistant.db')}`,
      ...settings,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', chunk => { log += chunk; });
  child.stderr.on('data', chunk => { log += chunk; });

  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The Bot exited early:\n${log}`);
    try {
      const health = await fetch(`${url}/health`);
      if (health.status === 200) break;
    } catch { /* not listening yet */ }
    await new Promise(r => setTimeout(r, 200));
  }

  return {
    url,
    pid: child.pid,
    directLine: `${url}/v3/directline`,
    async stop() {
      child.kill('SIGTERM');
      await new Promise(r => child.once('exit', r));
      rmSync(data, { recursive: true, force: true });
    },
  };
}

export async function generateToken(server, userId) {
  const response = await fetch(`${server.directLine}/tokens/generate`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${SECRET}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ user: { id: userId } }),
  });
  if (!response.ok) throw new Error(`token generation failed: ${response.status}`);
  return response.json();
}
