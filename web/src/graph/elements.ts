// Pure conversion of API data to Cytoscape elements; unit-tested, and the same data feeds the table views.
import { daysBetween } from '../days';

export interface ElementDefinition {
  group: 'nodes' | 'edges';
  data: Record<string, string | number | boolean>;
  classes?: string;
  /** Fixed positions: time runs left to right, so the graph reads like the timeline beside it. */
  position?: { x: number; y: number };
}

const COLUMN = 150;

export interface TrajectoryGraph {
  nodes: { id: string; kind: string; label: string; date: string | null; superseded: boolean }[];
  edges: { id: string; source: string; target: string; kind: string; label: string | null }[];
}

/**
 * Trajectory graph; nodes and edges on a gap's evidence path carry the class "evidence". Events stand on a time
 * axis (corrected ones below it), agencies above, referrals and facilities below, refusals from a shelter's own
 * register at the bottom.
 */
export function trajectoryElements(
  graph: TrajectoryGraph,
  evidence: ReadonlySet<string> = new Set(),
  labelFor: (kind: string, label: string) => string = (_k, l) => l,
): ElementDefinition[] {
  const present = new Set(graph.nodes.map((n) => n.id));
  const events = graph.nodes.filter((n) => n.kind === 'EVENT').sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
  const eventColumn = new Map(events.map((n, i) => [n.id, i + 1]));
  const lanes: Record<string, number> = { AGENCY: 0, HOUSEHOLD: 220, EVENT: 220, REFERRAL: 440, FACILITY: 440, SHELTER_REFUSAL: 560 };
  const seen: Record<string, number> = {};
  const position = (n: TrajectoryGraph['nodes'][number]) => {
    if (n.kind === 'EVENT') return { x: eventColumn.get(n.id)! * COLUMN, y: n.superseded ? 330 : 220 };
    if (n.kind === 'HOUSEHOLD') return { x: 0, y: 220 };
    seen[n.kind] = (seen[n.kind] ?? 0) + 1;
    return { x: seen[n.kind]! * COLUMN * (n.kind === 'AGENCY' ? 1 : 1.5), y: lanes[n.kind] ?? 500 };
  };
  return [
    ...graph.nodes.map((n) => ({
      group: 'nodes' as const,
      data: { id: n.id, label: [labelFor(n.kind, n.label), n.date].filter(Boolean).join('\n'), kind: n.kind },
      classes: [n.kind.toLowerCase(), n.superseded ? 'superseded' : '', evidence.has(n.id) ? 'evidence' : ''].filter(Boolean).join(' '),
      position: position(n),
    })),
    ...graph.edges
      .filter((e) => present.has(e.source) && present.has(e.target))
      .map((e) => ({
        group: 'edges' as const,
        data: { id: e.id, source: e.source, target: e.target, kind: e.kind, label: e.label ?? '' },
        classes: [e.kind.toLowerCase(), evidence.has(e.source) && evidence.has(e.target) ? 'evidence' : ''].filter(Boolean).join(' '),
      })),
  ];
}

/** Words the swimlane needs in the reader's language; the builder itself stays free of i18n. */
export interface SwimlaneText {
  node: (kind: string, label: string) => string;
  /** A regie edge's label ("STAGE from–to") as a sentence. */
  regie: (label: string) => string;
  /** "2026-03" as "mrt 2026". */
  month: (yearMonth: string) => string;
  household: string;
  noAgency: string;
}

export const LANE_HEIGHT = 100;
/** Room for a label of 150 px between two steps; longer pauses add space up to MAX_STEP, so time reads as distance. */
const MIN_STEP = 170;
const MAX_STEP = 340;
const PX_PER_DAY = 6;
const LANE_LABEL_X = -40;
/** Edges into a lane's own header are what the lane already shows; they stay in the data (and its table), not on screen. */
const LANE_EDGE_KINDS = new Set(['ACTED_IN', 'SENT_BY', 'SENT_TO', 'AT_FACILITY', 'HOLDS_REGIE', 'REPORTED']);

/**
 * The trajectory as swimlanes: one lane per agency (or facility) the family touched, in the order it first did,
 * with time running left to right. Each event stands in the lane of the agency that acted; a referral stands in the
 * lane of the agency it was sent to, at the day it was sent. Lane headers carry the agency's name and its regie.
 * Nodes and edges on a gap's evidence path carry the class "evidence".
 */
