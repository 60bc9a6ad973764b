// Crash safety: the server process is killed (SIGKILL) during a burst of writes and during a large import. After
// a restart the store opens, every acknowledged write is there, and nothing that was not acknowledged is half there.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExecutor, createRepositories, type Config } from '@ketenkaart/api';
import { seedReferenceData } from '@ketenkaart/seed';
import { TEST_PASSWORD, LOGIN } from '../support/accounts.js';
import { REGISTER, householdInput } from '../support/operations.js';
import { openTestStore, testConfig } from '../support/store.js';

const root = new URL('../../', import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), 'ketenkaart-crash-'));
const port = 4800 + (process.pid % 150);
const base = `http://127.0.0.1:${port}`;
const onDisk: Config = { ...testConfig(), store: { kind: 'grafeo', dataDir } };
const IMPORT_ROWS = 20_000;

async function startServer(): Promise<ChildProcess> {
  const env = {
    ...process.env,
    KETENKAART_DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    KETENKAART_JOBS: 'off',
  };
  delete (env as Record<string, string | undefined>).NEO4J_URI;
  // Node itself with tsx's loader, not the tsx wrapper: SIGKILL must reach the process that holds the store.
  const child = spawn(process.execPath, ['--import', 'tsx', 'api/src/server.ts'], { cwd: root, env, stdio: 'ignore' });
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    if (
      await fetch(`${base}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return child;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill('SIGKILL');
  throw new Error('server did not answer /healthz within 90 s');
}

function kill(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.on('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

async function login(username: string): Promise<Record<string, string>> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: LOGIN, variables: { username, password: TEST_PASSWORD } }),
  });
  const { data } = (await response.json()) as { data: { login: { token: string } } };
  return { authorization: `Bearer ${data.login.token}` };
}

describe('crash safety', () => {
  beforeAll(async () => {
    const executor = await openTestStore(onDisk);
    await seedReferenceData(executor);
    const accounts = createRepositories(executor).accounts;
    await accounts.create({
      username: 'crash.coordinator',
      role: 'COORDINATOR',
      agencyId: null,
      centrumgemeenteId: 'amsterdam',
      password: TEST_PASSWORD,
    });
    await accounts.create({
      username: 'crash.shelter',
      role: 'SHELTER_STAFF',
      agencyId: 'ams-hvo-querido',
      centrumgemeenteId: null,
      password: TEST_PASSWORD,
    });
    await executor.close();
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps every acknowledged write and no half write when the server is killed mid-burst and mid-import', async () => {
    // A burst of registrations, eight at a time; killed once 40 have been acknowledged.
    let server = await startServer();
    const coordinator = await login('crash.coordinator');
    const acknowledged = new Set<string>();
    let sent = 0;
    // Set by whichever writer sees the 40th acknowledgement; the others stop at their next turn.
    const burst: { killing: Promise<void> | null } = { killing: null };
    const writer = async () => {
      while (!burst.killing) {
        sent += 1;
        const reference = `AMS-CRASH-${String(sent).padStart(5, '0')}`;
        try {
          const response = await fetch(`${base}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...coordinator },
            body: JSON.stringify({ query: REGISTER, variables: { input: householdInput({ reference }) } }),
          });
          const body = (await response.json()) as { data?: { registerHousehold?: { __typename: string; id: string } } };
          if (body.data?.registerHousehold?.__typename === 'Household') acknowledged.add(body.data.registerHousehold.id);
        } catch {
          return; // The connection died with the server: this write was not acknowledged.
        }
        if (acknowledged.size >= 40 && !burst.killing) burst.killing = kill(server);
      }
    };
    await Promise.all(Array.from({ length: 8 }, writer));
    await burst.killing;

    // An import of 20,000 rows, killed once the file is read and the rows are being checked and written.
    server = await startServer();
    const shelter = await login('crash.shelter');
    const lines = ['facility_id,unit_kind,target_group,period_start,period_end,capacity,note'];
    for (let i = 0; i < IMPORT_ROWS; i += 1) {
      const day = new Date(Date.UTC(1990, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
      lines.push(`ams-roggeveen-crisis,PLACES,FAMILIES,${day},${day},${i % 50},`);
    }
    const response = await fetch(`${base}/shelter/import?kind=capacity`, {
      method: 'POST',
      headers: { ...shelter, 'content-type': 'text/csv' },
      body: lines.join('\n'),
    });
    let importAcknowledged = false;
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    for (;;) {
      const chunk = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (chunk.done) break;
      text += chunk.value;
      if (text.includes('"type":"report"')) importAcknowledged = true;
      if (text.includes(`"rows":${IMPORT_ROWS}`) || importAcknowledged) break;
    }
    await kill(server);

    // The store opens (the restarted server answers), then is read in full once the server has stopped again.
    server = await startServer();
    await kill(server);
    const executor = createExecutor(onDisk.store);
    try {
      const repos = createRepositories(executor);
      const stored = await repos.households.householdsPage({ cityIds: ['amsterdam'], ids: null, reference: 'AMS-CRASH-' }, 1000, null);
      const storedIds = new Set(stored.items.map((h) => h.id));
      for (const id of acknowledged) expect(storedIds.has(id), `acknowledged household ${id}`).toBe(true);
      // Registration writes a household and its two members in one transaction: never one without the other.
      const members = await repos.households.membershipsByHousehold([...storedIds]);
      for (const id of storedIds)
        expect(
          members.filter((m) => m.householdId === id),
          `members of ${id}`,
        ).toHaveLength(2);
      expect(storedIds.size).toBeLessThanOrEqual(sent);

      const records = await repos.shelter.records('CAPACITY', ['ams-roggeveen-crisis'], { from: '1990-01-01', to: '2044-12-31' });
      const imported = records.filter(
        (r) => r.periodStart! < '2045-01-01' && r.unitKind === 'PLACES' && r.targetGroup === 'FAMILIES',
      ).length;
      expect(importAcknowledged ? [IMPORT_ROWS] : [0, IMPORT_ROWS]).toContain(imported);
    } finally {
      await executor.close();
    }
  }, 400_000);
});
