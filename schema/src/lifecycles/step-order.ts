// Every lifecycle step is dated no earlier than the step it follows: a referral is answered after it was sent and
// completed after it was accepted, regie is handed over after it was taken, a family leaves a waiting list after it
// got on it. The repositories check this inside the write transaction; these pure functions say what follows what.
import type { EventKind } from '../records/event-kind.js';
import type { ReferralStatus } from './referral-lifecycle.js';

/** A step on a household's path and its day: what the error names. */
export interface DatedStep {
  step: string;
  on: string;
}

/** A step dated before the step it follows. */
export interface StepOrderViolation {
  step: string;
  on: string;
  follows: string;
  followsOn: string;
}

/** The violation when `next` lies before `previous`; same-day steps are in order. */
export function stepOrderViolation(next: DatedStep, previous: DatedStep | null): StepOrderViolation | null {
  if (!previous || next.on >= previous.on) return null;
  return { step: next.step, on: next.on, follows: previous.step, followsOn: previous.on };
}

/** The referral step a new step follows: an answer or withdrawal follows the sending, completion the acceptance. */
export function referralStepFollowed(referral: { status: ReferralStatus; sentOn: string; respondedOn: string | null }): DatedStep {
  if (referral.status === 'ACCEPTED' && referral.respondedOn) return { step: 'REFERRAL_ACCEPTED', on: referral.respondedOn };
  return { step: 'REFERRAL_SENT', on: referral.sentOn };
}

/** Event kinds that close something an earlier event opened at the same facility. */
export const eventPredecessors: Partial<Record<EventKind, EventKind[]>> = {
  WAITING_LIST_EXIT: ['WAITING_LIST_ENTRY'],
  SHELTER_EXIT: ['PLACEMENT'],
};

interface PathEvent {
  id: string;
  kind: EventKind;
  occurredOn: string;
  facilityId: string | null;
  supersededById: string | null;
}

/**
 * The event a new event of this kind follows: the latest opener at the same facility on or before its day, or,
 * when every opener lies after that day, the earliest of them (so the violation names it). Null when the kind
 * needs no predecessor or none was recorded (the latter is the waiting-list check's business, not the order's).
 */
export function eventStepFollowed(
  next: { kind: EventKind; occurredOn: string; facilityId: string | null },
  events: readonly PathEvent[],
  ignoring: string | null = null,
): DatedStep | null {
  const kinds = eventPredecessors[next.kind];
  if (!kinds) return null;
  const openers = events
    .filter((e) => e.supersededById === null && e.id !== ignoring && kinds.includes(e.kind) && e.facilityId === next.facilityId)
    .sort((a, b) => a.occurredOn.localeCompare(b.occurredOn));
  if (openers.length === 0) return null;
  const before = openers.filter((e) => e.occurredOn <= next.occurredOn).at(-1) ?? openers[0]!;
  return { step: before.kind, on: before.occurredOn };
}

/** The cause among `causes` that lies latest: an event is dated no earlier than the events it follows from. */
export function latestCause(causes: readonly { kind: EventKind; occurredOn: string }[]): DatedStep | null {
  const latest = [...causes].sort((a, b) => a.occurredOn.localeCompare(b.occurredOn)).at(-1);
  return latest ? { step: latest.kind, on: latest.occurredOn } : null;
}

/**
 * The day an eviction was carried out, when a cancellation on `on` comes after it: an eviction that was carried out
 * cannot be called off (docs/domain.md §2: EVICTION_CANCELLED leads back to renting from a planned eviction only).
 * The latest eviction step on or before that day decides; a later cancellation of a new planned eviction is fine.
 */
export function executedBeforeCancellation(on: string, events: readonly PathEvent[]): string | null {
  const latest = events
    .filter((e) => e.supersededById === null && e.occurredOn <= on)
    .filter((e) => e.kind === 'EVICTION_PLANNED' || e.kind === 'EVICTION_EXECUTED' || e.kind === 'EVICTION_CANCELLED')
    .sort((a, b) => a.occurredOn.localeCompare(b.occurredOn))
    .at(-1);
  return latest?.kind === 'EVICTION_EXECUTED' ? latest.occurredOn : null;
}
