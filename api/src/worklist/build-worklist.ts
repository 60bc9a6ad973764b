// From candidate rows to worklist items: who owes what by when, one action each, sorted, counted and cut into a page
// (in the store for coordinators and agency workers, in memory for shelter staff).
import { addDays, type GapRuleId, type GapSeverity } from '@ketenkaart/schema';
import {
  SHELTER_DECISION_DAYS,
  WAITING_LIST_REVIEW_DAYS,
  type PlacePage,
  type ShelterEventRecord,
  type WorklistCandidate,
  type WorklistKindCount,
  type WorklistQuery,
} from '../repositories/worklist-repository.js';

export const WORKLIST_KINDS = [
  'GAP',
  'REFERRAL_AWAITING_ANSWER',
  'REFERRAL_INFO_REQUESTED',
  'REFERRAL_ANSWERED',
  'ACCESS_REQUEST',
  'BREAK_GLASS_USE',
  'INVOLVEMENT_NOTICE',
  'SHELTER_APPLICATION',
  'WAITING_LIST_ENTRY',
] as const;
export type WorklistKind = (typeof WORKLIST_KINDS)[number];

/** The one action an item offers; the web app opens the matching form. */
export const WORKLIST_ACTIONS = [
  'OPEN_GAP',
  'OPEN_TRACE',
  'ANSWER_REFERRAL',
  'PROVIDE_INFO',
  'RECORD_STEP',
  'DECIDE_ACCESS',
  'REVIEW_BREAK_GLASS',
  'ACKNOWLEDGE',
  'RECORD_OUTCOME',
] as const;
export type WorklistAction = (typeof WORKLIST_ACTIONS)[number];

export const WORKLIST_SORTS = ['DUE', 'SEVERITY'] as const;
export type WorklistSort = (typeof WORKLIST_SORTS)[number];

export type WorklistRole = 'COORDINATOR' | 'AGENCY_WORKER' | 'SHELTER_STAFF';

export interface WorklistItem {
  key: string;
  kind: WorklistKind;
  subjectId: string;
  householdId: string;
  /** The last day on which the step is on time; for a gap that is no missed term, the day it arose. */
  dueOn: string;
  /** For a gap that is no missed term (an event or a state): the day it arose, shown as "since"; else null. */
  openSince: string | null;
  overdue: boolean;
  severity: GapSeverity;
  ruleId: GapRuleId | null;
  /** The agency that owes the step; null when the viewer (or its agency) does. */
  owedByAgencyId: string | null;
  /** The other agency concerned: the sender or receiver of a referral, the other agency of a notice. */
  otherAgencyId: string | null;
  facilityId: string | null;
  action: WorklistAction;
  /** The step an item asks for, when it is one event (an interim report, a placement...). */
  stepKind: string | null;
  detail: string | null;
}

/** The step a gap's owner records to close it. */
const STEP_FOR_RULE: Partial<Record<GapRuleId, string>> = {
  FEEDBACK_INTERIM_MISSING: 'INTERIM_REPORT',
  FEEDBACK_FINAL_MISSING: 'FEEDBACK_REPORT',
  REFERRAL_NO_INTAKE: 'CONTACT',
};

const SEVERITY_RANK: Record<GapSeverity, number> = { HIGH: 0, MEDIUM: 1, LOW: 2 };

