// Referrals (verwijzingen) between agencies and their status lifecycle; each step also an event in the path.
import {
  actingSide,
  addDays,
  daysBetween,
  isOpen,
  latestCause,
  referralEventKind,
  ReferralRow,
  referralStepFollowed,
  referralTransition,
  stepOrderViolation,
  type ReferralAction,
  type ReferralRecord,
  type RefusalReason,
} from '@ketenkaart/schema';
import { z } from 'zod';
import { cypher, statement } from '../db/cypher.js';
import { withoutNulls } from '../db/values.js';
import type { CypherTx } from '../db/executor.js';
import type { RepositoryDeps } from './bind.js';
import { bareEvent, householdEvents, insertEvent } from './event-repository.js';
import { lockExistingHousehold, lockHouseholdOfReferral } from './household-lock.js';
import { newId } from './ids.js';
import { provenance, type Actor } from './provenance.js';
import { Refusal, refusable, type Result } from './result.js';
import { refuseOutOfOrder, requireAgencies } from './write-checks.js';

const referralsByHouseholdQuery = statement(
  'referralsByHousehold',
  cypher`
// Over the household's edges: no index on Referral.householdId (migration 0013); Neo4j plans the same expand.
MATCH (h:Household)<-[:REFERRAL_FOR]-(r:Referral) WHERE h.id IN $ids
RETURN r.id AS id, r.householdId AS householdId, r.fromAgencyId AS fromAgencyId, r.toAgencyId AS toAgencyId,
  r.status AS status, r.purpose AS purpose, toString(r.sentOn) AS sentOn, toString(r.respondBy) AS respondBy,
  toString(r.respondedOn) AS respondedOn, toString(r.closedOn) AS closedOn, r.refusalReason AS refusalReason,
  r.refusalText AS refusalText, r.infoQuestion AS infoQuestion, toString(r.recordedAt) AS recordedAt, r.recordedBy AS recordedBy, r.synthetic AS synthetic
ORDER BY householdId, sentOn, id`,
  ReferralRow,
);

const referralsByIdsQuery = statement(
  'referralsByIds',
  cypher`
MATCH (r:Referral) WHERE r.id IN $ids
RETURN r.id AS id, r.householdId AS householdId, r.fromAgencyId AS fromAgencyId, r.toAgencyId AS toAgencyId,
  r.status AS status, r.purpose AS purpose, toString(r.sentOn) AS sentOn, toString(r.respondBy) AS respondBy,
  toString(r.respondedOn) AS respondedOn, toString(r.closedOn) AS closedOn, r.refusalReason AS refusalReason,
  r.refusalText AS refusalText, r.infoQuestion AS infoQuestion, toString(r.recordedAt) AS recordedAt, r.recordedBy AS recordedBy, r.synthetic AS synthetic`,
  ReferralRow,
);

/** Referrals by id: one from sendReferral, a batch from the bulk loader (MERGE keeps a re-load idempotent). */
export const writeReferrals = statement(
  'writeReferrals',
  cypher`
UNWIND $rows AS row
MATCH (h:Household {id: row.householdId}), (from:Agency {id: row.fromAgencyId}), (to:Agency {id: row.toAgencyId})
MERGE (r:Referral {id: row.id})
SET r += row.props, r += $provenance, r.sentOn = date(row.sentOn), r.respondBy = date(row.respondBy),
  r.respondedOn = CASE WHEN row.respondedOn IS NULL THEN null ELSE date(row.respondedOn) END,
  r.closedOn = CASE WHEN row.closedOn IS NULL THEN null ELSE date(row.closedOn) END,
  r.recordedAt = datetime($recordedAt)
// The region while the referral awaits an answer, for the coordinator's worklist (migration 0016). Set only when
// there is one and removed only when it is there, so that a bulk load writes nothing for the other referrals (the
// national store opened at the same size either way: 6,101 and 6,098 MiB, tests/bench/RESULTS.md).
FOREACH (_ IN CASE WHEN r.status = 'SENT' THEN [1] ELSE [] END | SET r.awaitingAnswerIn = h.centrumgemeenteId)
FOREACH (_ IN CASE WHEN r.status <> 'SENT' AND r.awaitingAnswerIn IS NOT NULL THEN [1] ELSE [] END | REMOVE r.awaitingAnswerIn)
MERGE (r)-[:REFERRAL_FOR]->(h)
MERGE (r)-[:SENT_BY]->(from)
MERGE (r)-[:SENT_TO]->(to)
RETURN count(r) AS n`,
  z.object({ n: z.number().int() }),
);