export function swimlaneElements(
  graph: TrajectoryGraph,
  text: SwimlaneText,
  evidence: ReadonlySet<string> = new Set(),
): ElementDefinition[] {
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  const present = (id: string) => nodes.has(id);
  const edges = graph.edges.filter((e) => present(e.source) && present(e.target));
  const household = graph.nodes.find((n) => n.kind === 'HOUSEHOLD');
  const events = graph.nodes
    .filter((n) => n.kind === 'EVENT')
    .sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.id.localeCompare(b.id));

  // Which lane each event belongs to: the acting agency, else the facility, else the household's own lane.
  const actor = new Map<string, string>();
  for (const e of edges) if (e.kind === 'ACTED_IN') actor.set(e.target, e.source);
  for (const e of edges) if (e.kind === 'AT_FACILITY' && !actor.has(e.source)) actor.set(e.source, e.target);
  const householdLane = household?.id ?? 'lane:household';
  const laneOf = (eventId: string) => actor.get(eventId) ?? householdLane;

  // Lanes in the order the family first touched them; agencies known only from referrals or regie come after.
  const lanes: string[] = [householdLane];
  const addLane = (id: string) => {
    if (!lanes.includes(id)) lanes.push(id);
  };
  events.forEach((e) => addLane(laneOf(e.id)));
  for (const e of edges)
    if (e.kind === 'SENT_TO' || e.kind === 'SENT_BY' || e.kind === 'HOLDS_REGIE') addLane(e.kind === 'HOLDS_REGIE' ? e.source : e.target);
  graph.nodes
    .filter((n) => n.kind === 'SHELTER_REFUSAL')
    .forEach((n) => {
      const facility = edges.find((e) => e.kind === 'REPORTED' && e.target === n.id)?.source;
      if (facility) addLane(facility);
    });
  const laneY = (lane: string) => lanes.indexOf(lane) * LANE_HEIGHT;

  // The time axis: each event its own column; a pause between two steps widens the gap, within bounds.
  const columnX = new Map<string, number>();
  let x = 0;
  events.forEach((e, i) => {
    if (i > 0) x += Math.min(MAX_STEP, Math.max(MIN_STEP, PX_PER_DAY * daysBetween(events[i - 1]!.date ?? '', e.date ?? '')) || MIN_STEP);
    else x = MIN_STEP;
    columnX.set(e.id, x);
  });
  const width = x + MIN_STEP;
  /** The x of a day: at the first event on or after it (or the end), so that dated nodes line up with the events. */
  const dayX = (day: string | null) => {
    if (!day) return width;
    const at = events.find((e) => (e.date ?? '') >= day);
    return at ? columnX.get(at.id)! : width;
  };

  const regieOf = new Map<string, string[]>();
  for (const e of edges) if (e.kind === 'HOLDS_REGIE') regieOf.set(e.source, [...(regieOf.get(e.source) ?? []), text.regie(e.label ?? '')]);
  const laneName = (lane: string) => {
    if (lane === householdLane) return household ? `${text.household} ${text.node('HOUSEHOLD', household.label)}` : text.noAgency;
    const node = nodes.get(lane);
    return node ? text.node(node.kind, node.label) : lane;
  };

  const referralSent = new Map<string, string>();
  for (const e of edges) if (e.kind === 'CONCERNS' && nodes.get(e.target)?.kind === 'REFERRAL') referralSent.set(e.target, e.source);
  const referralTo = new Map<string, string>();
  for (const e of edges) if (e.kind === 'SENT_TO') referralTo.set(e.source, e.target);

  const position = (n: TrajectoryGraph['nodes'][number]): { x: number; y: number } => {
    if (n.id === householdLane || (n.kind !== 'EVENT' && lanes.includes(n.id))) return { x: LANE_LABEL_X, y: laneY(n.id) };
    if (n.kind === 'EVENT') return { x: columnX.get(n.id)!, y: laneY(laneOf(n.id)) + (n.superseded ? LANE_HEIGHT / 3 : 0) };
    if (n.kind === 'REFERRAL') {
      const sent = referralSent.get(n.id);
      return {
        x: (sent ? columnX.get(sent) : dayX(n.date))! + MIN_STEP / 2,
        y: laneY(referralTo.get(n.id) ?? householdLane) - LANE_HEIGHT / 4,
      };
    }
    if (n.kind === 'SHELTER_REFUSAL') {
      const facility = edges.find((e) => e.kind === 'REPORTED' && e.target === n.id)?.source;
      return { x: dayX(n.date) - MIN_STEP / 2, y: laneY(facility ?? householdLane) + LANE_HEIGHT / 4 };
    }
    return { x: width, y: laneY(householdLane) + LANE_HEIGHT / 3 };
  };

  const months = new Map<string, number>();
  for (const e of events) {
    const month = (e.date ?? '').slice(0, 7);
    if (month && !months.has(month)) months.set(month, columnX.get(e.id)!);
  }
  const laneCenter = (width + LANE_LABEL_X) / 2 - 60;

  return [
    ...lanes.map((lane, i) => ({
      group: 'nodes' as const,
      data: { id: `band:${i}`, label: '', kind: 'LANE_BAND', bandWidth: width - LANE_LABEL_X + 240, bandHeight: LANE_HEIGHT - 8 },
      classes: i % 2 === 0 ? 'lane-band' : 'lane-band lane-band-alt',
      position: { x: laneCenter, y: laneY(lane) },
    })),
    ...[...months].map(([month, at]) => ({
      group: 'nodes' as const,
      data: { id: `month:${month}`, label: text.month(month), kind: 'AXIS_TICK' },
      classes: 'axis-tick',
      position: { x: at, y: -LANE_HEIGHT * 0.62 },
    })),
    ...(household
      ? []
      : [
          {
            group: 'nodes' as const,
            data: { id: householdLane, label: laneName(householdLane), kind: 'LANE' },
            classes: 'lane-label',
            position: { x: LANE_LABEL_X, y: 0 },
          },
        ]),
    ...graph.nodes.map((n) => {
      const isLane = n.id === householdLane || (n.kind !== 'EVENT' && lanes.includes(n.id));
      const label = isLane
        ? [laneName(n.id), ...(regieOf.get(n.id) ?? [])].join('\n')
        : [text.node(n.kind, n.label), n.date].filter(Boolean).join('\n');
      return {
        group: 'nodes' as const,
        data: { id: n.id, label, kind: n.kind, ...(n.date ? { date: n.date } : {}) },
        classes: [
          n.kind.toLowerCase(),
          isLane ? 'lane-label' : '',
          regieOf.has(n.id) ? 'has-regie' : '',
          n.superseded ? 'superseded' : '',
          evidence.has(n.id) ? 'evidence' : '',
        ]
          .filter(Boolean)
          .join(' '),
        position: position(n),
      };
    }),
    ...edges.map((e) => ({
      group: 'edges' as const,
      data: {
        id: e.id,
        source: e.source,
        target: e.target,
        kind: e.kind,
        label: e.kind === 'HOLDS_REGIE' ? text.regie(e.label ?? '') : (e.label ?? ''),
      },
      classes: [
        e.kind.toLowerCase(),
        LANE_EDGE_KINDS.has(e.kind) ? 'to-lane' : '',
        evidence.has(e.source) && evidence.has(e.target) ? 'evidence' : '',
      ]
        .filter(Boolean)
        .join(' '),
    })),
  ];
}

