// Flow through the chain for a set of households and a period: entries, moves, drop-outs, loops, time per stage, referral links.
import { ChainState, stateAfter, type EventRecord, type ReferralRecord, daysBetween, inOrderOfOccurrence } from '@ketenkaart/schema';

export interface StageFlow {
  state: ChainState;
  entered: number;
  movedOn: number;
  droppedOut: number;
  loopedBack: number;
  medianDays: number | null;
  p90Days: number | null;
}

export interface Transition {
  from: ChainState;
  to: ChainState;
  households: number;
}

export interface ReferralLink {
  fromAgencyId: string;
  toAgencyId: string;
  sent: number;
  accepted: number;
  refused: number;
  refusedByReason: { reason: string; count: number }[];
  expired: number;
  withdrawn: number;
  open: number;
  medianResponseDays: number | null;
}

export interface ChainFlow {
  stages: StageFlow[];
  transitions: Transition[];
  referralLinks: ReferralLink[];
}

const order = new Map(ChainState.options.map((state, index) => [state, index]));
const OUT_OF_SIGHT = new Set<ChainState>(['LOST_FROM_VIEW', 'DROPPED_OUT']);

/** Nearest-rank percentile of whole days; null for no values. */
export function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** The states a household passed through, each with the day it entered, from its effective events. */
export function stateSequence(events: FlowEvent[]): { state: ChainState; on: string }[] {
  const sequence: { state: ChainState; on: string }[] = [];
  const effective = events.filter((e) => (e.supersededById ?? null) === null).sort(inOrderOfOccurrence);
  for (const event of effective) {
    const state = stateAfter(event.kind, { verdictKind: event.verdictKind });
    if (state && sequence.at(-1)?.state !== state) sequence.push({ state, on: event.occurredOn });
  }
  return sequence;
}

/** What the flow needs of an event: its order, the state it leads to, and whether a correction replaced it. */
export type FlowEvent = Pick<EventRecord, 'id' | 'kind' | 'verdictKind' | 'occurredOn' | 'recordedAt'> & { supersededById?: string | null };
/** What the flow needs of a referral: its link, outcome and days. */
export type FlowReferral = Pick<ReferralRecord, 'fromAgencyId' | 'toAgencyId' | 'status' | 'sentOn' | 'respondedOn' | 'refusalReason'>;

/**
 * A household's path through the chain as the flow counts it: the states it passed through in order, the day it
 * entered each, whether it came back to an earlier stage there (a loop; losing sight is no loop), and the whole days
 * until the next state (one fewer than states). Derived from its effective events only, so it changes only when they
 * do: it is stored on the household when its events are written, and a region's flow aggregates the stored paths.
 */
export interface StagePath {
  states: ChainState[];
  enteredOn: string[];
  loopedBack: boolean[];
  days: number[];
}

export function stagePath(events: FlowEvent[]): StagePath {
  const sequence = stateSequence(events);
  let furthest = -1;
  const loopedBack = sequence.map((step) => {
    const rank = order.get(step.state)!;
    const looped = rank < furthest && !OUT_OF_SIGHT.has(step.state);
    furthest = Math.max(furthest, rank);
    return looped;
  });
  return {
    states: sequence.map((step) => step.state),
    enteredOn: sequence.map((step) => step.on),
    loopedBack,
    days: sequence.slice(1).map((step, i) => daysBetween(sequence[i]!.on, step.on)),
  };
}

/** The households that entered a stage in the period, and what became of them; `days` holds one value per move on. */
export interface StageTotals {
  state: ChainState;
  entered: number;
  movedOn: number;
  droppedOut: number;
  loopedBack: number;
  days: number[];
}

/** Stage totals and transitions of households' stage paths in a period (each household counted once per cell). */
export function stagePathTotals(
  paths: StagePath[],
  period: { from: string; to: string },
): { stages: StageTotals[]; transitions: Transition[] } {
  const stats = new Map<
    ChainState,
    { entered: Set<number>; movedOn: Set<number>; droppedOut: Set<number>; loopedBack: Set<number>; days: number[] }
  >();
  const stat = (state: ChainState) => {
    let entry = stats.get(state);
    if (!entry)
      stats.set(state, (entry = { entered: new Set(), movedOn: new Set(), droppedOut: new Set(), loopedBack: new Set(), days: [] }));
    return entry;
  };
  const transitions = new Map<string, Set<number>>();
  paths.forEach((path, index) => {
    path.states.forEach((state, i) => {
      const on = path.enteredOn[i]!;
      if (on < period.from || on > period.to) return;
      const s = stat(state);
      s.entered.add(index);
      if (path.loopedBack[i]) s.loopedBack.add(index);
      const next = path.states[i + 1];
      if (next) {
        s.movedOn.add(index);
        s.days.push(path.days[i]!);
        if (OUT_OF_SIGHT.has(next)) s.droppedOut.add(index);
        const key = `${state}>${next}`;
        transitions.set(key, (transitions.get(key) ?? new Set()).add(index));
      }
    });
  });
  return {
    stages: [...stats].map(([state, s]) => ({
      state,
      entered: s.entered.size,
      movedOn: s.movedOn.size,
      droppedOut: s.droppedOut.size,
      loopedBack: s.loopedBack.size,
      days: s.days,
    })),
    transitions: [...transitions].map(([key, set]) => {
      const [from, to] = key.split('>') as [ChainState, ChainState];
      return { from, to, households: set.size };
    }),
  };
}

