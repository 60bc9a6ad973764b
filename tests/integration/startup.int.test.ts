// `npm start` as a user runs it: seed when empty, serve /healthz and GraphQL, stop cleanly on SIGTERM, restart on the same data.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
// Node itself with tsx's loader, not the tsx command: the signal reaches the server, not a process relaying it.
const node = (script: string, args: string[] = []) => [process.execPath, ['--import', 'tsx', script, ...args]] as const;
const dataDir = mkdtempSync(join(tmpdir(), 'ketenkaart-start-'));
const port = 4300 + (process.pid % 500);
const env = { ...process.env, KETENKAART_DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', NEO4J_URI: '' };
delete (env as Record<string, string | undefined>).NEO4J_URI;

function run(script: string, args: string[] = []): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(...node(script, args), { cwd: root, env, stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', (code) => resolve(code ?? -1));
  });
}

async function startServer(): Promise<ChildProcess> {
  const child = spawn(...node('api/src/server.ts'), { cwd: root, env, stdio: 'ignore' });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (response.ok) return child;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill('SIGKILL');
  throw new Error('server did not answer /healthz within 60 s');
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.on('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

async function cityCount(): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ centrumgemeenten { id } }' }),
  });
  const body = (await response.json()) as { data: { centrumgemeenten: unknown[] } };
  return body.data.centrumgemeenten.length;
}

describe('start-up', () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('seeds an empty data dir, serves, stops cleanly and starts again on the existing data', async () => {
    expect(await run('seed/src/cli.ts', ['--if-empty'])).toBe(0);
    const first = await startServer();
    const health = await (await fetch(`http://127.0.0.1:${port}/healthz`)).json();
    expect(health).toMatchObject({ status: 'ok', store: 'grafeo' });
    expect(health.schemaVersion).toBeGreaterThanOrEqual(2);
    expect(await cityCount()).toBe(4);
    expect(await stop(first)).toBe(0);

    // Second start: the seed sees data and does nothing; the server reads what the first run wrote.
    expect(await run('seed/src/cli.ts', ['--if-empty'])).toBe(0);
    const second = await startServer();
    expect(await cityCount()).toBe(4);
    expect(await stop(second)).toBe(0);
  });
});