/**
 * What the canvas draws: everything but edges into a lane's own header (class "to-lane"), unless they are evidence.
 * They stay in the data and its table; leaving them out halves the edges a long trajectory hands to the renderer.
 */
export function drawnElements(elements: ElementDefinition[]): ElementDefinition[] {
  return elements.filter((e) => !(e.classes ?? '').split(' ').includes('to-lane') || (e.classes ?? '').split(' ').includes('evidence'));
}

export interface ChainStage {
  order: number;
  nameNl: string;
  name: string;
  regieHolder: { id: string; name: string } | null;
  actors: { id: string; name: string }[];
}

/** Agencies of a chain map in rows, so that the map opens at a zoom where every name reads at 12 px or more. */
const AGENCIES_PER_ROW = 7;
const gridPosition = (i: number, top: number, rowHeight: number) => ({
  x: (i % AGENCIES_PER_ROW) * 170,
  y: top - Math.floor(i / AGENCIES_PER_ROW) * rowHeight,
});

/** A chain model: stages in order, the agencies acting at each, and who holds regie (bold); stages without regie are marked. */
export function chainModelElements(stages: ChainStage[]): ElementDefinition[] {
  const ordered = [...stages].sort((a, b) => a.order - b.order);
  const agencies = new Map<string, string>();
  for (const stage of ordered) {
    for (const actor of stage.actors) agencies.set(actor.id, actor.name);
    if (stage.regieHolder) agencies.set(stage.regieHolder.id, stage.regieHolder.name);
  }
  return [
    ...ordered.map((stage, i) => ({
      group: 'nodes' as const,
      data: { id: `stage:${stage.order}`, label: `${stage.order}. ${stage.nameNl}`, kind: 'STAGE' },
      classes: stage.regieHolder ? 'stage' : 'stage no-regie',
      position: { x: i * 170, y: 300 },
    })),
    ...[...agencies].map(([id, name], i) => ({
      group: 'nodes' as const,
      data: { id: `agency:${id}`, label: name, kind: 'AGENCY' },
      classes: 'agency',
      position: gridPosition(i, 150, 85),
    })),
    ...ordered.slice(1).map((stage, i) => ({
      group: 'edges' as const,
      data: {
        id: `next:${ordered[i]!.order}`,
        source: `stage:${ordered[i]!.order}`,
        target: `stage:${stage.order}`,
        kind: 'NEXT',
        label: '',
      },
      classes: 'next',
    })),
    ...ordered.flatMap((stage) => [
      ...stage.actors
        .filter((actor) => actor.id !== stage.regieHolder?.id)
        .map((actor) => ({
          group: 'edges' as const,
          data: {
            id: `acts:${actor.id}:${stage.order}`,
            source: `agency:${actor.id}`,
            target: `stage:${stage.order}`,
            kind: 'ACTS_AT',
            label: '',
          },
          classes: 'acts_at',
        })),
      ...(stage.regieHolder
        ? [
            {
              group: 'edges' as const,
              data: {
                id: `regie:${stage.regieHolder.id}:${stage.order}`,
                source: `agency:${stage.regieHolder.id}`,
                target: `stage:${stage.order}`,
                kind: 'HOLDS_REGIE',
                label: 'regie',
              },
              classes: 'holds_regie',
            },
          ]
        : []),
    ]),
  ];
}

