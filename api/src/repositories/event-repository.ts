// Dated events in a household's path: recorded after checking their details and order, corrected by superseding.
import {
  checkEventDetails,
  EventKind,
  EventRow,
  eventStepFollowed,
  executedBeforeCancellation,
  latestCause,
  RecordableEventKind,
  stepOrderViolation,
  type EventDetails,
  type EventRecord,
} from '@ketenkaart/schema';
import { z } from 'zod';
import { cypher, statement } from '../db/cypher.js';
import { withoutNulls } from '../db/values.js';
import type { CypherTx } from '../db/executor.js';
import type { RepositoryDeps } from './bind.js';
import { lockExistingHousehold } from './household-lock.js';
import { newId } from './ids.js';
import { provenance, type Actor } from './provenance.js';
import { Refusal, refusable, type Result } from './result.js';
import { opt } from './rows.js';
import { refreshStagePaths } from './stage-path-write.js';
import { refuseOutOfOrder, requireAgencies, requireFacility } from './write-checks.js';

const counted = z.object({ n: z.number().int() });

// The statements that write events, for one event (insertEvent) and for a batch (the bulk loader) alike: the event
// by id with its household's edge, then each kind of edge in a statement of its own, run only when a row has one.
// MERGE keeps a re-load idempotent; a new event's id is new, so for it MERGE creates. The households' stage paths
// (stage-path-write.ts) are derived again at the end, in the same transaction.
const writeEvents = statement(
  'writeEvents',
  cypher`
UNWIND $rows AS row
MATCH (h:Household {id: row.householdId})
MERGE (e:Event {id: row.id})
SET e += row.props, e += $provenance, e.occurredOn = date(row.occurredOn), e.recordedAt = datetime($recordedAt)
MERGE (h)-[:HAD]->(e)
RETURN count(e) AS n`,
  counted,
);

const linkEventAgencies = statement(
  'linkEventAgencies',
  cypher`
UNWIND $rows AS row
MATCH (e:Event {id: row.id}), (a:Agency {id: row.agencyId})
// Written from the event's side: an agency has thousands of events, an event one agency.
MERGE (e)<-[:ACTED_IN]-(a)
RETURN count(e) AS n`,
  counted,
);

const linkEventFacilities = statement(
  'linkEventFacilities',
  cypher`
UNWIND $rows AS row
MATCH (e:Event {id: row.id}), (f:Facility {id: row.facilityId})
MERGE (e)-[:AT_FACILITY]->(f)
RETURN count(e) AS n`,
  counted,
);

const linkEventReferrals = statement(
  'linkEventReferrals',
  cypher`
UNWIND $rows AS row
MATCH (e:Event {id: row.id}), (r:Referral {id: row.referralId})
MERGE (e)-[:CONCERNS]->(r)
RETURN count(e) AS n`,
  counted,
);

const linkSupersededEvents = statement(
  'linkSupersededEvents',
  cypher`
UNWIND $rows AS row
MATCH (e:Event {id: row.id}), (old:Event {id: row.supersedesId})
MERGE (e)-[:SUPERSEDES]->(old)
RETURN count(e) AS n`,
  counted,
);

// A cause is an event of the same household: never an edge into another family's path. Found over the household's
// HAD edges from the event: Grafeo planned the two-node pattern as a join over every event, filtered on householdId
// (an index until migration 0013); Neo4j seeks e by id and expands the same way.
const linkEventCauses = statement(
  'linkEventCauses',
  cypher`
UNWIND $rows AS row
MATCH (e:Event {id: row.id})<-[:HAD]-(:Household)-[:HAD]->(cause:Event {id: row.causeId})
MERGE (e)-[:FOLLOWS_FROM]->(cause)
RETURN count(e) AS n`,
  counted,
);

/** An event as it is written: its stored properties, and the ids its edges go to. */
export interface EventWrite {
  id: string;
  householdId: string;
  occurredOn: string;
  props: Record<string, unknown>;
  agencyId: string | null;
  facilityId: string | null;
  referralId: string | null;
  supersedesId: string | null;
  followsFromIds: readonly string[];
}