// Runs under the household's lock, so the status read before it is still the status; the WHERE is a second guard.
const moveReferralStatement = statement(
  'moveReferral',
  cypher`
MATCH (r:Referral {id: $id})-[:REFERRAL_FOR]->(h:Household)
// The status is tested after the id lookup: in the MATCH, Grafeo 0.6 started at the status index (every referral of
// that status in the country, PROFILE) and filtered it by id. Neo4j 5 seeks the id either way.
WITH r, h, r.status AS status
WHERE status = $expectedStatus
SET r.status = $status,
  r.respondedOn = CASE WHEN $responded THEN date($on) ELSE r.respondedOn END,
  r.closedOn = CASE WHEN $closes THEN date($on) ELSE r.closedOn END,
  r.respondBy = CASE WHEN $respondBy IS NULL THEN r.respondBy ELSE date($respondBy) END,
  r.refusalReason = $refusalReason, r.refusalText = $refusalText,
  r.infoQuestion = CASE WHEN $infoQuestion IS NULL THEN r.infoQuestion ELSE $infoQuestion END,
  r.infoRequestedOn = CASE WHEN $infoQuestion IS NULL THEN r.infoRequestedOn ELSE date($on) END
// The region while the referral awaits an answer, none once it has one (migration 0016; not set to null, as in
// writeReferrals).
FOREACH (_ IN CASE WHEN $status = 'SENT' THEN [1] ELSE [] END | SET r.awaitingAnswerIn = h.centrumgemeenteId)
FOREACH (_ IN CASE WHEN $status = 'SENT' THEN [] ELSE [1] END | REMOVE r.awaitingAnswerIn)
RETURN r.id AS id`,
  z.object({ id: z.string() }),
);

export function referralsByHousehold({ executor }: RepositoryDeps, ids: readonly string[]) {
  return executor.read((tx) => referralsOfHouseholdsIn(tx, ids));
}

/** The referrals of these households, in the caller's transaction. */
export function referralsOfHouseholdsIn(tx: CypherTx, ids: readonly string[]): Promise<ReferralRecord[]> {
  return tx.run(referralsByHouseholdQuery, { ids: [...ids] });
}

export function referralsByIds({ executor }: RepositoryDeps, ids: readonly string[]) {
  return executor.readStatement(referralsByIdsQuery, { ids: [...ids] });
}

export function sendReferral(
  { executor, now }: RepositoryDeps,
  input: {
    householdId: string;
    fromAgencyId: string;
    toAgencyId: string;
    purpose: string;
    sentOn: string;
    respondWithinDays: number;
    followsFromIds?: string[];
  },
  actor: Actor,
): Promise<Result<ReferralRecord>> {
  return refusable(() =>
    executor.write(async (tx) => {
      await lockExistingHousehold(tx, input.householdId);
      await requireAgencies(tx, [input.fromAgencyId, input.toAgencyId]);
      if (input.fromAgencyId === input.toAgencyId) {
        throw new Refusal({ kind: 'VALIDATION', fields: [{ path: ['input', 'toAgencyId'], code: 'SELF_REFERRAL' }] });
      }
      const at = now();
      const { recordedAt, props } = provenance(actor, at);
      const id = newId('referral');
      await tx.run(writeReferrals, {
        rows: [
          {
            id,
            householdId: input.householdId,
            fromAgencyId: input.fromAgencyId,
            toAgencyId: input.toAgencyId,
            sentOn: input.sentOn,
            respondBy: addDays(input.sentOn, input.respondWithinDays),
            respondedOn: null,
            closedOn: null,
            props: withoutNulls({
              id,
              householdId: input.householdId,
              fromAgencyId: input.fromAgencyId,
              toAgencyId: input.toAgencyId,
              status: 'SENT',
              purpose: input.purpose,
              ...props,
            }),
          },
        ],
        provenance: {},
        recordedAt,
      });
      const events = await householdEvents(tx, input.householdId);
      const causes = input.followsFromIds ?? [];
      const missingCause = causes.find((cause) => !events.some((e) => e.id === cause));
      if (missingCause) throw new Refusal({ kind: 'NOT_FOUND', entity: 'Event', id: missingCause });
      refuseOutOfOrder(
        stepOrderViolation({ step: 'REFERRAL_SENT', on: input.sentOn }, latestCause(events.filter((e) => causes.includes(e.id)))),
        ['input', 'sentOn'],
      );
      await insertEvent(tx, actor, at, {
        ...bareEvent(input.householdId, 'REFERRAL_SENT', input.sentOn, input.fromAgencyId),
        referralId: id,
        followsFromIds: input.followsFromIds ?? [],
      });
      return (await tx.run(referralsByIdsQuery, { ids: [id] }))[0]!;
    }),
  );
}

