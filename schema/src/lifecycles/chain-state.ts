// The chain as a state machine (docs/domain.md §2): which state each event kind moves a household into.
import { z } from 'zod';
import type { EventKind } from '../records/event-kind.js';

export const ChainState = z.enum([
  'TENANCY',
  'ARREARS_SIGNALLED',
  'REPORTED',
  'PREVENTION_TRAJECTORY',
  'JUDGMENT',
  'LAST_CHANCE',
  'EVICTION_SCHEDULED',
  'EVICTED',
  'LEFT_UNKNOWN',
  'OWN_SOLUTION',
  'SHELTER_REGISTERED',
  'WAITING',
  'REFUSED',
  'PLACED',
  'REHOUSING',
  'AFTERCARE',
  'LOST_FROM_VIEW',
  'DROPPED_OUT',
]);
export type ChainState = z.infer<typeof ChainState>;

/**
 * The state an event moves a household into, or null when the event happens within a state
 * (a contact, a referral step, a membership change). Verdicts split on their kind (L769-807).
 */
export function stateAfter(kind: EventKind, detail: { verdictKind?: string | null } = {}): ChainState | null {
  switch (kind) {
    case 'EARLY_WARNING_SIGNAL':
      return 'REPORTED';
    case 'HOME_VISIT':
    case 'DEBT_ARRANGEMENT':
    case 'FEEDBACK_REPORT':
      return 'PREVENTION_TRAJECTORY';
    case 'SUMMONS':
      return 'JUDGMENT';
    case 'VERDICT':
      return detail.verdictKind === 'LAST_CHANCE' ? 'LAST_CHANCE' : detail.verdictKind === 'DISMISSED' ? 'TENANCY' : 'JUDGMENT';
    case 'EVICTION_PLANNED':
      return 'EVICTION_SCHEDULED';
    case 'EVICTION_EXECUTED':
      return 'EVICTED';
    case 'EVICTION_CANCELLED':
      return 'TENANCY';
    case 'SHELTER_APPLICATION':
      return 'SHELTER_REGISTERED';
    case 'WAITING_LIST_ENTRY':
      return 'WAITING';
    case 'REFUSAL':
      return 'REFUSED';
    case 'PLACEMENT':
      return 'PLACED';
    case 'SHELTER_EXIT':
      return 'REHOUSING';
    case 'REHOUSING':
      return 'AFTERCARE';
    case 'LOST_CONTACT':
      return 'LOST_FROM_VIEW';
    default:
      return null;
  }
}