/** Writes events and their edges; referrals and the events they supersede or follow from must already be there. */
export async function writeEventRows(tx: CypherTx, events: EventWrite[], provenance: Record<string, unknown>, recordedAt: string) {
  await tx.run(writeEvents, {
    rows: events.map(({ id, householdId, occurredOn, props }) => ({ id, householdId, occurredOn, props })),
    provenance,
    recordedAt,
  });
  const edges = async <Row>(run: (rows: Row[]) => Promise<unknown>, rows: Row[]) => {
    if (rows.length > 0) await run(rows);
  };
  await edges(
    (rows) => tx.run(linkEventAgencies, { rows }),
    events.flatMap((e) => (e.agencyId ? [{ id: e.id, agencyId: e.agencyId }] : [])),
  );
  await edges(
    (rows) => tx.run(linkEventFacilities, { rows }),
    events.flatMap((e) => (e.facilityId ? [{ id: e.id, facilityId: e.facilityId }] : [])),
  );
  await edges(
    (rows) => tx.run(linkEventReferrals, { rows }),
    events.flatMap((e) => (e.referralId ? [{ id: e.id, referralId: e.referralId }] : [])),
  );
  await edges(
    (rows) => tx.run(linkSupersededEvents, { rows }),
    events.flatMap((e) => (e.supersedesId ? [{ id: e.id, supersedesId: e.supersedesId }] : [])),
  );
  await edges(
    (rows) => tx.run(linkEventCauses, { rows }),
    events.flatMap((e) => e.followsFromIds.map((causeId) => ({ id: e.id, causeId }))),
  );
  // Last, once the corrections' SUPERSEDES edges are in: the paths come from the effective events.
  await refreshStagePaths(
    tx,
    events.map((e) => e.householdId),
    recordedAt,
  );
}

const eventsByHouseholdQuery = statement(
  'eventsByHousehold',
  cypher`
MATCH (h:Household)-[:HAD]->(e:Event)
WHERE h.id IN $ids
// Pattern comprehensions, not OPTIONAL MATCH: Grafeo 0.6 plans an OPTIONAL MATCH from a bound node as a scan of
// every Event, which made this read grow with the store; a comprehension expands from e on both engines.
WITH e, [(e)<-[:SUPERSEDES]-(newer:Event) | newer.id] AS supersededBy, [(e)-[:FOLLOWS_FROM]->(cause:Event) | cause.id] AS followsFromIds
RETURN e.id AS id, e.kind AS kind, e.householdId AS householdId, toString(e.occurredOn) AS occurredOn,
  e.agencyId AS agencyId, e.facilityId AS facilityId, e.referralId AS referralId, e.arrearsMonths AS arrearsMonths,
  e.refusalReason AS refusalReason, e.verdictKind AS verdictKind, e.waitingListOutcome AS waitingListOutcome,
  e.rehousingKind AS rehousingKind, e.destination AS destination, e.priority AS priority, e.note AS note,
  e.personId AS personId, e.regieStage AS regieStage, followsFromIds, e.supersedesId AS supersedesId,
  supersededBy[0] AS supersededById, toString(e.recordedAt) AS recordedAt, e.recordedBy AS recordedBy, e.synthetic AS synthetic
ORDER BY householdId, occurredOn, recordedAt, id`,
  EventRow,
);

const eventsByIds = statement(
  'eventsByIds',
  cypher`
MATCH (e:Event) WHERE e.id IN $ids
RETURN e.id AS id, e.kind AS kind, e.householdId AS householdId, [(e)<-[:SUPERSEDES]-(newer:Event) | newer.id][0] AS supersededById`,
  z.object({ id: z.string(), kind: EventKind, householdId: z.string(), supersededById: opt(z.string()) }),
);

export interface NewEvent extends EventDetails {
  id?: string;
  householdId: string;
  kind: RecordableEventKind;
  occurredOn: string;
  agencyId: string | null;
  followsFromIds?: string[];
}

export function eventsByHousehold({ executor }: RepositoryDeps, ids: readonly string[]) {
  return executor.read((tx) => eventsOfHouseholdsIn(tx, ids));
}

/** The events of these households, in the caller's transaction. */
export function eventsOfHouseholdsIn(tx: CypherTx, ids: readonly string[]): Promise<EventRecord[]> {
  return tx.run(eventsByHouseholdQuery, { ids: [...ids] });
}

export function eventsById({ executor }: RepositoryDeps, ids: readonly string[]) {
  return executor.readStatement(eventsByIds, { ids: [...ids] });
}

export async function householdEvents(tx: CypherTx, householdId: string): Promise<EventRecord[]> {
  return tx.run(eventsByHouseholdQuery, { ids: [householdId] });
}

export async function insertEvent(
  tx: CypherTx,
  actor: Actor,
  at: Date,
  event: Omit<EventRecord, 'recordedAt' | 'recordedBy' | 'synthetic' | 'supersededById' | 'followsFromIds'> & { followsFromIds?: string[] },
): Promise<string> {
  const { recordedAt, props } = provenance(actor, at);
  const { occurredOn, followsFromIds = [], ...rest } = event;
  await writeEventRows(
    tx,
    [
      {
        id: event.id,
        householdId: event.householdId,
        occurredOn,
        props: withoutNulls({ ...rest, ...props }),
        agencyId: event.agencyId,
        facilityId: event.facilityId,
        referralId: event.referralId,
        supersedesId: event.supersedesId,
        followsFromIds,
      },
    ],
    {},
    recordedAt,
  );
  return event.id;
}