export interface ReferralLink {
  from: { id: string; name: string };
  to: { id: string; name: string };
  sent: { value: number | null; suppressed: boolean };
  accepted: { value: number | null; suppressed: boolean };
  refused: { value: number | null; suppressed: boolean };
}

/** A refusal rate from this share up draws the link dashed and red: refusals without an alternative start here. */
export const OFTEN_REFUSED = 0.25;

/**
 * Referral links between agencies on top of a chain model: line width grows with the referrals sent, links refused
 * often are dashed. Agencies not yet in the graph get a node in a row of their own. Suppressed counts stay "< 5".
 */
export function referralLinkElements(
  links: ReferralLink[],
  existing: ElementDefinition[],
  describe: (sent: number | null, refusedPercent: number | null) => string,
): ElementDefinition[] {
  const known = new Set(existing.filter((e) => e.group === 'nodes').map((e) => String(e.data.id)));
  const added = new Map<string, string>();
  for (const link of links) {
    for (const agency of [link.from, link.to]) if (!known.has(`agency:${agency.id}`)) added.set(agency.id, agency.name);
  }
  const maxSent = Math.max(1, ...links.map((l) => l.sent.value ?? 0));
  // Added agencies start in the row above the chain model's own agencies.
  const existingAgencies = existing.filter((e) => e.group === 'nodes' && e.data.kind === 'AGENCY').length;
  return [
    ...[...added].map(([id, name], i) => ({
      group: 'nodes' as const,
      data: { id: `agency:${id}`, label: name, kind: 'AGENCY' },
      classes: 'agency',
      position: gridPosition(i, 150 - Math.ceil(existingAgencies / AGENCIES_PER_ROW) * 85, 85),
    })),
    ...links.map((link) => {
      const sent = link.sent.value;
      const answered = (link.accepted.value ?? 0) + (link.refused.value ?? 0);
      const rate = link.refused.value !== null && answered > 0 ? link.refused.value / answered : null;
      const label = describe(sent, rate === null ? null : Math.round(rate * 100));
      return {
        group: 'edges' as const,
        data: {
          id: `link:${link.from.id}:${link.to.id}`,
          source: `agency:${link.from.id}`,
          target: `agency:${link.to.id}`,
          kind: 'REFERRALS',
          label,
          width: 1 + Math.round((6 * (sent ?? 0)) / maxSent),
          toAgencyId: link.to.id,
        },
        classes: rate !== null && rate >= OFTEN_REFUSED ? 'referral_link often_refused' : 'referral_link',
      };
    }),
  ];
}
