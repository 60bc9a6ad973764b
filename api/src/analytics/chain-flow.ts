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

export function chainFlow(
  households: { events: FlowEvent[]; referrals: FlowReferral[] }[],
  period: { from: string; to: string },
): ChainFlow {
  const inPeriod = (day: string) => day >= period.from && day <= period.to;
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

  households.forEach(({ events }, index) => {
    const sequence = stateSequence(events);
    let furthest = -1;
    sequence.forEach((step, i) => {
      const rank = order.get(step.state)!;
      const next = sequence[i + 1];
      if (inPeriod(step.on)) {
        const s = stat(step.state);
        s.entered.add(index);
        if (rank < furthest && !OUT_OF_SIGHT.has(step.state)) s.loopedBack.add(index);
        if (next) {
          s.movedOn.add(index);
          s.days.push(daysBetween(step.on, next.on));
          if (OUT_OF_SIGHT.has(next.state)) s.droppedOut.add(index);
          const key = `${step.state}>${next.state}`;
          transitions.set(key, (transitions.get(key) ?? new Set()).add(index));
        }
      }
      furthest = Math.max(furthest, rank);
    });
  });

  const links = new Map<string, { link: ReferralLink; responses: number[]; reasons: Map<string, number> }>();
  for (const { referrals } of households) {
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
  }

  return {
    stages: ChainState.options
      .filter((state) => stats.has(state))
      .map((state) => {
        const s = stats.get(state)!;
        return {
          state,
          entered: s.entered.size,
          movedOn: s.movedOn.size,
          droppedOut: s.droppedOut.size,
          loopedBack: s.loopedBack.size,
          medianDays: percentile(s.days, 50),
          p90Days: percentile(s.days, 90),
        };
      }),
    transitions: [...transitions]
      .map(([key, set]) => {
        const [from, to] = key.split('>') as [ChainState, ChainState];
        return { from, to, households: set.size };
      })
      .sort((a, b) => b.households - a.households),
    referralLinks: [...links.values()]
      .map(({ link, responses, reasons }) => ({
        ...link,
        refusedByReason: [...reasons].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count),
        medianResponseDays: percentile(responses, 50),
      }))
      .sort((a, b) => b.sent - a.sent),
  };
}