export function bareEvent(householdId: string, kind: z.infer<typeof EventKind>, occurredOn: string, agencyId: string | null) {
  return {
    id: newId('event'),
    kind,
    householdId,
    occurredOn,
    agencyId,
    facilityId: null,
    referralId: null,
    arrearsMonths: null,
    refusalReason: null,
    verdictKind: null,
    waitingListOutcome: null,
    rehousingKind: null,
    destination: null,
    priority: null,
    note: null,
    personId: null,
    regieStage: null,
    supersedesId: null,
  };
}

/** Records a dated event after checking its details against its kind and the household's open waiting lists. */
export function recordEvent(
  { executor, now }: RepositoryDeps,
  input: NewEvent,
  actor: Actor,
  supersedesId: string | null = null,
): Promise<Result<EventRecord>> {
  return refusable(() =>
    executor.write(async (tx) => {
      const { householdId, kind, occurredOn, agencyId, followsFromIds = [], id, ...details } = input;
      const problems = checkEventDetails(kind, details);
      if (problems.length > 0) {
        throw new Refusal({
          kind: 'VALIDATION',
          fields: problems.map((p) => ({ path: ['input', p.field], code: p.code, params: { kind } })),
        });
      }
      await lockExistingHousehold(tx, householdId);
      await requireAgencies(tx, [agencyId]);
      await requireFacility(tx, details.facilityId);
      const events = await householdEvents(tx, householdId);
      const missingCause = followsFromIds.find((cause) => !events.some((e) => e.id === cause));
      if (missingCause) throw new Refusal({ kind: 'NOT_FOUND', entity: 'Event', id: missingCause });
      // correctEvent checked this before the lock; a concurrent correction may have come first.
      const corrected = supersedesId ? events.find((e) => e.id === supersedesId) : undefined;
      if (corrected?.supersededById) {
        throw new Refusal({
          kind: 'VALIDATION',
          fields: [{ path: ['eventId'], code: 'ALREADY_CORRECTED', params: { other: corrected.supersededById } }],
        });
      }
      const next = { step: kind, on: occurredOn };
      refuseOutOfOrder(stepOrderViolation(next, latestCause(events.filter((e) => followsFromIds.includes(e.id)))), ['input', 'occurredOn']);
      refuseOutOfOrder(
        stepOrderViolation(next, eventStepFollowed({ kind, occurredOn, facilityId: details.facilityId ?? null }, events, supersedesId)),
        ['input', 'occurredOn'],
      );
      const executedOn =
        kind === 'EVICTION_CANCELLED'
          ? executedBeforeCancellation(
              occurredOn,
              events.filter((e) => e.id !== supersedesId),
            )
          : null;
      if (executedOn) {
        throw new Refusal({
          kind: 'VALIDATION',
          fields: [{ path: ['input', 'occurredOn'], code: 'EVICTION_ALREADY_EXECUTED', params: { on: executedOn } }],
        });
      }
      if (kind === 'WAITING_LIST_EXIT' && !supersedesId) {
        const effective = events.filter((e) => e.supersededById === null && e.facilityId === details.facilityId);
        const open =
          effective.filter((e) => e.kind === 'WAITING_LIST_ENTRY').length - effective.filter((e) => e.kind === 'WAITING_LIST_EXIT').length;
        if (open <= 0) {
          throw new Refusal({ kind: 'VALIDATION', fields: [{ path: ['input', 'facilityId'], code: 'NOT_ON_WAITING_LIST' }] });
        }
      }
      const at = now();
      const eventId = id ?? newId('event');
      await insertEvent(tx, actor, at, {
        ...bareEvent(householdId, kind, occurredOn, agencyId),
        ...withoutNulls(details),
        id: eventId,
        supersedesId,
        followsFromIds,
      });
      return (await householdEvents(tx, householdId)).find((e) => e.id === eventId)!;
    }),
  );
}

/** A correction is a new event of the same kind that supersedes the old one; the old one stays for the record. */
export async function correctEvent(
  { executor, now }: RepositoryDeps,
  eventId: string,
  replacement: Omit<NewEvent, 'householdId' | 'kind'>,
  actor: Actor,
): Promise<Result<EventRecord>> {
  const [original] = await executor.readStatement(eventsByIds, { ids: [eventId] });
  if (!original) return { ok: false, failure: { kind: 'NOT_FOUND', entity: 'Event', id: eventId } };
  if (original.supersededById) {
    return {
      ok: false,
      failure: {
        kind: 'VALIDATION',
        fields: [{ path: ['eventId'], code: 'ALREADY_CORRECTED', params: { other: original.supersededById } }],
      },
    };
  }
  const recordable = RecordableEventKind.safeParse(original.kind);
  if (!recordable.success) {
    return {
      ok: false,
      failure: { kind: 'VALIDATION', fields: [{ path: ['eventId'], code: 'CORRECTED_ELSEWHERE', params: { kind: original.kind } }] },
    };
  }
  return recordEvent({ executor, now }, { ...replacement, householdId: original.householdId, kind: recordable.data }, actor, eventId);
}

export const eventRepository = { eventsByHousehold, eventsById, recordEvent, correctEvent };
