// Each gap rule on constructed trajectories: one that fires, its twin that must not, and the boundary day.
import { describe, expect, it } from 'vitest';
import { defaultSetting, detectGaps, detectGapsWithReview, type DetectionContext, type HouseholdSubgraph } from '@ketenkaart/api';
import type { GapRuleId, GapRuleSetting } from '@ketenkaart/schema';

let seq = 0;
const event = (kind: string, occurredOn: string, extra: Record<string, unknown> = {}) =>
  ({
    id: `ev${++seq}`,
    kind,
    householdId: 'hh1',
    occurredOn,
    agencyId: 'corp',
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
    followsFromIds: [],
    supersedesId: null,
    supersededById: null,
    recordedAt: `${occurredOn}T12:00:00.000Z`,
    recordedBy: 'test',
    synthetic: false,
    ...extra,
  }) as HouseholdSubgraph['events'][number];

function graph(events: HouseholdSubgraph['events'], extra: Partial<HouseholdSubgraph> = {}): HouseholdSubgraph {
  return {
    household: {
      id: 'hh1',
      reference: 'T',
      centrumgemeenteId: 'amsterdam',
      municipality: null,
      landlordType: 'CORPORATION',
      synthetic: false,
      registeredAt: '2024-01-01T00:00:00Z',
      recordedBy: 't',
      provenanceKind: 'AGENCY_REPORT',
    },
    members: [
      {
        householdId: 'hh1',
        personId: 'p1',
        label: 'ouder 1',
        birthYear: 1980,
        role: 'PARENT',
        from: '2010-01-01',
        to: null,
        compositionSource: 'GBA',
      },
    ],
    events,
    referrals: [],
    regie: [],
    ...extra,
  };
}
const withChild = {
  members: [
    {
      householdId: 'hh1',
      personId: 'p1',
      label: 'ouder 1',
      birthYear: 1980,
      role: 'PARENT' as const,
      from: '2010-01-01',
      to: null,
      compositionSource: 'GBA' as const,
    },
    {
      householdId: 'hh1',
      personId: 'p2',
      label: 'kind 1',
      birthYear: 2015,
      role: 'CHILD' as const,
      from: '2015-01-01',
      to: null,
      compositionSource: 'GBA' as const,
    },
  ],
};

const fired = (g: HouseholdSubgraph, today: string, rule: GapRuleId) =>
  detectGaps(g, {
    today,
    settings: (ruleId) => defaultSetting('amsterdam', ruleId),
    agencyType: (id) => (id === 'youth' ? 'YOUTH_CARE' : 'OTHER'),
    facilityOperator: (id) => (id === 'fac' ? 'shelter' : null),
  }).filter((f) => f.ruleId === rule);

/** A city's context: its early-warning arrangement and its own settings over the defaults. */
const cityContext = (
  today: string,
  city: { earlyWarning?: DetectionContext['earlyWarning']; settings?: Partial<Record<GapRuleId, Partial<GapRuleSetting>>> } = {},
): DetectionContext => ({
  today,
  earlyWarning: city.earlyWarning ?? null,
  settings: (ruleId) => ({ ...defaultSetting('c', ruleId), ...city.settings?.[ruleId] }),
  agencyType: () => 'OTHER',
  facilityOperator: () => null,
});
const firedIn = (g: HouseholdSubgraph, ctx: DetectionContext, rule: GapRuleId) => detectGaps(g, ctx).filter((f) => f.ruleId === rule);

// Vroeg Eropaf: corporations report at two months' arrears to the maatschappelijke dienstverlening (002 L729-733).
const vroegEropaf = { reportAfterMonthsArrears: 2, reportedToAgencyIds: ['md'] };
// Oss, Utrecht, Leeuwarden: no feedback deadline in the report, so the feedback rules are off there.
const noFeedbackDeadline = {
  FEEDBACK_INTERIM_MISSING: { enabled: false, days: null },
  FEEDBACK_FINAL_MISSING: { enabled: false, days: null },
};

