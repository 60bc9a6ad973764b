// Gap detection over one household's subgraph: each rule a pattern over its events, referrals, regie and members.
import {
  ChainState as ChainStates,
  gapRules,
  stateAfter,
  type AgencyType,
  type ChainState,
  type GapRuleId,
  type GapRuleSetting,
  type GapFinding,
  type EvidenceEdge,
  type EarlyWarningTerms,
  type EventRecord,
  type HouseholdRecord,
  type MembershipRecord,
  type ReferralRecord,
  type RegieRecord,
  addDays,
  inOrderOfOccurrence,
} from '@ketenkaart/schema';
import type { ShelterRecord } from '../repositories/shelter-repository.js';

/** The fields of an event the rules read (a full EventRecord is one): what a full evaluation reads per event. */
export type GapEvent = Pick<
  EventRecord,
  | 'id'
  | 'kind'
  | 'householdId'
  | 'occurredOn'
  | 'recordedAt'
  | 'agencyId'
  | 'facilityId'
  | 'referralId'
  | 'arrearsMonths'
  | 'refusalReason'
  | 'verdictKind'
  | 'waitingListOutcome'
  | 'destination'
  | 'supersededById'
>;

export interface HouseholdSubgraph {
  household: HouseholdRecord;
  members: MembershipRecord[];
  events: GapEvent[];
  referrals: ReferralRecord[];
  regie: RegieRecord[];
  /** Refusals the shelter reported in its own register and linked to this household. */
  shelterRefusals?: ShelterRecord[];
}

export interface DetectionContext {
  today: string;
  /** The household's city's arrangement; absent where the city has none. */
  earlyWarning?: EarlyWarningTerms | null;
  settings: (ruleId: GapRuleId) => GapRuleSetting;
  agencyType: (agencyId: string) => AgencyType | null;
  facilityOperator: (facilityId: string) => string | null;
}

/** The setting a city has for a rule, or the rule's default when the city has none. */
export function defaultSetting(cityId: string, ruleId: GapRuleId): GapRuleSetting {
  const rule = gapRules[ruleId];
  return {
    cityId,
    ruleId,
    enabled: true,
    days: rule.defaultDays,
    severity: rule.defaultSeverity,
    source: 'Ketenkaart default (no norm stated in the sources)',
  };
}

const CONTACT_KINDS = new Set(['INTERIM_REPORT', 'CONTACT', 'HOME_VISIT', 'REFERRAL_ACCEPTED', 'FEEDBACK_REPORT', 'DEBT_ARRANGEMENT']);
const FEEDBACK_KINDS = new Set(['FEEDBACK_REPORT', 'DEBT_ARRANGEMENT']);
/** Any sign that someone picked a signal up. */
const FOLLOW_UP_KINDS = new Set([...CONTACT_KINDS, 'FOLLOW_UP_CONTACT', 'REFERRAL_SENT']);
const INTAKE_KINDS = new Set([
  'CONTACT',
  'HOME_VISIT',
  'PLACEMENT',
  'INTERIM_REPORT',
  'FEEDBACK_REPORT',
  'DEBT_ARRANGEMENT',
  'FOLLOW_UP_CONTACT',
  'SHELTER_APPLICATION',
]);
const AFTER_EVICTION_KINDS = new Set([
  'FOLLOW_UP_CONTACT',
  'CONTACT',
  'HOME_VISIT',
  'SHELTER_APPLICATION',
  'WAITING_LIST_ENTRY',
  'PLACEMENT',
  'REHOUSING',
]);
const ALTERNATIVE_KINDS = new Set(['PLACEMENT', 'SHELTER_APPLICATION', 'WAITING_LIST_ENTRY', 'REFERRAL_SENT', 'REHOUSING']);
const ALTERNATIVE_DESTINATIONS = new Set(['NEW_TENANCY', 'OWN_NETWORK', 'HOTEL_OR_HOLIDAY_HOME', 'SHELTER']);