export function itemsFromCandidates(role: WorklistRole, rows: WorklistCandidate[], today: string): WorklistItem[] {
  return rows.map((row) => {
    const kind = row.kind as WorklistKind;
    const [first = null, second = null] = row.agencyIds;
    const overdue = row.dueOn < today;
    const base = {
      key: `${kind}:${row.id}`,
      kind,
      subjectId: row.id,
      householdId: row.householdId,
      dueOn: row.dueOn,
      openSince: null,
      overdue,
      ruleId: row.ruleId,
      facilityId: row.facilityId,
      detail: row.detail,
      stepKind: null,
    };
    switch (kind) {
      case 'GAP': {
        // The candidate's detail carries the day a gap without a term arose (see the worklist statements).
        const gap = { ...base, openSince: row.detail, detail: null };
        return role === 'COORDINATOR'
          ? { ...gap, severity: row.severity ?? 'MEDIUM', owedByAgencyId: first, otherAgencyId: null, action: 'OPEN_GAP' }
          : {
              ...gap,
              severity: row.severity ?? 'MEDIUM',
              owedByAgencyId: null,
              otherAgencyId: null,
              action: 'RECORD_STEP',
              stepKind: (row.ruleId && STEP_FOR_RULE[row.ruleId]) ?? 'CONTACT',
            };
      }
      case 'REFERRAL_AWAITING_ANSWER':
        return role === 'COORDINATOR'
          ? { ...base, severity: overdue ? 'HIGH' : 'MEDIUM', owedByAgencyId: first, otherAgencyId: second, action: 'OPEN_TRACE' }
          : { ...base, severity: overdue ? 'HIGH' : 'MEDIUM', owedByAgencyId: null, otherAgencyId: second, action: 'ANSWER_REFERRAL' };
      case 'REFERRAL_INFO_REQUESTED':
        return { ...base, severity: 'MEDIUM', overdue: false, owedByAgencyId: null, otherAgencyId: second, action: 'PROVIDE_INFO' };
      case 'REFERRAL_ANSWERED':
        return { ...base, severity: 'LOW', overdue: false, owedByAgencyId: null, otherAgencyId: second, action: 'OPEN_TRACE' };
      case 'ACCESS_REQUEST':
        return { ...base, severity: 'MEDIUM', overdue: false, owedByAgencyId: null, otherAgencyId: first, action: 'DECIDE_ACCESS' };
      case 'BREAK_GLASS_USE':
        return {
          ...base,
          dueOn: row.dueOn.slice(0, 10),
          overdue: false,
          severity: 'MEDIUM',
          owedByAgencyId: null,
          otherAgencyId: first,
          action: 'REVIEW_BREAK_GLASS',
        };
      case 'INVOLVEMENT_NOTICE':
        return { ...base, severity: 'LOW', overdue: false, owedByAgencyId: null, otherAgencyId: first, action: 'ACKNOWLEDGE' };
      default:
        throw new Error(`worklist: unknown candidate kind ${row.kind}`);
    }
  });
}

const OUTCOME_OF_APPLICATION = new Set(['WAITING_LIST_ENTRY', 'REFUSAL', 'PLACEMENT']);
const OUTCOME_OF_ENTRY = new Set(['WAITING_LIST_EXIT', 'PLACEMENT']);

/** Applications and waiting-list entries at the shelter's facilities that no later event there has answered. */
export function shelterItems(events: ShelterEventRecord[], today: string): WorklistItem[] {
  const byCase = new Map<string, ShelterEventRecord[]>();
  for (const event of events) {
    const key = `${event.householdId}|${event.facilityId}`;
    byCase.set(key, [...(byCase.get(key) ?? []), event]);
  }
  const items: WorklistItem[] = [];
  for (const caseEvents of byCase.values()) {
    const ordered = [...caseEvents].sort(
      (a, b) => a.occurredOn.localeCompare(b.occurredOn) || a.recordedAt.localeCompare(b.recordedAt) || a.id.localeCompare(b.id),
    );
    ordered.forEach((event, index) => {
      const later = ordered.slice(index + 1);
      const isApplication = event.kind === 'SHELTER_APPLICATION';
      if (!isApplication && event.kind !== 'WAITING_LIST_ENTRY') return;
      const answers = isApplication ? OUTCOME_OF_APPLICATION : OUTCOME_OF_ENTRY;
      if (later.some((e) => answers.has(e.kind))) return;
      const dueOn = addDays(event.occurredOn, isApplication ? SHELTER_DECISION_DAYS : WAITING_LIST_REVIEW_DAYS);
      const overdue = dueOn < today;
      items.push({
        key: `${event.kind}:${event.id}`,
        kind: isApplication ? 'SHELTER_APPLICATION' : 'WAITING_LIST_ENTRY',
        subjectId: event.id,
        householdId: event.householdId,
        dueOn,
        openSince: null,
        overdue,
        severity: overdue ? (isApplication ? 'HIGH' : 'MEDIUM') : 'LOW',
        ruleId: null,
        owedByAgencyId: null,
        otherAgencyId: null,
        facilityId: event.facilityId,
        action: 'RECORD_OUTCOME',
        stepKind: isApplication ? 'PLACEMENT' : 'WAITING_LIST_EXIT',
        detail: event.occurredOn,
      });
    });
  }
  return items;
}

