// What a gap asks of the reader: the deadline that passed, who owes the step, and which step closes it. Pure, so that
// the trace page and the printed family summary say the same thing.
import type { RecordableStep } from './ChainStepForms';
import { daysBetween } from '../../days';

export type SuggestedStep =
  { action: 'RECORD_REPORT'; kind: RecordableStep } | { action: 'TAKE_REGIE' } | { action: 'HAND_OVER' } | { action: 'RECORD_ALTERNATIVE' };

const REPORT_FOR: Record<string, RecordableStep> = {
  FEEDBACK_INTERIM_MISSING: 'INTERIM_REPORT',
  FEEDBACK_FINAL_MISSING: 'FEEDBACK_REPORT',
  REFERRAL_NO_INTAKE: 'CONTACT',
  OUT_OF_SIGHT_AFTER_EVICTION: 'FOLLOW_UP_CONTACT',
  // Children not seen: a home visit sees who lives there (docs/domain.md §4 G9); the form also takes youth care's contact.
  CHILDREN_NOT_SEEN: 'HOME_VISIT',
  WAITING_LIST_NO_OUTCOME: 'CONTACT',
  SHELTER_EXIT_WITHOUT_HOUSING: 'FOLLOW_UP_CONTACT',
};
const ALTERNATIVE_RULES = new Set([
  'REFERRAL_UNANSWERED',
  'REFUSAL_WITHOUT_ALTERNATIVE',
  'WAITING_LIST_TOO_LONG',
  'EVICTION_WITHOUT_ALTERNATIVE_HOUSING',
]);

/** The step that closes a gap: a report, an alternative (a referral elsewhere), or regie taken or handed over. */
export function suggestedStep(rule: string, regieHeld: boolean): SuggestedStep {
  const report = REPORT_FOR[rule];
  if (report) return { action: 'RECORD_REPORT', kind: report };
  if (ALTERNATIVE_RULES.has(rule)) return { action: 'RECORD_ALTERNATIVE' };
  if (rule === 'REGIE_CONFLICT' || (rule === 'REGIE_MISSING' && regieHeld)) return { action: 'HAND_OVER' };
  return { action: 'TAKE_REGIE' };
}

/**
 * The term that passed and the days since, or, for a gap that is an event, the day it arose. The due day is the
 * API's (the gap's dueOn: the last day on which the step was on time), the same day the worklist shows.
 */
export function gapTiming(
  gap: { dueOn: string | null; detectedOn: string },
  today: string,
): { deadline: string | null; since: string; daysPassed: number } {
  if (gap.dueOn) return { deadline: gap.dueOn, since: gap.dueOn, daysPassed: daysBetween(gap.dueOn, today) };
  return { deadline: null, since: gap.detectedOn, daysPassed: daysBetween(gap.detectedOn, today) };
}

/**
 * The agency that owes the next step: the receiver of an unanswered or un-taken referral, the shelter that should
 * have taken regie, otherwise whoever holds regie now; null when nobody does (then the coordinator decides).
 */
export function owingAgencies(
  gap: { rule: string; agencies: { id: string; name: string }[]; evidenceEdges: { source: string; target: string; kind: string }[] },
  regieHolders: string[],
): string[] {
  const byId = new Map(gap.agencies.map((a) => [`agency:${a.id}`, a.name]));
  if (gap.rule === 'REFERRAL_UNANSWERED' || gap.rule === 'REFERRAL_NO_INTAKE') {
    const to = gap.evidenceEdges.find((e) => e.kind === 'SENT_TO')?.target;
    if (to && byId.has(to)) return [byId.get(to)!];
  }
  if (gap.rule === 'REGIE_MISSING' && gap.agencies.length === 1) return [gap.agencies[0]!.name];
  if (gap.rule === 'REGIE_CONFLICT') return gap.agencies.map((a) => a.name);
  return regieHolders;
}

/** The chain state each step leaves the family in, carried over steps that do not change it; corrected steps count not. */
export function statesAlongTimeline<T extends { stateAfter: string | null; superseded: boolean }>(steps: T[]): (string | null)[] {
  let current: string | null = null;
  return steps.map((step) => {
    if (step.superseded) return null;
    current = step.stateAfter ?? current;
    return current;
  });
}