/** A step missed its term: dueOn is the term's last day, on which the step was still on time; the gap starts the day after. */
interface MissedDeadline {
  dueOn: string;
}

/** What the rules find today, and the first later day on which they could find otherwise without a new fact. */
export interface GapDetection {
  findings: GapFinding[];
  /** The day a deadline passes or an event leaves a window; null when only a new fact can change the findings. */
  reviewOn: string | null;
}

export function detectGaps(graph: HouseholdSubgraph, ctx: DetectionContext): GapFinding[] {
  return detectGapsWithReview(graph, ctx).findings;
}

/**
 * Every rule asks the clock rather than comparing with today itself, so that the clock can note each day on which
 * an answer would turn. The earliest such day is when the household needs another look: the gap sweep
 * evaluates only households whose day has come.
 */
function clockAt(today: string) {
  let reviewOn: string | null = null;
  const note = (day: string) => {
    if (reviewOn === null || day < reviewOn) reviewOn = day;
  };
  return {
    /** today > day; when not yet, it turns on the day after. */
    isPast(day: string): boolean {
      if (today > day) return true;
      note(addDays(day, 1));
      return false;
    },
    /** today >= day; when not yet, it turns on that day. */
    hasCome(day: string): boolean {
      if (today >= day) return true;
      note(day);
      return false;
    },
    get reviewOn() {
      return reviewOn;
    },
  };
}