describe('gap rules', () => {
  it("FEEDBACK_*: only a signal at the arrangement's threshold starts its deadlines (002 L729-731: two months' arrears), and the agency it is reported to owes the report", () => {
    const halfMonth = event('EARLY_WARNING_SIGNAL', '2024-03-01', { arrearsMonths: 0.5 });
    const twoMonths = event('EARLY_WARNING_SIGNAL', '2024-03-01', { arrearsMonths: 2 });
    expect(firedIn(graph([halfMonth]), cityContext('2024-05-01', { earlyWarning: vroegEropaf }), 'FEEDBACK_INTERIM_MISSING')).toHaveLength(
      0,
    );
    expect(firedIn(graph([halfMonth]), cityContext('2024-05-01', { earlyWarning: vroegEropaf }), 'FEEDBACK_FINAL_MISSING')).toHaveLength(0);
    const [interim] = firedIn(graph([twoMonths]), cityContext('2024-03-16', { earlyWarning: vroegEropaf }), 'FEEDBACK_INTERIM_MISSING');
    // 002 L733-738: the institutions for maatschappelijke dienstverlening inform the corporation, not the other way round.
    expect(interim).toMatchObject({ agencyIds: ['md'], stage: 'REPORTED', detectedOn: '2024-03-16' });
    expect(interim!.evidenceNodes).toEqual(expect.arrayContaining([`event:${twoMonths.id}`, 'agency:corp', 'agency:md']));
    expect(
      firedIn(graph([twoMonths]), cityContext('2024-04-01', { earlyWarning: vroegEropaf }), 'FEEDBACK_FINAL_MISSING').map(
        (f) => f.agencyIds,
      ),
    ).toEqual([['md']]);
  });

  it('SIGNAL_NOT_FOLLOWED_UP: where no feedback deadline is stated (Oss 002 L4034-4054), a signal nobody picks up is flagged after the Ketenkaart default', () => {
    const signal = event('EARLY_WARNING_SIGNAL', '2024-03-01', { arrearsMonths: 2 });
    const oss = (today: string, extra: Partial<Record<GapRuleId, Partial<GapRuleSetting>>> = {}) =>
      cityContext(today, {
        earlyWarning: { reportAfterMonthsArrears: 2, reportedToAgencyIds: ['gemeente', 'zorgplein'] },
        settings: { ...noFeedbackDeadline, ...extra },
      });
    expect(firedIn(graph([signal]), oss('2024-03-29'), 'SIGNAL_NOT_FOLLOWED_UP')).toHaveLength(0);
    const [finding] = firedIn(graph([signal]), oss('2024-03-30'), 'SIGNAL_NOT_FOLLOWED_UP');
    expect(finding).toMatchObject({ detectedOn: '2024-03-30', stage: 'REPORTED', agencyIds: ['gemeente', 'zorgplein'] });
    expect(detectGapsWithReview(graph([signal]), oss('2024-03-20')).reviewOn).toBe('2024-03-30');
    // Picked up: a contact, a referral, a report.
    expect(
      firedIn(graph([signal, event('CONTACT', '2024-03-20', { agencyId: 'gemeente' })]), oss('2024-06-01'), 'SIGNAL_NOT_FOLLOWED_UP'),
    ).toHaveLength(0);
    expect(firedIn(graph([signal, event('REFERRAL_SENT', '2024-03-05')]), oss('2024-06-01'), 'SIGNAL_NOT_FOLLOWED_UP')).toHaveLength(0);
    // Below the arrangement's threshold the signal is not the arrangement's.
    expect(
      firedIn(graph([event('EARLY_WARNING_SIGNAL', '2024-03-01', { arrearsMonths: 1 })]), oss('2024-06-01'), 'SIGNAL_NOT_FOLLOWED_UP'),
    ).toHaveLength(0);
    // A city that states its own term overrides the default as data.
    expect(
      firedIn(graph([signal]), oss('2024-03-12', { SIGNAL_NOT_FOLLOWED_UP: { days: 10, source: 'city term' } }), 'SIGNAL_NOT_FOLLOWED_UP'),
    ).toHaveLength(1);
    // Where feedback deadlines watch signals (Amsterdam), they say it; this rule stays silent.
    expect(firedIn(graph([signal]), cityContext('2024-06-01', { earlyWarning: vroegEropaf }), 'SIGNAL_NOT_FOLLOWED_UP')).toHaveLength(0);
  });

  it('FEEDBACK_INTERIM_MISSING: no contact within 14 days of a signal; day 14 is still in time', () => {
    const signal = event('EARLY_WARNING_SIGNAL', '2024-03-01', { arrearsMonths: 2 });
    expect(fired(graph([signal]), '2024-03-16', 'FEEDBACK_INTERIM_MISSING')).toHaveLength(1);
    expect(fired(graph([signal]), '2024-03-15', 'FEEDBACK_INTERIM_MISSING')).toHaveLength(0);
    expect(fired(graph([signal, event('INTERIM_REPORT', '2024-03-15')]), '2024-05-01', 'FEEDBACK_INTERIM_MISSING')).toHaveLength(0);
    expect(fired(graph([signal, event('INTERIM_REPORT', '2024-03-16')]), '2024-05-01', 'FEEDBACK_INTERIM_MISSING')).toHaveLength(1);
    const [finding] = fired(graph([signal]), '2024-04-01', 'FEEDBACK_INTERIM_MISSING');
    expect(finding).toMatchObject({ detectedOn: '2024-03-16', stage: 'REPORTED', agencyIds: ['corp'] });
    expect(finding!.evidenceNodes).toEqual(['household:hh1', `event:${signal.id}`, 'agency:corp']);
  });

  it('FEEDBACK_FINAL_MISSING: no feedback report within 28 days', () => {
    const signal = event('EARLY_WARNING_SIGNAL', '2024-03-01', { arrearsMonths: 2 });
    expect(fired(graph([signal, event('INTERIM_REPORT', '2024-03-10')]), '2024-03-30', 'FEEDBACK_FINAL_MISSING')).toHaveLength(1);
    expect(fired(graph([signal, event('FEEDBACK_REPORT', '2024-03-29')]), '2024-04-30', 'FEEDBACK_FINAL_MISSING')).toHaveLength(0);
    expect(fired(graph([signal]), '2024-03-29', 'FEEDBACK_FINAL_MISSING')).toHaveLength(0);
  });

  const referral = (status: 'SENT' | 'ACCEPTED', respondedOn: string | null = null) => ({
    id: 'ref1',
    householdId: 'hh1',
    fromAgencyId: 'corp',
    toAgencyId: 'sw',
    status,
    purpose: 'x',
    sentOn: '2024-03-01',
    respondBy: '2024-03-15',
    respondedOn,
    closedOn: null,
    refusalReason: null,
    refusalText: null,
    recordedAt: '2024-03-01T00:00:00Z',
    recordedBy: 't',
    synthetic: false,
  });

  it('REFERRAL_UNANSWERED: still sent after its respond-by date', () => {
    expect(fired(graph([], { referrals: [referral('SENT')] }), '2024-03-16', 'REFERRAL_UNANSWERED')).toHaveLength(1);
    expect(fired(graph([], { referrals: [referral('SENT')] }), '2024-03-15', 'REFERRAL_UNANSWERED')).toHaveLength(0);
    expect(fired(graph([], { referrals: [referral('ACCEPTED', '2024-03-10')] }), '2024-05-01', 'REFERRAL_UNANSWERED')).toHaveLength(0);
  });

  it('REFERRAL_NO_INTAKE: accepted, but no intake by the receiver within 21 days', () => {
    const accepted = graph([], { referrals: [referral('ACCEPTED', '2024-03-10')] });
    expect(fired(accepted, '2024-04-01', 'REFERRAL_NO_INTAKE')).toHaveLength(1);
    expect(fired(accepted, '2024-03-31', 'REFERRAL_NO_INTAKE')).toHaveLength(0);
    const visited = graph([event('HOME_VISIT', '2024-03-20', { agencyId: 'sw' })], { referrals: [referral('ACCEPTED', '2024-03-10')] });
    expect(fired(visited, '2024-06-01', 'REFERRAL_NO_INTAKE')).toHaveLength(0);
    const wrongAgency = graph([event('HOME_VISIT', '2024-03-20', { agencyId: 'other' })], {
      referrals: [referral('ACCEPTED', '2024-03-10')],
    });
    expect(fired(wrongAgency, '2024-06-01', 'REFERRAL_NO_INTAKE')).toHaveLength(1);
  });

  it('OUT_OF_SIGHT_AFTER_EVICTION: no follow-up within 14 days of an eviction, or contact lost', () => {
    const evicted = event('EVICTION_EXECUTED', '2024-06-01', { agencyId: 'bailiff', destination: 'UNKNOWN' });
    expect(fired(graph([evicted]), '2024-06-16', 'OUT_OF_SIGHT_AFTER_EVICTION')).toHaveLength(1);
    expect(fired(graph([evicted]), '2024-06-15', 'OUT_OF_SIGHT_AFTER_EVICTION')).toHaveLength(0);
    expect(
      fired(
        graph([evicted, event('SHELTER_APPLICATION', '2024-06-10', { facilityId: 'fac' })]),
        '2024-09-01',
        'OUT_OF_SIGHT_AFTER_EVICTION',
      ),
    ).toHaveLength(0);
    expect(
      fired(
        graph([evicted, event('SHELTER_APPLICATION', '2024-06-03', { facilityId: 'fac' }), event('LOST_CONTACT', '2024-07-01')]),
        '2024-09-01',
        'OUT_OF_SIGHT_AFTER_EVICTION',
      ),
    ).toHaveLength(1);
    expect(
      fired(graph([event('EVICTION_EXECUTED', '2024-06-01', { destination: 'NEW_TENANCY' })]), '2024-09-01', 'OUT_OF_SIGHT_AFTER_EVICTION'),
    ).toHaveLength(0);
  });

  it('REFUSAL_WITHOUT_ALTERNATIVE: a refusal with nothing after it within 7 days', () => {
    const refusal = event('REFUSAL', '2024-06-01', { facilityId: 'fac', refusalReason: 'NO_CAPACITY' });
    expect(fired(graph([refusal]), '2024-06-09', 'REFUSAL_WITHOUT_ALTERNATIVE')).toMatchObject([{ stage: 'REFUSED' }]);
    const refusedReferral = event('REFERRAL_REFUSED', '2024-06-01', { refusalReason: 'NO_CAPACITY' });
    expect(fired(graph([refusedReferral]), '2024-06-09', 'REFUSAL_WITHOUT_ALTERNATIVE')).toMatchObject([{ stage: 'TENANCY' }]);
    expect(fired(graph([refusal]), '2024-06-08', 'REFUSAL_WITHOUT_ALTERNATIVE')).toHaveLength(0);
    expect(
      fired(
        graph([refusal, event('SHELTER_APPLICATION', '2024-06-05', { facilityId: 'other-fac' })]),
        '2024-09-01',
        'REFUSAL_WITHOUT_ALTERNATIVE',
      ),
    ).toHaveLength(0);
    expect(
      fired(
        graph([event('REFUSAL', '2024-06-01', { facilityId: 'fac', refusalReason: 'NO_CAPACITY', destination: 'HOTEL_OR_HOLIDAY_HOME' })]),
        '2024-09-01',
        'REFUSAL_WITHOUT_ALTERNATIVE',
      ),
    ).toHaveLength(0);
  });

  it('REFUSAL_WITHOUT_ALTERNATIVE also from the shelter register: no alternative given and nothing after it', () => {
    const reported = (alternative: string, refusedOn = '2024-06-01') => ({
      id: `sr-${++seq}`,
      key: 'k',
      kind: 'REFUSAL' as const,
      facilityId: 'fac',
      day: refusedOn,
      current: true,
      supersededById: null,
      unitKind: null,
      targetGroup: 'FAMILIES' as const,
      periodStart: null,
      periodEnd: null,
      capacity: null,
      note: null,
      date: null,
      occupied: null,
      available: null,
      blocked: null,
      caseRef: 'HVO-1',
      householdId: 'hh1',
      dateOn: null,
      priority: null,
      dateOff: null,
      outcome: null,
      refusedOn,
      reason: 'NO_CAPACITY' as const,
      alternative: alternative as 'NONE',
      alternativeAgencyId: null,
      importId: 'i',
      provenanceKind: 'AGENCY_REPORT',
      reportingAgencyId: 'shelter',
      recordedAt: '2024-06-01T12:00:00Z',
      recordedBy: 'a',
    });
    const none = reported('NONE');
    const [finding] = fired(graph([], { shelterRefusals: [none] }), '2024-06-09', 'REFUSAL_WITHOUT_ALTERNATIVE');
    // A refusal finding has a stage, also when nothing else is recorded on the path (002 L2952-2966: refused for lack of room).
    expect(finding).toMatchObject({
      stage: 'REFUSED',
      agencyIds: ['shelter'],
      evidenceNodes: ['household:hh1', `shelter-record:${none.id}`, 'facility:fac'],
    });
    expect(fired(graph([], { shelterRefusals: [none] }), '2024-06-08', 'REFUSAL_WITHOUT_ALTERNATIVE')).toHaveLength(0);
    expect(fired(graph([], { shelterRefusals: [reported('ONWARD_REFERRAL')] }), '2024-09-01', 'REFUSAL_WITHOUT_ALTERNATIVE')).toHaveLength(
      0,
    );
    expect(
      fired(graph([event('REFERRAL_SENT', '2024-06-03')], { shelterRefusals: [none] }), '2024-09-01', 'REFUSAL_WITHOUT_ALTERNATIVE'),
    ).toHaveLength(0);
    // The same refusal recorded as an event too is one finding, not two.
    const asEvent = event('REFUSAL', '2024-06-01', { facilityId: 'fac', refusalReason: 'NO_CAPACITY' });
    expect(fired(graph([asEvent], { shelterRefusals: [none] }), '2024-09-01', 'REFUSAL_WITHOUT_ALTERNATIVE')).toHaveLength(1);
  });

  it('WAITING_LIST_NO_OUTCOME and WAITING_LIST_TOO_LONG', () => {
    expect(
      fired(
        graph([event('WAITING_LIST_EXIT', '2024-06-01', { facilityId: 'fac', waitingListOutcome: 'LOST_CONTACT' })]),
        '2024-06-02',
        'WAITING_LIST_NO_OUTCOME',
      ),
    ).toHaveLength(1);
    expect(
      fired(
        graph([event('WAITING_LIST_EXIT', '2024-06-01', { facilityId: 'fac', waitingListOutcome: 'PLACED' })]),
        '2024-06-02',
        'WAITING_LIST_NO_OUTCOME',
      ),
    ).toHaveLength(0);
    const entry = event('WAITING_LIST_ENTRY', '2024-01-01', { facilityId: 'fac' });
    expect(fired(graph([entry]), '2024-03-31', 'WAITING_LIST_TOO_LONG')).toHaveLength(0);
    expect(fired(graph([entry]), '2024-04-01', 'WAITING_LIST_TOO_LONG')).toHaveLength(1);
    expect(
      fired(
        graph([entry, event('WAITING_LIST_EXIT', '2024-02-01', { facilityId: 'fac', waitingListOutcome: 'PLACED' })]),
        '2024-06-01',
        'WAITING_LIST_TOO_LONG',
      ),
    ).toHaveLength(0);
  });

  it('CHILDREN_NOT_SEEN and EVICTION_WITHOUT_ALTERNATIVE_HOUSING: the rights checkpoints for children', () => {
    const planned = event('EVICTION_PLANNED', '2024-06-01');
    expect(fired(graph([planned], withChild), '2024-06-02', 'CHILDREN_NOT_SEEN')).toHaveLength(1);
    expect(fired(graph([planned]), '2024-06-02', 'CHILDREN_NOT_SEEN')).toHaveLength(0);
    expect(
      fired(graph([event('CONTACT', '2024-05-20', { agencyId: 'youth' }), planned], withChild), '2024-06-02', 'CHILDREN_NOT_SEEN'),
    ).toHaveLength(0);
    const grownUp = { members: [{ ...withChild.members[1]!, birthYear: 2005 }] };
    expect(fired(graph([planned], grownUp), '2024-06-02', 'CHILDREN_NOT_SEEN')).toHaveLength(0);
    const executed = event('EVICTION_EXECUTED', '2024-06-01', { destination: 'SHELTER' });
    const [finding] = fired(graph([executed], withChild), '2024-06-01', 'EVICTION_WITHOUT_ALTERNATIVE_HOUSING');
    expect(finding!.evidenceNodes).toContain('person:p2');
    expect(
      fired(
        graph([event('EVICTION_EXECUTED', '2024-06-01', { destination: 'NEW_TENANCY' })], withChild),
        '2024-06-02',
        'EVICTION_WITHOUT_ALTERNATIVE_HOUSING',
      ),
    ).toHaveLength(0);
  });

  const regie = (id: string, agencyId: string, stage: string, from: string, to: string | null = null) =>
    ({
      id,
      householdId: 'hh1',
      agencyId,
      stage,
      from,
      to,
      handedOverToId: null,
      recordedAt: '',
      recordedBy: 't',
      synthetic: false,
    }) as HouseholdSubgraph['regie'][number];

  it('REGIE_MISSING: several agencies and nobody holds regie; a placement without handover', () => {
    const busy = [event('CONTACT', '2024-05-01', { agencyId: 'a' }), event('HOME_VISIT', '2024-05-10', { agencyId: 'b' })];
    expect(fired(graph(busy), '2024-06-01', 'REGIE_MISSING')).toHaveLength(1);
    expect(fired(graph(busy, { regie: [regie('g1', 'a', 'REPORTED', '2024-05-01')] }), '2024-06-01', 'REGIE_MISSING')).toHaveLength(0);
    expect(fired(graph([busy[0]!]), '2024-06-01', 'REGIE_MISSING')).toHaveLength(0);
    const placed = [event('PLACEMENT', '2024-05-01', { facilityId: 'fac', agencyId: 'shelter' })];
    expect(
      fired(graph(placed, { regie: [regie('g1', 'ggd', 'EVICTED', '2024-04-01')] }), '2024-06-01', 'REGIE_MISSING').map((f) => f.summary),
    ).toEqual(['Placed at fac on 2024-05-01; regie never passed to shelter']);
    expect(
      fired(
        graph(placed, {
          regie: [regie('g1', 'ggd', 'EVICTED', '2024-04-01', '2024-05-01'), regie('g2', 'shelter', 'PLACED', '2024-05-01')],
        }),
        '2024-06-01',
        'REGIE_MISSING',
      ),
    ).toHaveLength(0);
  });

  it('REGIE_CONFLICT: two agencies hold regie at one stage', () => {
    expect(
      fired(
        graph([], { regie: [regie('g1', 'a', 'REPORTED', '2024-01-01'), regie('g2', 'b', 'REPORTED', '2024-02-01')] }),
        '2024-06-01',
        'REGIE_CONFLICT',
      ),
    ).toHaveLength(1);
    expect(
      fired(
        graph([], { regie: [regie('g1', 'a', 'REPORTED', '2024-01-01', '2024-02-01'), regie('g2', 'b', 'REPORTED', '2024-02-01')] }),
        '2024-06-01',
        'REGIE_CONFLICT',
      ),
    ).toHaveLength(0);
    expect(
      fired(
        graph([], { regie: [regie('g1', 'a', 'REPORTED', '2024-01-01'), regie('g2', 'a', 'EVICTED', '2024-02-01')] }),
        '2024-06-01',
        'REGIE_CONFLICT',
      ),
    ).toHaveLength(0);
  });

  it('REGIE_CONFLICT: regie taken at placement without a handover from Vangnet (002 L1400-1408 says it is handed over) is two holders, labelled PLACED', () => {
    const path = [
      event('EVICTION_EXECUTED', '2024-04-01', { destination: 'UNKNOWN' }),
      event('PLACEMENT', '2024-05-01', { facilityId: 'fac', agencyId: 'hvo' }),
    ];
    const both = graph(path, { regie: [regie('g1', 'vangnet', 'EVICTED', '2024-04-01'), regie('g2', 'hvo', 'PLACED', '2024-05-01')] });
    const [conflict] = fired(both, '2024-06-01', 'REGIE_CONFLICT');
    expect(conflict).toMatchObject({ stage: 'PLACED', detectedOn: '2024-05-01', agencyIds: ['hvo', 'vangnet'] });
    // Handed over: one holder at a time.
    const handedOver = graph(path, {
      regie: [regie('g1', 'vangnet', 'EVICTED', '2024-04-01', '2024-05-01'), regie('g2', 'hvo', 'PLACED', '2024-05-01')],
    });
    expect(fired(handedOver, '2024-06-01', 'REGIE_CONFLICT')).toHaveLength(0);
    // A conflict after a handover is labelled with the contested stage, not the state the household has reached since.
    const afterHandover = graph([event('HOME_VISIT', '2024-01-10'), event('SUMMONS', '2024-04-01')], {
      regie: [
        regie('g1', 'a', 'REPORTED', '2024-01-01', '2024-02-01'),
        regie('g2', 'b', 'PREVENTION_TRAJECTORY', '2024-02-01'),
        regie('g3', 'c', 'PREVENTION_TRAJECTORY', '2024-03-01'),
      ],
    });
    expect(fired(afterHandover, '2024-06-01', 'REGIE_CONFLICT')).toMatchObject([
      { stage: 'PREVENTION_TRAJECTORY', detectedOn: '2024-03-01', agencyIds: ['b', 'c'] },
    ]);
    // A closed past overlap is still an interval with two holders.
    const past = graph([], {
      regie: [regie('g1', 'a', 'REPORTED', '2024-01-01', '2024-03-01'), regie('g2', 'b', 'REPORTED', '2024-02-01', '2024-02-15')],
    });
    expect(fired(past, '2024-06-01', 'REGIE_CONFLICT')).toHaveLength(1);
    // Not before the overlap begins; the review day says when.
    expect(detectGapsWithReview(both, cityContext('2024-04-15')).findings.filter((f) => f.ruleId === 'REGIE_CONFLICT')).toHaveLength(0);
    expect(detectGapsWithReview(both, cityContext('2024-04-15')).reviewOn! <= '2024-05-01').toBe(true);
  });

  it('SHELTER_EXIT_WITHOUT_HOUSING and RE_ENTRY_LOOP', () => {
    const exit = event('SHELTER_EXIT', '2024-06-01', { facilityId: 'fac', destination: 'UNKNOWN' });
    expect(fired(graph([exit]), '2024-07-02', 'SHELTER_EXIT_WITHOUT_HOUSING')).toHaveLength(1);
    expect(fired(graph([exit]), '2024-07-01', 'SHELTER_EXIT_WITHOUT_HOUSING')).toHaveLength(0);
    expect(
      fired(graph([exit, event('REHOUSING', '2024-06-20', { rehousingKind: 'URGENCY' })]), '2024-09-01', 'SHELTER_EXIT_WITHOUT_HOUSING'),
    ).toHaveLength(0);
    const rehoused = event('REHOUSING', '2024-06-20', { rehousingKind: 'URGENCY' });
    expect(fired(graph([rehoused, event('EVICTION_PLANNED', '2025-06-01')]), '2025-06-02', 'RE_ENTRY_LOOP')).toHaveLength(1);
    expect(fired(graph([event('EVICTION_PLANNED', '2024-01-01'), rehoused]), '2025-06-02', 'RE_ENTRY_LOOP')).toHaveLength(0);
  });

  it('CHILDREN_NOT_SEEN ends with the threat of eviction: cancelled (the path of SYN-AMS-2009-000038) or the family housed again', () => {
    const planned = event('EVICTION_PLANNED', '2025-07-26');
    const cancelled = event('EVICTION_CANCELLED', '2025-08-23');
    expect(fired(graph([planned], withChild), '2025-08-01', 'CHILDREN_NOT_SEEN')).toHaveLength(1);
    expect(fired(graph([planned, cancelled], withChild), '2026-11-29', 'CHILDREN_NOT_SEEN')).toHaveLength(0);
    // A new date after the cancellation is a new threat.
    const replanned = event('EVICTION_PLANNED', '2025-10-01');
    expect(fired(graph([planned, cancelled, replanned], withChild), '2026-11-29', 'CHILDREN_NOT_SEEN').map((f) => f.id)).toEqual([
      `CHILDREN_NOT_SEEN:hh1:${replanned.id}`,
    ]);
    const executed = event('EVICTION_EXECUTED', '2025-08-01', { destination: 'SHELTER' });
    expect(fired(graph([executed], withChild), '2025-09-01', 'CHILDREN_NOT_SEEN')).toHaveLength(1);
    const housed = event('REHOUSING', '2025-10-01', { rehousingKind: 'URGENCY' });
    expect(fired(graph([executed, housed], withChild), '2025-10-02', 'CHILDREN_NOT_SEEN')).toHaveLength(0);
    expect(fired(graph([executed, housed], withChild), '2025-10-02', 'EVICTION_WITHOUT_ALTERNATIVE_HOUSING')).toHaveLength(0);
    // Housed on a later day: the review day says when the gap goes.
    expect(detectGapsWithReview(graph([executed, housed], withChild), cityContext('2025-09-01')).reviewOn! <= '2025-10-01').toBe(true);
  });

  it('CHILDREN_NOT_SEEN closes with what its action asks: a home visit, or youth-care contact, however late', () => {
    const planned = event('EVICTION_PLANNED', '2025-07-26');
    expect(fired(graph([planned, event('HOME_VISIT', '2025-09-01')], withChild), '2025-09-02', 'CHILDREN_NOT_SEEN')).toHaveLength(0);
    expect(
      fired(graph([planned, event('CONTACT', '2025-09-01', { agencyId: 'youth' })], withChild), '2025-09-02', 'CHILDREN_NOT_SEEN'),
    ).toHaveLength(0);
  });

  it('RE_ENTRY_LOOP ends when the new eviction is cancelled', () => {
    const rehoused = event('REHOUSING', '2024-06-20', { rehousingKind: 'URGENCY' });
    const planned = event('EVICTION_PLANNED', '2025-06-01');
    expect(fired(graph([rehoused, planned, event('EVICTION_CANCELLED', '2025-06-20')]), '2025-07-01', 'RE_ENTRY_LOOP')).toHaveLength(0);
  });

  it('gaps about a situation end when the situation does, even after the term: back in view, rehoused, an alternative found', () => {
    const evicted = event('EVICTION_EXECUTED', '2024-06-01', { destination: 'UNKNOWN' });
    const lateContact = event('FOLLOW_UP_CONTACT', '2024-07-01');
    expect(fired(graph([evicted]), '2024-07-02', 'OUT_OF_SIGHT_AFTER_EVICTION')).toHaveLength(1);
    expect(fired(graph([evicted, lateContact]), '2024-07-02', 'OUT_OF_SIGHT_AFTER_EVICTION')).toHaveLength(0);
    const lost = event('LOST_CONTACT', '2024-06-05');
    expect(fired(graph([evicted, lost]), '2024-06-06', 'OUT_OF_SIGHT_AFTER_EVICTION')).toHaveLength(1);
    expect(fired(graph([evicted, lost, lateContact]), '2024-07-02', 'OUT_OF_SIGHT_AFTER_EVICTION')).toHaveLength(0);
    const exit = event('SHELTER_EXIT', '2024-06-01', { facilityId: 'fac', destination: 'UNKNOWN' });
    const lateRehousing = event('REHOUSING', '2024-08-01', { rehousingKind: 'URGENCY' });
    expect(fired(graph([exit, lateRehousing]), '2024-08-02', 'SHELTER_EXIT_WITHOUT_HOUSING')).toHaveLength(0);
    const refusal = event('REFUSAL', '2024-06-01', { facilityId: 'fac', refusalReason: 'CAPACITY' });
    expect(fired(graph([refusal]), '2024-06-20', 'REFUSAL_WITHOUT_ALTERNATIVE')).toHaveLength(1);
    expect(
      fired(graph([refusal, event('PLACEMENT', '2024-06-15', { facilityId: 'other' })]), '2024-06-20', 'REFUSAL_WITHOUT_ALTERNATIVE'),
    ).toHaveLength(0);
    const gone = event('WAITING_LIST_EXIT', '2024-06-01', { facilityId: 'fac', waitingListOutcome: 'LOST_CONTACT' });
    expect(fired(graph([gone]), '2024-06-02', 'WAITING_LIST_NO_OUTCOME')).toHaveLength(1);
    expect(fired(graph([gone, event('CONTACT', '2024-07-01')]), '2024-07-02', 'WAITING_LIST_NO_OUTCOME')).toHaveLength(0);
  });

  it('gives a missed term its last day as dueOn, the day before the gap starts; a gap that is an event has none', () => {
    // 000038: signal 2025-02-20, tussenmelding by day 14 (002 L736-740): still on time on 2025-03-06.
    const signal = event('EARLY_WARNING_SIGNAL', '2025-02-20', { arrearsMonths: 2 });
    const [interim] = firedIn(graph([signal]), cityContext('2025-04-01', { earlyWarning: vroegEropaf }), 'FEEDBACK_INTERIM_MISSING');
    expect(interim).toMatchObject({ dueOn: '2025-03-06', detectedOn: '2025-03-07' });
    const [final] = firedIn(graph([signal]), cityContext('2025-04-01', { earlyWarning: vroegEropaf }), 'FEEDBACK_FINAL_MISSING');
    expect(final).toMatchObject({ dueOn: '2025-03-20', detectedOn: '2025-03-21' });
    const [children] = fired(graph([event('EVICTION_PLANNED', '2025-07-26')], withChild), '2025-08-01', 'CHILDREN_NOT_SEEN');
    expect(children).toMatchObject({ dueOn: null, detectedOn: '2025-07-26' });
    const evicted = event('EVICTION_EXECUTED', '2024-06-01', { destination: 'UNKNOWN' });
    const [lost] = fired(graph([evicted, event('LOST_CONTACT', '2024-06-05')]), '2024-06-06', 'OUT_OF_SIGHT_AFTER_EVICTION');
    expect(lost).toMatchObject({ dueOn: null, detectedOn: '2024-06-05' });
  });

  it('ignores superseded events: a corrected date moves the deadline', () => {
    const wrong = event('EARLY_WARNING_SIGNAL', '2024-01-01', { arrearsMonths: 2, supersededById: 'evX' });
    const right = event('EARLY_WARNING_SIGNAL', '2024-03-01', { arrearsMonths: 2, supersedesId: wrong.id });
    expect(fired(graph([wrong, right]), '2024-03-10', 'FEEDBACK_INTERIM_MISSING')).toHaveLength(0);
  });
});
