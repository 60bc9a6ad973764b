// The plans Grafeo chooses for statements that look a node up by an indexed key and test more of it: each must find
// the node by the index. Grafeo 0.6 plans a key written inline (`{id: $id}`) as a filter above the WHERE, and a
// WHERE with a range or null test label-first, reading every node of the label, so these statements carry the key
// in the WHERE, and the session lookups return whether the session is live as a column (README, Indexes and the
// statements that need them). Grafeo's own planner is the subject here, so this file opens an embedded store
// whatever NEO4J_URI says.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import grafeo from '@grafeo-db/js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExecutor, migrate, registeredStatements } from '@ketenkaart/api';
import { STORE_FILE } from '../../api/src/db/grafeo-executor.js';

const now = new Date().toISOString();
const region = { cityId: 'amsterdam', from: '2025-01-01', to: '2025-12-31' };
/** Statement, the indexed property it must look its node up by, and parameters to plan it with. */
const BY_INDEX: [string, string, Record<string, unknown>][] = [
  ['sessionWithReferenceStamp', 'tokenHash', { tokenHash: 'a'.repeat(64), now }],
  ['sessionByToken', 'tokenHash', { tokenHash: 'a'.repeat(64), now }],
  ['withdrawConsent', 'id', { id: 'con_1', on: '2026-01-01', recordedBy: 'acc_1', now }],
  ['closeRegie', 'id', { id: 'reg_1', nextId: 'reg_2', to: '2026-01-01' }],
  ['acknowledgeInvolvementNotice', 'id', { id: 'not_1', agencyId: 'ams-som', accountId: 'acc_1', now }],
  ['chainFlowStageTotalsInRegion', 'centrumgemeenteId', region],
  ['chainFlowTransitionsInRegion', 'centrumgemeenteId', region],
  ['chainFlowEventsWithoutStagePathInRegion', 'centrumgemeenteId', { cityId: 'amsterdam' }],
];

describe('plans of statements that look a node up by its key', () => {
  let dir: string;
  let db: InstanceType<typeof grafeo.GrafeoDB>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ketenkaart-plans-'));
    const executor = createExecutor({ kind: 'grafeo', dataDir: dir });
    await migrate(executor);
    await executor.close();
    db = grafeo.GrafeoDB.open(join(dir, STORE_FILE));
  });
  afterAll(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(BY_INDEX)('%s finds its node by the %s index', async (name, property, params) => {
    const found = registeredStatements().find((s) => s.name === name);
    expect(found, name).toBeDefined();
    expect(Object.keys(params).sort()).toEqual([...found!.params].sort());
    const [row] = (await db.executeCypher(`EXPLAIN ${found!.text}`, params)).toArray() as { plan: string }[];
    expect(row!.plan).toContain(`[index: ${property}]`);
    expect(row!.plan).not.toMatch(/label-first/);
  });

  it('appendAccessLog finds an entry written before (its journal written again after a crash) by the id index', async () => {
    const found = registeredStatements().find((s) => s.name === 'appendAccessLog')!;
    const params = { entries: [{ id: 'log_1', at: now, householdId: 'hh_1' }] };
    const [row] = (await db.executeCypher(`EXPLAIN ${found.text}`, params)).toArray() as { plan: string }[];
    expect(row!.plan).toContain('Filter (l.id Eq entry.id) [index: id]');
    expect(row!.plan).toContain('Filter (h.id Eq entry.householdId) [index: id]');
    expect(row!.plan).not.toMatch(/label-first/);
  });
});