/**
 * One step of the referral lifecycle. The receiver accepts, refuses or completes; the sender withdraws;
 * expiry is the system's, once the respond-by date has passed.
 */
export function moveReferral(
  { executor, now }: RepositoryDeps,
  referralId: string,
  action: ReferralAction,
  input: { on: string; refusalReason?: RefusalReason | null; refusalText?: string | null; message?: string | null },
  actor: Actor,
): Promise<Result<ReferralRecord>> {
  return refusable(() =>
    executor.write(async (tx) => {
      const [locked] = await tx.run(lockHouseholdOfReferral, { referralId });
      if (!locked) throw new Refusal({ kind: 'NOT_FOUND', entity: 'Referral', id: referralId });
      const [referral] = await tx.run(referralsByIdsQuery, { ids: [referralId] });
      if (!referral) throw new Refusal({ kind: 'NOT_FOUND', entity: 'Referral', id: referralId });
      const step = referralTransition(referral.status, action);
      if (!step.ok) throw new Refusal({ kind: 'INVALID_TRANSITION', from: step.from, action: step.action, allowed: step.allowed });
      const side = actingSide(action);
      const actingAgency = side === 'RECEIVER' ? referral.toAgencyId : side === 'SENDER' ? referral.fromAgencyId : null;
      if (actingAgency && actor.agencyId && actor.agencyId !== actingAgency) {
        throw new Refusal({
          kind: 'FORBIDDEN',
          reason: `only ${side === 'RECEIVER' ? 'the receiving' : 'the sending'} agency may ${action.toLowerCase()} this referral`,
        });
      }
      refuseOutOfOrder(stepOrderViolation({ step: referralEventKind[action], on: input.on }, referralStepFollowed(referral)), [
        'input',
        'on',
      ]);
      if (action === 'REFUSE' && !input.refusalReason) {
        throw new Refusal({ kind: 'VALIDATION', fields: [{ path: ['input', 'refusalReason'], code: 'REASON_NEEDED' }] });
      }
      if (action !== 'REFUSE' && (input.refusalReason || input.refusalText)) {
        throw new Refusal({ kind: 'VALIDATION', fields: [{ path: ['input', 'refusalReason'], code: 'REASON_NOT_USED' }] });
      }
      const asksOrAnswers = action === 'REQUEST_INFO' || action === 'PROVIDE_INFO';
      if (asksOrAnswers && !input.message) {
        throw new Refusal({
          kind: 'VALIDATION',
          fields: [{ path: ['input', 'message'], code: action === 'REQUEST_INFO' ? 'INFO_QUESTION_NEEDED' : 'INFO_ANSWER_NEEDED' }],
        });
      }
      if (!asksOrAnswers && input.message) {
        throw new Refusal({ kind: 'VALIDATION', fields: [{ path: ['input', 'message'], code: 'MESSAGE_NOT_USED' }] });
      }
      if (action === 'EXPIRE' && input.on <= referral.respondBy) {
        throw new Refusal({
          kind: 'VALIDATION',
          fields: [{ path: ['input', 'on'], code: 'NOT_AFTER_DEADLINE', params: { date: referral.respondBy } }],
        });
      }
      const moved = await tx.run(moveReferralStatement, {
        id: referralId,
        expectedStatus: referral.status,
        status: step.to,
        responded: action === 'ACCEPT' || action === 'REFUSE',
        closes: !isOpen(step.to),
        on: input.on,
        refusalReason: input.refusalReason ?? null,
        refusalText: input.refusalText ?? null,
        // The answer to a question restarts the receiver's response term, as long as it was at first.
        respondBy: action === 'PROVIDE_INFO' ? addDays(input.on, Math.max(1, daysBetween(referral.sentOn, referral.respondBy))) : null,
        infoQuestion: action === 'REQUEST_INFO' ? input.message! : null,
      });
      if (moved.length === 0) {
        throw new Refusal({ kind: 'INVALID_TRANSITION', from: 'CHANGED_MEANWHILE', action, allowed: [] });
      }
      await insertEvent(tx, actor, now(), {
        ...bareEvent(referral.householdId, referralEventKind[action], input.on, actingAgency),
        referralId,
        refusalReason: input.refusalReason ?? null,
        note: input.refusalText ?? input.message ?? null,
      });
      return (await tx.run(referralsByIdsQuery, { ids: [referralId] }))[0]!;
    }),
  );
}

export const referralRepository = { referralsByHousehold, referralsByIds, sendReferral, moveReferral };
