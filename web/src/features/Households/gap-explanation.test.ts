// The explanation of a gap and the family's access view: pure, so the trace and the printed summary agree.
import { describe, expect, it } from 'vitest';
import { gapTiming, owingAgencies, statesAlongTimeline, suggestedStep } from './gap-explanation';
import { accessReasonKey, collapseAccessEntries } from './HouseholdSummaryPage';

describe('gap explanation', () => {
  it("dates a missed term to the API's due day (its last day), and an event gap to its own day", () => {
    expect(gapTiming({ dueOn: '2026-03-19', detectedOn: '2026-03-20' }, '2026-03-29')).toEqual({
      deadline: '2026-03-19',
      since: '2026-03-19',
      daysPassed: 10,
    });
    expect(gapTiming({ dueOn: null, detectedOn: '2026-03-20' }, '2026-03-29')).toEqual({
      deadline: null,
      since: '2026-03-20',
      daysPassed: 9,
    });
  });

  it('suggests the step that closes the gap', () => {
    expect(suggestedStep('FEEDBACK_INTERIM_MISSING', true)).toEqual({ action: 'RECORD_REPORT', kind: 'INTERIM_REPORT' });
    expect(suggestedStep('REFUSAL_WITHOUT_ALTERNATIVE', true)).toEqual({ action: 'RECORD_ALTERNATIVE' });
    // Children not seen: someone must see them (a home visit), not refer the family elsewhere.
    expect(suggestedStep('CHILDREN_NOT_SEEN', true)).toEqual({ action: 'RECORD_REPORT', kind: 'HOME_VISIT' });
    expect(suggestedStep('REGIE_MISSING', false)).toEqual({ action: 'TAKE_REGIE' });
    expect(suggestedStep('REGIE_MISSING', true)).toEqual({ action: 'HAND_OVER' });
  });

  it('names the receiver of an unanswered referral as owing the answer, else whoever holds regie', () => {
    const gap = {
      rule: 'REFERRAL_UNANSWERED',
      agencies: [
        { id: 'a', name: 'A' },
        { id: 'b', name: 'B' },
      ],
      evidenceEdges: [
        { source: 'referral:r', target: 'agency:a', kind: 'SENT_BY' },
        { source: 'referral:r', target: 'agency:b', kind: 'SENT_TO' },
      ],
    };
    expect(owingAgencies(gap, ['C'])).toEqual(['B']);
    expect(owingAgencies({ ...gap, rule: 'FEEDBACK_FINAL_MISSING' }, ['C'])).toEqual(['C']);
    expect(owingAgencies({ ...gap, rule: 'FEEDBACK_FINAL_MISSING' }, [])).toEqual([]);
  });

  it('carries the state over steps that do not change it, and lets corrected steps count for nothing', () => {
    const steps = [
      { stateAfter: 'REPORTED', superseded: false },
      { stateAfter: null, superseded: false },
      { stateAfter: 'COURT', superseded: true },
      { stateAfter: null, superseded: false },
    ];
    expect(statesAlongTimeline(steps)).toEqual(['REPORTED', 'REPORTED', null, 'REPORTED']);
  });
});

describe('access view for the family', () => {
  const entry = (at: string, action: string, basis: string | null) => ({
    at,
    role: 'COORDINATOR',
    agencyId: null,
    action,
    outcome: 'ALLOWED',
    basis,
    breakGlass: false,
  });

  it("says why in the family's words and folds the reads of one page view into one line", () => {
    expect(accessReasonKey(entry('x', 'READ', 'chain coordinator of region amsterdam'))).toBe('coordinator');
    expect(accessReasonKey(entry('x', 'READ', 'open referral under consent c1 (chain_coordination)'))).toBe('consent');
    expect(accessReasonKey({ ...entry('x', 'READ', 'break-glass g1: crisis'), breakGlass: true })).toBe('breakGlass');
    const lines = collapseAccessEntries([
      entry('2026-11-29T10:59:01Z', 'READ', 'chain coordinator of region amsterdam'),
      entry('2026-11-29T10:59:40Z', 'READ', 'chain coordinator of region amsterdam'),
      entry('2026-11-29T10:59:50Z', 'CHANGE', 'recorded CONTACT'),
      entry('2026-11-29T10:59:55Z', 'READ', 'chain coordinator of region amsterdam'),
    ]);
    expect(lines.map((l) => [l.action, l.times])).toEqual([
      ['READ', 2],
      ['CHANGE', 1],
      ['READ', 1],
    ]);
  });
});