export function sortItems(items: WorklistItem[], sort: WorklistSort): WorklistItem[] {
  const byDue = (a: WorklistItem, b: WorklistItem) => a.dueOn.localeCompare(b.dueOn);
  const bySeverity = (a: WorklistItem, b: WorklistItem) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity];
  const [primary, secondary] = sort === 'DUE' ? [byDue, bySeverity] : [bySeverity, byDue];
  // The tiebreak is kind, then id, in code-point order: the order the store sorts the coordinator's and workers' pages in.
  const byKey = (a: WorklistItem, b: WorklistItem) => codePoints(a.kind, b.kind) || codePoints(a.subjectId, b.subjectId);
  return [...items].sort((a, b) => primary(a, b) || secondary(a, b) || byKey(a, b));
}

const codePoints = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export interface WorklistPage {
  items: WorklistItem[];
  totalCount: number;
  counts: { kind: WorklistKind; count: number; overdue: number }[];
  start: number;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

export interface PageOptions {
  size: number;
  after: number | null;
  before: number | null;
  backward: boolean;
}

/**
 * Where a page sits in a filtered list of `total` items. Cursors are positions in the sorted list, so a page can be
 * read forward (first/after) or backward (last/before); an item acted on leaves the list and the next page closes up.
 */
export function placePage(total: number, options: PageOptions): { start: number; stop: number } {
  const end = options.before !== null ? Math.min(options.before, total) : total;
  const start = options.backward ? Math.max(0, end - options.size) : Math.min(options.after !== null ? options.after + 1 : 0, total);
  return { start, stop: options.backward ? end : Math.min(start + options.size, end) };
}

/** Counts per kind in the order of WORKLIST_KINDS, kinds without items left out. */
export function countsInOrder(counts: { kind: string; count: number; overdue: number }[]): WorklistPage['counts'] {
  return WORKLIST_KINDS.flatMap((kind) => {
    const found = counts.find((c) => c.kind === kind);
    return found && found.count > 0 ? [{ kind, count: found.count, overdue: found.overdue }] : [];
  });
}

/** Filters, counts and cuts a page of items held in memory (the shelter's, which are worked out per case). */
export function pageOfWorklist(
  all: WorklistItem[],
  options: PageOptions & { kinds: WorklistKind[] | null; overdueOnly: boolean; sort: WorklistSort },
): WorklistPage {
  const scoped = options.overdueOnly ? all.filter((item) => item.overdue) : all;
  const counts = countsInOrder(
    WORKLIST_KINDS.map((kind) => {
      const ofKind = scoped.filter((item) => item.kind === kind);
      return { kind, count: ofKind.length, overdue: ofKind.filter((item) => item.overdue).length };
    }),
  );
  const filtered = sortItems(options.kinds?.length ? scoped.filter((item) => options.kinds!.includes(item.kind)) : scoped, options.sort);
  const { start, stop } = placePage(filtered.length, options);
  return {
    items: filtered.slice(start, stop),
    totalCount: filtered.length,
    counts,
    start,
    hasNextPage: stop < filtered.length,
    hasPreviousPage: start > 0,
  };
}

/**
 * A page counted and cut in the store: `read` counts the items per kind, then reads only the rows of the page that
 * `placePage` puts where the filtered total says, both in one read transaction.
 */
export async function pageFromStore(
  role: WorklistRole,
  read: (query: WorklistQuery, place: PlacePage) => Promise<{ counts: WorklistKindCount[]; rows: WorklistCandidate[] }>,
  options: PageOptions & { kinds: WorklistKind[] | null; overdueOnly: boolean; sort: WorklistSort; today: string },
): Promise<WorklistPage> {
  const kinds = options.kinds?.length ? options.kinds : null;
  let total = 0;
  let place = { start: 0, stop: 0 };
  const { counts, rows } = await read(
    { kinds, overdueOnly: options.overdueOnly, bySeverity: options.sort === 'SEVERITY', today: options.today },
    (perKind) => {
      total = perKind.filter((c) => !kinds || kinds.includes(c.kind as WorklistKind)).reduce((sum, c) => sum + c.count, 0);
      place = placePage(total, options);
      return { skip: place.start, limit: place.stop - place.start };
    },
  );
  return {
    items: itemsFromCandidates(role, rows, options.today),
    totalCount: total,
    counts: countsInOrder(counts.map((c) => ({ kind: c.kind, count: c.count, overdue: c.late }))),
    start: place.start,
    hasNextPage: place.stop < total,
    hasPreviousPage: place.start > 0,
  };
}
