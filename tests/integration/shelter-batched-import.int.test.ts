// Large shelter imports are written in batches, each in its own transaction, pending under an import record until
// the last transaction publishes them (README "Shelter reporting"). Through the real repository and app on a real
// embedded store: a failure in a late batch leaves nothing visible and nothing half there, readers during an import
// see no pending row, and two imports of the same keys leave one current version per key.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createRepositories, cypher, statement, type App, type CypherExecutor, type Repositories } from '@ketenkaart/api';
import type { ShelterRow } from '@ketenkaart/schema';
import { seedReferenceData } from '@ketenkaart/seed';
import { signIn, type SignedIn } from '../support/accounts.js';
import { concurrentWritersConfig, openTestStore, testApp } from '../support/store.js';

const pendingRows = statement(
  'testPendingShelterRows',
  cypher`
MATCH (r:ShelterRecord) WHERE r.pending = true
RETURN count(r) AS n`,
  z.object({ n: z.number().int() }),
);

const importsByStatus = statement(
  'testShelterImportsByStatus',
  cypher`
MATCH (i:ShelterImport)
RETURN i.status AS status, count(i) AS n
ORDER BY status`,
  z.object({ status: z.string(), n: z.number().int() }),
);

const FACILITY = 'ams-roggeveen-crisis';
const PROVENANCE = {
  recordedBy: 'acc-batch-test',
  reportingAgencyId: 'ams-hvo-querido',
  provenanceKind: 'AGENCY_REPORT',
  recordedAt: '2026-11-01T10:00:00.000Z',
} as const;

/** Occupancy rows for `days` days from `from`, one per day, with `occupied` as given: same days give the same keys. */
function occupancy(days: number, occupied: number, from = 0): ShelterRow[] {
  return Array.from({ length: days }, (_, i) => ({
    facilityId: FACILITY,
    unitKind: 'PLACES',
    targetGroup: 'FAMILIES',
    date: new Date(Date.UTC(2026, 0, 1 + from + i)).toISOString().slice(0, 10),
    occupied,
    available: 20 - occupied,
    blocked: 0,
  }));
}

class StoppedOnPurpose extends Error {}

async function visible(repos: Repositories) {
  const current = await repos.shelter.records('OCCUPANCY', [FACILITY]);
  const history = await repos.shelter.records('OCCUPANCY', [FACILITY], { history: true });
  return { current: current.map((r) => `${r.date}:${r.occupied}`).sort(), history: history.length };
}