export function detectGapsWithReview(graph: HouseholdSubgraph, ctx: DetectionContext): GapDetection {
  const { household } = graph;
  const clock = clockAt(ctx.today);
  const events = graph.events.filter((e) => e.supersededById === null).sort(inOrderOfOccurrence);
  const findings: GapFinding[] = [];

  const setting = (ruleId: GapRuleId) => ctx.settings(ruleId);
  /** The chain state the events that count lead to, in order. */
  const stateAfterEvents = (counts: (e: GapEvent) => boolean): ChainState | null => {
    let state: ChainState | null = null;
    for (const e of events) if (counts(e)) state = stateAfter(e.kind, { verdictKind: e.verdictKind }) ?? state;
    return state;
  };
  const stateAt = (day: string) => stateAfterEvents((e) => e.occurredOn <= day);
  /** A deadline counts in full: the step may still happen on the last day; the gap starts the day after. */
  const overdue = (anchor: string, days: number) => clock.isPast(addDays(anchor, days));
  const missed = (anchor: string, days: number): MissedDeadline => ({ dueOn: addDays(anchor, days) });
  const happened = (from: string, days: number, test: (e: GapEvent) => boolean) => {
    const until = addDays(from, days);
    return events.some((e) => e.occurredOn >= from && e.occurredOn <= until && test(e));
  };
  /** Whether a step has happened from that day up to today, however late: it ends a situation, not a term. */
  const hasHappenedSince = (from: string, test: (e: GapEvent) => boolean) =>
    events.some((e) => e.occurredOn >= from && test(e) && clock.hasCome(e.occurredOn));
  /** Whether a step came after this event (in order of occurrence) and up to today. */
  const hasHappenedAfter = (event: GapEvent, test: (e: GapEvent) => boolean) =>
    events.slice(events.indexOf(event) + 1).some((e) => test(e) && clock.hasCome(e.occurredOn));
  /**
   * Whether the threat of an eviction is over today: a planned eviction cancelled since, or the family housed
   * again (docs/domain.md §2: EVICTION_CANCELLED leads back to TENANCY, Rehoused to AFTERCARE). A gap about
   * that threat (children not seen, a re-entry loop, no alternative housing) then no longer applies.
   */
  const evictionThreatOver = (eviction: GapEvent) => {
    if (eviction.kind === 'EVICTION_EXECUTED' && eviction.destination === 'NEW_TENANCY') return true;
    const cancelled = eviction.kind === 'EVICTION_PLANNED' && hasHappenedAfter(eviction, (x) => x.kind === 'EVICTION_CANCELLED');
    const stateToday = stateAfterEvents((x) => clock.hasCome(x.occurredOn));
    return cancelled || stateToday === 'TENANCY' || stateToday === 'AFTERCARE';
  };
  /** stage: the stage the finding is about; by default the household's state on the day it was detected. */
  const emit = (
    ruleId: GapRuleId,
    anchorKey: string,
    when: string | MissedDeadline,
    summary: string,
    nodes: string[],
    edges: EvidenceEdge[],
    agencyIds: (string | null)[],
    stage?: ChainState,
  ) => {
    const s = setting(ruleId);
    if (!s.enabled) return;
    const dueOn = typeof when === 'string' ? null : when.dueOn;
    const detectedOn = typeof when === 'string' ? when : addDays(when.dueOn, 1);
    findings.push({
      id: `${ruleId}:${household.id}:${anchorKey}`,
      ruleId,
      householdId: household.id,
      centrumgemeenteId: household.centrumgemeenteId,
      severity: s.severity,
      stage: stage ?? stateAt(detectedOn),
      detectedOn,
      dueOn,
      agencyIds: [...new Set(agencyIds.filter((a): a is string => Boolean(a)))].sort(),
      evidenceNodes: [`household:${household.id}`, ...new Set(nodes)],
      evidenceEdges: edges,
      summary,
    });
  };
  const eventNode = (e: GapEvent) => `event:${e.id}`;
  const acted = (e: GapEvent): EvidenceEdge[] => [
    { source: `household:${household.id}`, target: eventNode(e), kind: 'HAD' },
    ...(e.agencyId ? [{ source: `agency:${e.agencyId}`, target: eventNode(e), kind: 'ACTED_IN' }] : []),
  ];
  const withAgency = (e: GapEvent) => [eventNode(e), ...(e.agencyId ? [`agency:${e.agencyId}`] : [])];

  const children = (onDay: string) =>
    graph.members.filter(
      (m) =>
        m.role === 'CHILD' &&
        m.from <= onDay &&
        (m.to === null || m.to > onDay) &&
        (m.birthYear === null || Number(onDay.slice(0, 4)) - m.birthYear < 18),
    );

  const arrangement = ctx.earlyWarning ?? null;
  const threshold = arrangement?.reportAfterMonthsArrears ?? null;
  // A signal with no stated arrears is kept in view rather than dropped: the threshold cannot rule it out.
  const meetsThreshold = (e: GapEvent) => threshold === null || e.arrearsMonths === null || e.arrearsMonths >= threshold;
  const feedbackRules = (['FEEDBACK_INTERIM_MISSING', 'FEEDBACK_FINAL_MISSING'] as const).filter(
    (id) => setting(id).enabled && setting(id).days !== null,
  );

  for (const e of events) {
    if (e.kind === 'EARLY_WARNING_SIGNAL' && meetsThreshold(e)) {
      // Who owes the answer: the agencies the arrangement reports signals to; the signaller where it names none.
      const owing =
        arrangement && arrangement.reportedToAgencyIds.length > 0
          ? arrangement.reportedToAgencyIds
          : [e.agencyId].filter((a): a is string => Boolean(a));
      const nodes = [...withAgency(e), ...owing.map((a) => `agency:${a}`)];
      const edges = [...acted(e), ...owing.map((a) => ({ source: eventNode(e), target: `agency:${a}`, kind: 'REPORTED_TO' }))];
      for (const [ruleId, kinds] of [
        ['FEEDBACK_INTERIM_MISSING', CONTACT_KINDS],
        ['FEEDBACK_FINAL_MISSING', FEEDBACK_KINDS],
      ] as const) {
        const days = setting(ruleId).days;
        if (days === null || !overdue(e.occurredOn, days) || happened(e.occurredOn, days, (x) => kinds.has(x.kind))) continue;
        emit(
          ruleId,
          e.id,
          missed(e.occurredOn, days),
          `No ${ruleId === 'FEEDBACK_INTERIM_MISSING' ? 'interim report or contact' : 'feedback'} within ${days} days of the signal of ${e.occurredOn} (${e.arrearsMonths ?? '?'} months' arrears); owed by ${owing.join(', ') || 'nobody named'}`,
          nodes,
          edges,
          owing,
          'REPORTED',
        );
      }
      // Where no feedback deadline watches signals, a signal nobody picks up is a gap of its own.
      const days = setting('SIGNAL_NOT_FOLLOWED_UP').days;
      if (
        feedbackRules.length === 0 &&
        days !== null &&
        overdue(e.occurredOn, days) &&
        !happened(e.occurredOn, days, (x) => FOLLOW_UP_KINDS.has(x.kind))
      ) {
        emit(
          'SIGNAL_NOT_FOLLOWED_UP',
          e.id,
          missed(e.occurredOn, days),
          `Nobody followed up the signal of ${e.occurredOn} (${e.arrearsMonths ?? '?'} months' arrears) within ${days} days`,
          nodes,
          edges,
          owing,
          'REPORTED',
        );
      }
    }
    if (e.kind === 'EVICTION_EXECUTED') {
      const days = setting('OUT_OF_SIGHT_AFTER_EVICTION').days ?? 14;
      // In view again once anyone has contact after the eviction (or after contact was lost), however late.
      const lost = events.filter((x) => x.kind === 'LOST_CONTACT' && x.occurredOn >= e.occurredOn).at(-1);
      const backInView = hasHappenedAfter(lost ?? e, (x) => AFTER_EVICTION_KINDS.has(x.kind));
      if (e.destination !== 'NEW_TENANCY' && !backInView && (lost || overdue(e.occurredOn, days))) {
        emit(
          'OUT_OF_SIGHT_AFTER_EVICTION',
          e.id,
          lost?.occurredOn ?? missed(e.occurredOn, days),
          lost
            ? `Contact lost after the eviction of ${e.occurredOn}`
            : `No follow-up within ${days} days of the eviction of ${e.occurredOn}`,
          [...withAgency(e), ...(lost ? [eventNode(lost)] : [])],
          [...acted(e), ...(lost ? [{ source: eventNode(e), target: eventNode(lost), kind: 'NEXT' }] : [])],
          [e.agencyId],
        );
      }
      const kids = children(e.occurredOn);
      if (kids.length > 0 && !evictionThreatOver(e)) {
        emit(
          'EVICTION_WITHOUT_ALTERNATIVE_HOUSING',
          e.id,
          e.occurredOn,
          `${kids.length} child(ren) evicted on ${e.occurredOn}; destination ${e.destination ?? 'not recorded'}`,
          [...withAgency(e), ...kids.map((k) => `person:${k.personId}`)],
          [...acted(e), ...kids.map((k) => ({ source: `person:${k.personId}`, target: `household:${household.id}`, kind: 'MEMBER_OF' }))],
          [e.agencyId],
        );
      }
    }
    if (e.kind === 'EVICTION_PLANNED' || e.kind === 'EVICTION_EXECUTED') {
      const kids = children(e.occurredOn);
      // Seen: youth care had contact, or a home visit saw who lives there (G9: no home-visit check), before or since.
      const seen = events.some(
        (x) =>
          (x.kind === 'HOME_VISIT' || (x.agencyId !== null && ctx.agencyType(x.agencyId) === 'YOUTH_CARE')) && clock.hasCome(x.occurredOn),
      );
      const threatOver = evictionThreatOver(e);
      if (kids.length > 0 && !seen && !threatOver && !findings.some((f) => f.ruleId === 'CHILDREN_NOT_SEEN')) {
        emit(
          'CHILDREN_NOT_SEEN',
          e.id,
          e.occurredOn,
          `${kids.length} child(ren) facing eviction; no youth-care contact recorded`,
          [...withAgency(e), ...kids.map((k) => `person:${k.personId}`)],
          [...acted(e), ...kids.map((k) => ({ source: `person:${k.personId}`, target: `household:${household.id}`, kind: 'MEMBER_OF' }))],
          [e.agencyId],
        );
      }
      const before = events.find((x) => (x.kind === 'SHELTER_EXIT' || x.kind === 'REHOUSING') && x.occurredOn < e.occurredOn);
      if (before && !threatOver) {
        emit(
          'RE_ENTRY_LOOP',
          e.id,
          e.occurredOn,
          `New eviction on ${e.occurredOn} after ${before.kind.toLowerCase().replace('_', ' ')} on ${before.occurredOn}`,
          [eventNode(before), ...withAgency(e)],
          [...acted(e), { source: eventNode(before), target: eventNode(e), kind: 'NEXT' }],
          [before.agencyId, e.agencyId],
        );
      }
    }
    if (e.kind === 'REFUSAL' || e.kind === 'REFERRAL_REFUSED') {
      const days = setting('REFUSAL_WITHOUT_ALTERNATIVE').days ?? 7;
      const alternative =
        (e.destination && e.destination !== 'UNKNOWN' && ALTERNATIVE_DESTINATIONS.has(e.destination)) ||
        hasHappenedSince(
          e.occurredOn,
          (x) =>
            x.id !== e.id &&
            ALTERNATIVE_KINDS.has(x.kind) &&
            (x.facilityId === null || x.facilityId !== e.facilityId || x.kind === 'PLACEMENT'),
        );
      if (!alternative && overdue(e.occurredOn, days)) {
        // A shelter refusal is the REFUSED stage; a refused referral happens within the stage the household was in.
        const stage = e.kind === 'REFUSAL' ? 'REFUSED' : (stateAt(e.occurredOn) ?? 'TENANCY');
        emit(
          'REFUSAL_WITHOUT_ALTERNATIVE',
          e.id,
          missed(e.occurredOn, days),
          `Refused (${e.refusalReason ?? 'no reason'}) on ${e.occurredOn}; no alternative within ${days} days`,
          withAgency(e),
          acted(e),
          [e.agencyId],
          stage,
        );
      }
    }
    if (
      e.kind === 'WAITING_LIST_EXIT' &&
      (e.waitingListOutcome === 'LOST_CONTACT' || e.waitingListOutcome === 'UNKNOWN') &&
      // Whereabouts known again once anyone has contact with the family, or it applies, is placed or rehoused.
      !hasHappenedAfter(e, (x) => AFTER_EVICTION_KINDS.has(x.kind))
    ) {
      emit(
        'WAITING_LIST_NO_OUTCOME',
        e.id,
        e.occurredOn,
        `Left the waiting list of ${e.facilityId} on ${e.occurredOn}: ${e.waitingListOutcome.toLowerCase()}`,
        withAgency(e),
        acted(e),
        [e.agencyId],
      );
    }
    if (e.kind === 'WAITING_LIST_ENTRY') {
      const days = setting('WAITING_LIST_TOO_LONG').days ?? 90;
      const exited = events.some((x) => x.kind === 'WAITING_LIST_EXIT' && x.facilityId === e.facilityId && x.occurredOn >= e.occurredOn);
      if (!exited && overdue(e.occurredOn, days)) {
        emit(
          'WAITING_LIST_TOO_LONG',
          e.id,
          missed(e.occurredOn, days),
          `On the waiting list of ${e.facilityId} since ${e.occurredOn}, longer than ${days} days`,
          withAgency(e),
          acted(e),
          [e.agencyId],
        );
      }
    }
    if (e.kind === 'SHELTER_EXIT' && e.destination !== 'NEW_TENANCY') {
      const days = setting('SHELTER_EXIT_WITHOUT_HOUSING').days ?? 30;
      if (overdue(e.occurredOn, days) && !hasHappenedSince(e.occurredOn, (x) => x.kind === 'REHOUSING')) {
        emit(
          'SHELTER_EXIT_WITHOUT_HOUSING',
          e.id,
          missed(e.occurredOn, days),
          `Left shelter on ${e.occurredOn}; no rehousing within ${days} days`,
          withAgency(e),
          acted(e),
          [e.agencyId],
        );
      }
    }
    if (e.kind === 'PLACEMENT' && e.facilityId) {
      const operator = ctx.facilityOperator(e.facilityId);
      const handedOver = graph.regie.some((g) => g.agencyId === operator && g.from >= e.occurredOn);
      if (operator && !handedOver && clock.isPast(e.occurredOn)) {
        emit(
          'REGIE_MISSING',
          e.id,
          e.occurredOn,
          `Placed at ${e.facilityId} on ${e.occurredOn}; regie never passed to ${operator}`,
          withAgency(e),
          acted(e),
          [operator],
        );
      }
    }
  }

  // Refusals from the shelter's register (docs/domain.md §5.7): reported with no alternative and nothing recorded on the
  // path since. A refusal also recorded as an event, same facility and day, is judged once, as that event.
  for (const refusal of graph.shelterRefusals ?? []) {
    if (refusal.alternative !== 'NONE' || !refusal.refusedOn) continue;
    if (events.some((e) => e.kind === 'REFUSAL' && e.facilityId === refusal.facilityId && e.occurredOn === refusal.refusedOn)) continue;
    const days = setting('REFUSAL_WITHOUT_ALTERNATIVE').days ?? 7;
    const refusedOn = refusal.refusedOn;
    if (
      !overdue(refusedOn, days) ||
      hasHappenedSince(refusedOn, (x) => ALTERNATIVE_KINDS.has(x.kind) && (x.facilityId !== refusal.facilityId || x.kind === 'PLACEMENT'))
    )
      continue;
    const node = `shelter-record:${refusal.id}`;
    emit(
      'REFUSAL_WITHOUT_ALTERNATIVE',
      refusal.id,
      missed(refusedOn, days),
      `Refused by ${refusal.facilityId} (${refusal.reason ?? 'no reason'}) on ${refusedOn}, reported by the shelter without an alternative; nothing within ${days} days`,
      [node, `facility:${refusal.facilityId}`],
      [
        { source: node, target: `household:${household.id}`, kind: 'CONCERNS' },
        { source: `facility:${refusal.facilityId}`, target: node, kind: 'REPORTED' },
      ],
      [refusal.reportingAgencyId],
      'REFUSED',
    );
  }

  for (const referral of graph.referrals) {
    const sentEvent = events.find((x) => x.kind === 'REFERRAL_SENT' && x.referralId === referral.id);
    const nodes = [
      `referral:${referral.id}`,
      `agency:${referral.fromAgencyId}`,
      `agency:${referral.toAgencyId}`,
      ...(sentEvent ? [eventNode(sentEvent)] : []),
    ];
    const edges: EvidenceEdge[] = [
      { source: `referral:${referral.id}`, target: `agency:${referral.fromAgencyId}`, kind: 'SENT_BY' },
      { source: `referral:${referral.id}`, target: `agency:${referral.toAgencyId}`, kind: 'SENT_TO' },
      ...(sentEvent ? [{ source: eventNode(sentEvent), target: `referral:${referral.id}`, kind: 'CONCERNS' }] : []),
    ];
    const unanswered = setting('REFERRAL_UNANSWERED').days ?? 0;
    if (referral.status === 'SENT' && overdue(referral.respondBy, unanswered)) {
      emit(
        'REFERRAL_UNANSWERED',
        referral.id,
        missed(referral.respondBy, unanswered),
        `Sent ${referral.sentOn} to ${referral.toAgencyId}; no answer by ${referral.respondBy}`,
        nodes,
        edges,
        [referral.fromAgencyId, referral.toAgencyId],
      );
    }
    const intake = setting('REFERRAL_NO_INTAKE').days ?? 21;
    if (
      referral.status === 'ACCEPTED' &&
      referral.respondedOn &&
      overdue(referral.respondedOn, intake) &&
      !happened(referral.respondedOn, intake, (x) => x.agencyId === referral.toAgencyId && INTAKE_KINDS.has(x.kind))
    ) {
      emit(
        'REFERRAL_NO_INTAKE',
        referral.id,
        missed(referral.respondedOn, intake),
        `Accepted by ${referral.toAgencyId} on ${referral.respondedOn}; no intake within ${intake} days`,
        nodes,
        edges,
        [referral.toAgencyId],
      );
    }
  }

  for (const conflict of regieConflicts(graph.regie, clock.hasCome)) {
    const holders = conflict.assignments;
    emit(
      'REGIE_CONFLICT',
      conflict.stage,
      conflict.since,
      `${new Set(holders.map((g) => g.agencyId)).size} agencies hold regie at ${conflict.stage} from ${conflict.since}`,
      holders.flatMap((g) => [`regie:${g.id}`, `agency:${g.agencyId}`]),
      holders.map((g) => ({ source: `agency:${g.agencyId}`, target: `household:${household.id}`, kind: 'HOLDS_REGIE' })),
      holders.map((g) => g.agencyId),
      conflict.stage,
    );
  }
  const open = graph.regie.filter((g) => g.to === null);
  const window = setting('REGIE_MISSING').days ?? 90;
  // An event counts as recent until the window has passed over it.
  const recent = events.filter((e) => e.agencyId && !clock.isPast(addDays(e.occurredOn, window)));
  const involved = [...new Set(recent.map((e) => e.agencyId!))];
  const settled = (['AFTERCARE', 'TENANCY'] as (ChainState | null)[]).includes(stateAfterEvents((e) => clock.hasCome(e.occurredOn)));
  if (open.length === 0 && involved.length >= 2 && !settled) {
    emit(
      'REGIE_MISSING',
      'involved',
      recent.at(-1)!.occurredOn,
      `${involved.length} agencies involved in the last ${window} days; nobody holds regie`,
      [...involved.map((a) => `agency:${a}`), ...recent.map(eventNode)],
      recent.flatMap(acted),
      involved,
    );
  }
  return { findings, reviewOn: clock.reviewOn };
}

