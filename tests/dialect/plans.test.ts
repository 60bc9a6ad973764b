// The plans Grafeo chooses for the statements every signed-in request runs: each must find its session by the
// tokenHash index. A range predicate written beside the indexed equality makes Grafeo 0.6 plan the lookup
// label-first, reading every Session node on every request (README, Indexes and the statements that need them).
// Grafeo's own planner is the subject here, so this file opens an embedded store whatever NEO4J_URI says.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import grafeo from '@grafeo-db/js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExecutor, migrate, registeredStatements } from '@ketenkaart/api';

const EVERY_REQUEST = ['sessionWithReferenceStamp', 'sessionByToken'];

describe('plans of the statements every request runs', () => {
  let dir: string;
  let db: InstanceType<typeof grafeo.GrafeoDB>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ketenkaart-plans-'));
    const executor = createExecutor({ kind: 'grafeo', dataDir: dir });
    await migrate(executor);
    await executor.close();
    db = grafeo.GrafeoDB.open(join(dir, 'ketenkaart.grafeo'));
  });
  afterAll(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(EVERY_REQUEST)('%s finds the session by the tokenHash index', async (name) => {
    const found = registeredStatements().find((s) => s.name === name);
    expect(found, name).toBeDefined();
    const params = { tokenHash: 'a'.repeat(64), now: new Date().toISOString() };
    const [row] = (await db.executeCypher(`EXPLAIN ${found!.text}`, params)).toArray() as { plan: string }[];
    expect(row!.plan).toMatch(/s\.tokenHash Eq .*\[index: tokenHash\]/);
    expect(row!.plan).not.toMatch(/label-first/);
  });
});
