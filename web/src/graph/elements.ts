// Pure conversion of API data to Cytoscape elements; unit-tested, and the same data feeds the table views.
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
export function trajectoryElements(graph: TrajectoryGraph, evidence: ReadonlySet<string> = new Set(), labelFor: (kind: string, label: string) => string = (_k, l) => l): ElementDefinition[] {
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

export interface ChainStage {
  order: number;
  nameNl: string;
  name: string;
  regieHolder: { id: string; name: string } | null;
  actors: { id: string; name: string }[];
}

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
      position: { x: i * COLUMN * 1.4, y: 300 },
    })),
    ...[...agencies].map(([id, name], i) => ({
      group: 'nodes' as const,
      data: { id: `agency:${id}`, label: name, kind: 'AGENCY' },
      classes: 'agency',
      position: { x: i * COLUMN - COLUMN / 2, y: i % 2 === 0 ? 40 : 120 },
    })),
    ...ordered.slice(1).map((stage, i) => ({
      group: 'edges' as const,
      data: { id: `next:${ordered[i]!.order}`, source: `stage:${ordered[i]!.order}`, target: `stage:${stage.order}`, kind: 'NEXT', label: '' },
      classes: 'next',
    })),
    ...ordered.flatMap((stage) => [
      ...stage.actors
        .filter((actor) => actor.id !== stage.regieHolder?.id)
        .map((actor) => ({
          group: 'edges' as const,
          data: { id: `acts:${actor.id}:${stage.order}`, source: `agency:${actor.id}`, target: `stage:${stage.order}`, kind: 'ACTS_AT', label: '' },
          classes: 'acts_at',
        })),
      ...(stage.regieHolder
        ? [{
            group: 'edges' as const,
            data: { id: `regie:${stage.regieHolder.id}:${stage.order}`, source: `agency:${stage.regieHolder.id}`, target: `stage:${stage.order}`, kind: 'HOLDS_REGIE', label: 'regie' },
            classes: 'holds_regie',
          }]
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
  return [
    ...[...added].map(([id, name], i) => ({
      group: 'nodes' as const,
      data: { id: `agency:${id}`, label: name, kind: 'AGENCY' },
      classes: 'agency',
      position: { x: i * COLUMN - COLUMN / 2, y: -80 },
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
