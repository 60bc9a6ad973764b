// Appends (api/src/db/appends.ts), the access log's writes. On the embedded store on disk they are journaled beside
// the store and reach it in batches: an append that resolved survives the process being killed, a journal written
// again after a crash adds nothing twice, a cut-off last line is skipped, rows the store refuses stay journaled
// until it takes them, and a reader of the log sees every entry appended before it asked.
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APPEND_JOURNAL_FILE,
  createAppendQueue,
  createExecutor,
  createRepositories,
  cypher,
  statement,
  type Config,
  type CypherExecutor,
} from '@ketenkaart/api';
import { seedReferenceData } from '@ketenkaart/seed';
import { signIn } from '../support/accounts.js';
import { REGISTER, householdInput } from '../support/operations.js';
import { z } from 'zod';
import { gql, openTestStore, testApp, testConfig } from '../support/store.js';

const root = new URL('../../', import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), 'ketenkaart-appends-'));
const journal = join(dataDir, APPEND_JOURNAL_FILE);
const onDisk: Config = { ...testConfig(), store: { kind: 'grafeo', dataDir } };
const APPENDS = 25;

// What a test needs of the log: the entries of request ids, and their edges to the household.
const crashEntries = statement(
  'testCrashEntries',
  cypher`
MATCH (l:AccessLogEntry)
WHERE l.requestId STARTS WITH $prefix
RETURN l.requestId AS requestId, size([(l)-[:LOGGED_ABOUT]->(h:Household) | h.id]) AS edges`,
  z.object({ requestId: z.string(), edges: z.number().int() }),
);

/** Runs the crash script: APPENDS entries resolved, then the process killed before any commit. */
function appendAndCrash(householdId: string, accountId: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'tests/support/crash-after-appends.ts', dataDir, String(APPENDS), householdId, accountId],
      { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (_code, signal) => resolve(`${signal} ${out.trim()}`));
  });
}

async function entriesAfterOpening(prefix: string): Promise<{ requestId: string; edges: number }[]> {
  const executor = createExecutor(onDisk.store);
  try {
    await executor.appendsStored();
    return (await executor.read((tx) => tx.run(crashEntries, { prefix }))).sort((a, b) => a.requestId.localeCompare(b.requestId));
  } finally {
    await executor.close();
  }
}

describe('appends on the embedded store on disk', () => {
  let household: { id: string };
  let accountId: string;

  beforeAll(async () => {
    const executor = await openTestStore(onDisk);
    await seedReferenceData(executor);
    const app = testApp(executor, onDisk);
    const coordinator = await signIn(app, executor, 'COORDINATOR', { centrumgemeenteId: 'amsterdam' });
    accountId = coordinator.accountId;
    household = (await gql(app, REGISTER, { input: householdInput() }, coordinator.headers)).data.registerHousehold;
    await executor.close();
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps every append that resolved when the process is killed, and writes a journal again without doubles', async () => {
    expect(await appendAndCrash(household.id, accountId)).toBe('SIGKILL appended');
    const journaled = readFileSync(journal, 'utf8');
    expect(journaled.trim().split('\n')).toHaveLength(APPENDS);

    const expected = Array.from({ length: APPENDS }, (_, i) => ({ requestId: `crash-${i}`, edges: 1 })).sort((a, b) =>
      a.requestId.localeCompare(b.requestId),
    );
    expect(await entriesAfterOpening('crash-')).toEqual(expected);
    // Emptied once everything in it was in the store.
    expect(statSync(journal).size).toBe(0);

    // A crash after the commit and before the journal was emptied: the same lines, and one cut off at the end.
    writeFileSync(journal, journaled);
    appendFileSync(journal, '{"statement":"appendAccessLog","rows":[{"id":"log_');
    expect(await entriesAfterOpening('crash-')).toEqual(expected);
    expect(statSync(journal).size).toBe(0);
  }, 60_000);

  it('shows a read in the access log at once, though the entry was journaled', async () => {
    const executor = createExecutor(onDisk.store);
    try {
      const app = testApp(executor, onDisk);
      const admin = await signIn(app, executor, 'ADMIN');
      const coordinator = await signIn(app, executor, 'COORDINATOR', { centrumgemeenteId: 'amsterdam' });
      const mine = (await gql(app, REGISTER, { input: householdInput() }, coordinator.headers)).data.registerHousehold;
      const reads = async () => {
        const log = await gql(
          app,
          `query($id: ID) { accessLog(householdId: $id, first: 50) { entries { action outcome } } }`,
          { id: mine.id },
          admin.headers,
        );
        return log.data.accessLog.entries.filter((e: { action: string; outcome: string }) => e.action === 'READ' && e.outcome === 'ALLOWED')
          .length;
      };
      const before = await reads();
      for (let read = 1; read <= 5; read += 1) {
        const answer = await gql(app, `query($id: ID!) { household(id: $id) { __typename } }`, { id: mine.id }, coordinator.headers);
        expect(answer.data.household.__typename).toBe('Household');
        expect(await reads()).toBe(before + read);
      }
    } finally {
      await executor.close();
    }
  });
});

describe('appends the store is slow to take or refuses', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ketenkaart-appends-refused-'));
  let executor: CypherExecutor;
  beforeAll(async () => {
    executor = await openTestStore();
  });
  afterAll(async () => {
    await executor.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const entry = (requestId: string) => ({
    accountId: 'acc_appends',
    role: 'COORDINATOR' as const,
    agencyId: null,
    householdId: 'hh_unknown',
    searchTerms: null,
    basis: 'appends test',
    breakGlass: false,
    requestId,
    action: 'READ' as const,
    operation: 'query:household',
    outcome: 'ALLOWED' as const,
  });

  it('lets a reader of the log wait for the entries appended before it', async () => {
    // The store's writes wait for a gate: the journaled append resolves, the log read waits until the entry is in.
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const appends = createAppendQueue((work) => gate.then(() => executor.write(work)), join(dir, 'slow.journal'));
    const repos = createRepositories({ ...executor, append: appends.append, appendsStored: appends.stored });
    await repos.access.append([entry('slow-0')]);
    let read: string[] | null = null;
    const reading = repos.access.log({ accountId: 'acc_appends' }, 50, null).then((rows) => (read = rows.map((r) => r.requestId!)));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(read).toBeNull();
    open();
    await reading;
    expect(read).toEqual(['slow-0']);
    await appends.close();
  });

  it('keeps journaled rows until the store takes them, and tells readers meanwhile', async () => {
    const file = join(dir, APPEND_JOURNAL_FILE);
    let refuse = 2;
    let writes = 0;
    const appends = createAppendQueue((work) => {
      writes += 1;
      if (refuse === 0) return executor.write(work);
      refuse -= 1;
      return Promise.reject(new Error('the store is unavailable'));
    }, file);
    const repos = createRepositories({ ...executor, append: appends.append, appendsStored: appends.stored });

    // Durable in the journal, so the append itself resolves; the store has not taken it.
    await repos.access.append([entry('refused-0')]);
    expect(readFileSync(file, 'utf8')).toContain('refused-0');
    await expect(appends.stored()).rejects.toThrow('the store is unavailable');

    // The attempts go on (after 100 ms, then 200 ms) until the store takes the row: once.
    await expect.poll(() => writes, { timeout: 5_000 }).toBe(3);
    await appends.stored();
    const rows = await executor.read((tx) => tx.run(crashEntries, { prefix: 'refused-' }));
    expect(rows.map((r) => r.requestId)).toEqual(['refused-0']);
    expect(statSync(file).size).toBe(0);
    await appends.close();
    expect(existsSync(file)).toBe(true);
  });
});