/**
 * Adds totals over disjoint sets of households (the stored paths aggregated in the store, and the households
 * whose path is not stored yet): a household is in one of them, so its distinct counts add up.
 */
export function addStageTotals(...parts: { stages: StageTotals[]; transitions: Transition[] }[]): {
  stages: StageTotals[];
  transitions: Transition[];
} {
  const stages = new Map<ChainState, StageTotals>();
  const transitions = new Map<string, Transition>();
  for (const part of parts) {
    for (const s of part.stages) {
      const sum = stages.get(s.state);
      if (!sum) stages.set(s.state, { ...s, days: [...s.days] });
      else {
        sum.entered += s.entered;
        sum.movedOn += s.movedOn;
        sum.droppedOut += s.droppedOut;
        sum.loopedBack += s.loopedBack;
        sum.days.push(...s.days);
      }
    }
    for (const t of part.transitions) {
      const key = `${t.from}>${t.to}`;
      const sum = transitions.get(key);
      if (!sum) transitions.set(key, { ...t });
      else sum.households += t.households;
    }
  }
  return { stages: [...stages.values()], transitions: [...transitions.values()] };
}

export function chainFlow(
  households: { events: FlowEvent[]; referrals: FlowReferral[] }[],
  period: { from: string; to: string },
): ChainFlow {
  return chainFlowOf(
    stagePathTotals(
      households.map(({ events }) => stagePath(events)),
      period,
    ),
    households.flatMap(({ referrals }) => referrals),
    period,
  );
}

/** The flow from stage totals and the period's referrals: stages in chain order, percentiles of the days. */
export function chainFlowOf(
  totals: { stages: StageTotals[]; transitions: Transition[] },
  referrals: FlowReferral[],
  period: { from: string; to: string },
): ChainFlow {
  const inPeriod = (day: string) => day >= period.from && day <= period.to;
  const links = new Map<string, { link: ReferralLink; responses: number[]; reasons: Map<string, number> }>();
  for (const r of referrals) {
    if (!inPeriod(r.sentOn)) continue;
    const key = `${r.fromAgencyId}>${r.toAgencyId}`;
    let entry = links.get(key);
    if (!entry) {
      entry = {
        link: {
          fromAgencyId: r.fromAgencyId,
          toAgencyId: r.toAgencyId,
          sent: 0,
          accepted: 0,
          refused: 0,
          refusedByReason: [],
          expired: 0,
          withdrawn: 0,
          open: 0,
          medianResponseDays: null,
        },
        responses: [],
        reasons: new Map(),
      };
      links.set(key, entry);
    }
    entry.link.sent += 1;
    if (r.status === 'ACCEPTED' || r.status === 'COMPLETED') entry.link.accepted += 1;
    if (r.status === 'REFUSED') {
      entry.link.refused += 1;
      entry.reasons.set(r.refusalReason ?? 'OTHER', (entry.reasons.get(r.refusalReason ?? 'OTHER') ?? 0) + 1);
    }
    if (r.status === 'EXPIRED') entry.link.expired += 1;
    if (r.status === 'WITHDRAWN') entry.link.withdrawn += 1;
    if (r.status === 'SENT') entry.link.open += 1;
    if (r.respondedOn) entry.responses.push(daysBetween(r.sentOn, r.respondedOn));
  }

  const stages = new Map(totals.stages.map((s) => [s.state, s]));
  return {
    stages: ChainState.options
      .filter((state) => stages.has(state))
      .map((state) => {
        const { days, ...s } = stages.get(state)!;
        return { ...s, medianDays: percentile(days, 50), p90Days: percentile(days, 90) };
      }),
    // Ties in chain order: the same flow reads the same however its households were read.
    transitions: [...totals.transitions].sort(
      (a, b) => b.households - a.households || order.get(a.from)! - order.get(b.from)! || order.get(a.to)! - order.get(b.to)!,
    ),
    referralLinks: [...links.values()]
      .map(({ link, responses, reasons }) => ({
        ...link,
        refusedByReason: [...reasons]
          .map(([reason, count]) => ({ reason, count }))
          .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
        medianResponseDays: percentile(responses, 50),
      }))
      .sort((a, b) => b.sent - a.sent || a.fromAgencyId.localeCompare(b.fromAgencyId) || a.toAgencyId.localeCompare(b.toAgencyId)),
  };
}