/**
 * Intervals in which two agencies hold regie over the household at once, grouped by the contested stage. An
 * assignment holds from its first day until the day it is handed over (that day belongs to the next holder), at
 * its own stage and at every later one until then: regie taken at EVICTED and never handed over still runs when
 * another agency takes regie at PLACED. The contested stage is the stage of the later claim (on the same day,
 * the later stage in the chain). hasCome lets the clock note a conflict that starts on a later day.
 */
export function regieConflicts(
  assignments: readonly RegieRecord[],
  hasCome: (day: string) => boolean,
): { stage: ChainState; since: string; assignments: RegieRecord[] }[] {
  const order = (stage: ChainState) => ChainStates.options.indexOf(stage);
  const claims = [...assignments].sort(
    (a, b) => a.from.localeCompare(b.from) || order(a.stage) - order(b.stage) || a.id.localeCompare(b.id),
  );
  const byStage = new Map<ChainState, { since: string; assignments: Map<string, RegieRecord> }>();
  claims.forEach((later, j) => {
    for (const earlier of claims.slice(0, j)) {
      if (earlier.agencyId === later.agencyId) continue;
      const start = later.from;
      const overlaps = (earlier.to === null || earlier.to > start) && (later.to === null || later.to > start);
      if (!overlaps || !hasCome(start)) continue;
      const entry = byStage.get(later.stage) ?? { since: start, assignments: new Map() };
      if (start < entry.since) entry.since = start;
      entry.assignments.set(earlier.id, earlier).set(later.id, later);
      byStage.set(later.stage, entry);
    }
  });
  return [...byStage].map(([stage, { since, assignments: held }]) => ({ stage, since, assignments: [...held.values()] }));
}
