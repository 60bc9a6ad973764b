// Pure parts of the worklist: which shelter cases are still open, and paging both ways over a sorted list.
import { describe, expect, it } from 'vitest';
import { pageOfWorklist, shelterItems, type WorklistItem } from '@ketenkaart/api';

const event = (id: string, kind: string, occurredOn: string, facilityId = 'f1', householdId = 'h1') => ({
  id,
  kind,
  householdId,
  facilityId,
  occurredOn,
  recordedAt: `${occurredOn}T10:00:00.000Z`,
});

describe('shelter worklist', () => {
  it('keeps an application open until a waiting-list entry, refusal or placement at the same facility answers it', () => {
    const open = shelterItems([event('a', 'SHELTER_APPLICATION', '2026-01-01')], '2026-01-20');
    expect(open).toMatchObject([
      { kind: 'SHELTER_APPLICATION', dueOn: '2026-01-08', overdue: true, severity: 'HIGH', stepKind: 'PLACEMENT' },
    ]);
    const answeredElsewhere = shelterItems(
      [event('a', 'SHELTER_APPLICATION', '2026-01-01'), event('b', 'PLACEMENT', '2026-01-02', 'f2')],
      '2026-01-03',
    );
    expect(answeredElsewhere.map((i) => i.subjectId)).toEqual(['a']);
    const entered = shelterItems(
      [event('a', 'SHELTER_APPLICATION', '2026-01-01'), event('b', 'WAITING_LIST_ENTRY', '2026-01-02')],
      '2026-01-03',
    );
    expect(entered).toMatchObject([{ subjectId: 'b', kind: 'WAITING_LIST_ENTRY', dueOn: '2026-01-30', overdue: false }]);
    expect(
      shelterItems([event('b', 'WAITING_LIST_ENTRY', '2026-01-02'), event('c', 'WAITING_LIST_EXIT', '2026-01-05')], '2026-01-06'),
    ).toEqual([]);
  });
});

describe('worklist pages', () => {
  const items: WorklistItem[] = Array.from({ length: 7 }, (_, n) => ({
    key: `GAP:${n}`,
    kind: 'GAP',
    subjectId: String(n),
    householdId: `h${n}`,
    dueOn: `2026-01-0${n + 1}`,
    openSince: null,
    overdue: n < 3,
    severity: n % 2 ? 'HIGH' : 'LOW',
    ruleId: null,
    owedByAgencyId: null,
    otherAgencyId: null,
    facilityId: null,
    action: 'OPEN_GAP',
    stepKind: null,
    detail: null,
  }));
  const page = (options: Partial<Parameters<typeof pageOfWorklist>[1]>) =>
    pageOfWorklist(items, {
      kinds: null,
      overdueOnly: false,
      sort: 'DUE',
      size: 3,
      after: null,
      before: null,
      backward: false,
      ...options,
    });

  it('pages forward and backward over the same order, and ends cleanly at both sides', () => {
    const first = page({});
    expect(first).toMatchObject({ start: 0, hasPreviousPage: false, hasNextPage: true, totalCount: 7 });
    const last = page({ after: 5 });
    expect(last.items.map((i) => i.subjectId)).toEqual(['6']);
    expect(last.hasNextPage).toBe(false);
    expect(page({ backward: true, before: 3 }).items.map((i) => i.subjectId)).toEqual(['0', '1', '2']);
    expect(page({ backward: true, before: 2 })).toMatchObject({ start: 0, hasPreviousPage: false });
    expect(page({ after: 99 }).items).toEqual([]);
  });

  it('sorts by severity first when asked, and counts what the overdue filter keeps', () => {
    expect(page({ sort: 'SEVERITY', size: 7 }).items.map((i) => i.severity)).toEqual(['HIGH', 'HIGH', 'HIGH', 'LOW', 'LOW', 'LOW', 'LOW']);
    expect(page({ overdueOnly: true }).counts).toEqual([{ kind: 'GAP', count: 3, overdue: 3 }]);
  });
});