describe('batched shelter imports on the embedded store (one writer)', () => {
  let executor: CypherExecutor;
  let repos: Repositories;
  let app: App;
  let hvo: SignedIn;

  beforeAll(async () => {
    executor = await openTestStore();
    await seedReferenceData(executor);
    repos = createRepositories(executor);
    app = testApp(executor);
    hvo = await signIn(app, executor, 'SHELTER_STAFF', { agencyId: 'ams-hvo-querido' });
    await repos.shelter.write('OCCUPANCY', occupancy(30, 5), PROVENANCE, { source: 'test' }, { batchSize: 10 });
  });
  afterAll(() => executor.close());

  it('an import that fails in a late batch, or just before its last transaction, leaves nothing visible and nothing pending', async () => {
    const before = await visible(repos);
    expect(before).toEqual({
      current: occupancy(30, 5)
        .map((r) => `${(r as { date: string }).date}:5`)
        .sort(),
      history: 30,
    });
    // 30 changed rows and 15 new ones in batches of 10: five batches, then the last transaction (index 5).
    for (const stopAt of [3, 5]) {
      await expect(
        repos.shelter.write(
          'OCCUPANCY',
          occupancy(45, 7),
          PROVENANCE,
          { source: 'test' },
          {
            batchSize: 10,
            beforeBatch: async (index) => {
              if (index === stopAt) throw new StoppedOnPurpose();
            },
          },
        ),
      ).rejects.toBeInstanceOf(StoppedOnPurpose);
      expect(await visible(repos)).toEqual(before);
      expect((await executor.read((tx) => tx.run(pendingRows)))[0]!.n).toBe(0);
    }
    expect(await executor.read((tx) => tx.run(importsByStatus))).toEqual([
      { status: 'COMMITTED', n: 1 },
      { status: 'FAILED', n: 2 },
    ]);
  });

  it('readers during an import see no pending row, through the repository and the export; then all at once', async () => {
    const before = await visible(repos);
    const exported = () =>
      app
        .fetch(
          new Request(`http://ketenkaart.test/shelter/export?kind=occupancy&format=json&facilityId=${FACILITY}&history=true`, {
            headers: hvo.headers,
          }),
        )
        .then(async (response) => ((await response.json()) as { records: unknown[] }).records);
    const exportBefore = await exported();
    const seenDuring: unknown[] = [];
    const result = await repos.shelter.write(
      'OCCUPANCY',
      occupancy(45, 8),
      PROVENANCE,
      { source: 'test' },
      {
        batchSize: 10,
        beforeBatch: async (index) => {
          if (index < 2) return;
          expect((await executor.read((tx) => tx.run(pendingRows)))[0]!.n).toBe(Math.min(index * 10, 45));
          seenDuring.push(await visible(repos), await exported());
        },
      },
    );
    expect(seenDuring).toHaveLength(8);
    for (let i = 0; i < seenDuring.length; i += 2) {
      expect(seenDuring[i]).toEqual(before);
      expect(seenDuring[i + 1]).toEqual(exportBefore);
    }
    expect(result).toMatchObject({ created: 45, unchanged: 0, superseded: 30 });
    const after = await visible(repos);
    expect(after.current).toEqual(
      occupancy(45, 8)
        .map((r) => `${(r as { date: string }).date}:8`)
        .sort(),
    );
    expect(after.history).toBe(75);
    expect((await executor.read((tx) => tx.run(pendingRows)))[0]!.n).toBe(0);
  });

  it('two imports of the same keys, one inside the other, leave one current version per key: the last to commit', async () => {
    let inner: Promise<unknown> | null = null;
    await repos.shelter.write(
      'OCCUPANCY',
      occupancy(45, 11),
      PROVENANCE,
      { source: 'test' },
      {
        batchSize: 10,
        beforeBatch: async (index) => {
          // Between the outer import's batches, a whole other import of the same keys commits.
          if (index === 2)
            await (inner = repos.shelter.write('OCCUPANCY', occupancy(45, 12), PROVENANCE, { source: 'test' }, { batchSize: 10 }));
        },
      },
    );
    expect(inner).not.toBeNull();
    const history = await repos.shelter.records('OCCUPANCY', [FACILITY], { history: true });
    const currentPerKey = new Map<string, number[]>();
    for (const record of history.filter((r) => r.current))
      currentPerKey.set(record.key, [...(currentPerKey.get(record.key) ?? []), record.occupied!]);
    expect(currentPerKey.size).toBe(45);
    for (const figures of currentPerKey.values()) expect(figures).toEqual([11]);
  });

  it('a failed import that the process could not clean up is removed by the retention job', async () => {
    // An import whose process died stays PENDING with its rows pending; a retention run a day later marks it FAILED
    // and removes them. Here the retention job runs while the import is stopped, its record dated a month back.
    const { runRetention } = await import('@ketenkaart/api');
    const aged = { ...PROVENANCE, recordedAt: '2026-10-01T10:00:00.000Z' };
    let pendingAtStop = 0;
    let pendingAfterRetention = -1;
    await expect(
      repos.shelter.write(
        'OCCUPANCY',
        occupancy(20, 13, 100),
        aged,
        { source: 'test' },
        {
          batchSize: 10,
          beforeBatch: async (index) => {
            if (index < 2) return;
            pendingAtStop = (await executor.read((tx) => tx.run(pendingRows)))[0]!.n;
            await runRetention(executor, { now: new Date('2026-11-01T12:00:00.000Z'), accessLogYears: 5 });
            pendingAfterRetention = (await executor.read((tx) => tx.run(pendingRows)))[0]!.n;
            throw new StoppedOnPurpose();
          },
        },
      ),
    ).rejects.toBeInstanceOf(StoppedOnPurpose);
    expect(pendingAtStop).toBe(20);
    expect(pendingAfterRetention).toBe(0);
    expect((await executor.read((tx) => tx.run(pendingRows)))[0]!.n).toBe(0);
  });
});

describe('batched shelter imports with write transactions side by side (as on Neo4j)', () => {
  let executor: CypherExecutor;
  let repos: Repositories;

  beforeAll(async () => {
    executor = await openTestStore(concurrentWritersConfig());
    await seedReferenceData(executor);
    repos = createRepositories(executor);
  });
  afterAll(() => executor.close());

  it('two imports of the same keys at once end with one current version per key', async () => {
    const results = await Promise.allSettled([
      repos.shelter.write('OCCUPANCY', occupancy(40, 3), PROVENANCE, { source: 'test' }, { batchSize: 10 }),
      repos.shelter.write('OCCUPANCY', occupancy(40, 4), PROVENANCE, { source: 'test' }, { batchSize: 10 }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled').length).toBeGreaterThan(0);
    const history = await repos.shelter.records('OCCUPANCY', [FACILITY], { history: true });
    const current = history.filter((r) => r.current);
    expect(new Set(current.map((r) => r.key)).size).toBe(40);
    expect(current).toHaveLength(40);
    expect((await executor.read((tx) => tx.run(pendingRows)))[0]!.n).toBe(0);
  });
});
