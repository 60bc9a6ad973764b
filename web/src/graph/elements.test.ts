// toElements: the pure conversion behind every graph view and its table alternative.
import { describe, expect, it } from 'vitest';
import { chainModelElements, drawnElements, LANE_HEIGHT, referralLinkElements, swimlaneElements, trajectoryElements } from './elements';

describe('trajectoryElements', () => {
  const graph = {
    nodes: [
      { id: 'household:h1', kind: 'HOUSEHOLD', label: 'h1', date: null, superseded: false },
      { id: 'event:e2', kind: 'EVENT', label: 'SUMMONS', date: '2024-05-01', superseded: false },
      { id: 'event:e1', kind: 'EVENT', label: 'EARLY_WARNING_SIGNAL', date: '2024-02-01', superseded: false },
      { id: 'event:e0', kind: 'EVENT', label: 'SUMMONS', date: '2024-04-01', superseded: true },
      { id: 'agency:a', kind: 'AGENCY', label: 'Corporatie', date: null, superseded: false },
    ],
    edges: [
      { id: 'n1', source: 'household:h1', target: 'event:e1', kind: 'NEXT', label: null },
      { id: 'n2', source: 'event:e1', target: 'event:e2', kind: 'NEXT', label: null },
      { id: 'a1', source: 'agency:a', target: 'event:e1', kind: 'ACTED_IN', label: null },
      { id: 'dangling', source: 'event:e1', target: 'referral:gone', kind: 'CONCERNS', label: null },
    ],
  };

  it('puts events on a time axis, corrected ones below it, and drops edges to missing nodes', () => {
    const elements = trajectoryElements(graph);
    const x = (id: string) => elements.find((e) => e.data.id === id)!.position!.x;
    expect(x('event:e1')).toBeLessThan(x('event:e0'));
    expect(x('event:e0')).toBeLessThan(x('event:e2'));
    expect(elements.find((e) => e.data.id === 'event:e0')!.classes).toContain('superseded');
    expect(elements.find((e) => e.data.id === 'event:e0')!.position!.y).toBeGreaterThan(
      elements.find((e) => e.data.id === 'event:e1')!.position!.y,
    );
    expect(elements.some((e) => e.data.id === 'dangling')).toBe(false);
  });

  it('marks the evidence path of a gap, nodes and the edges between them', () => {
    const elements = trajectoryElements(graph, new Set(['event:e1', 'agency:a']), (kind, label) =>
      kind === 'EVENT' ? `[${label}]` : label,
    );
    expect(elements.find((e) => e.data.id === 'event:e1')!.classes).toContain('evidence');
    expect(elements.find((e) => e.data.id === 'a1')!.classes).toContain('evidence');
    expect(elements.find((e) => e.data.id === 'n2')!.classes).not.toContain('evidence');
    expect(elements.find((e) => e.data.id === 'event:e1')!.data.label).toBe('[EARLY_WARNING_SIGNAL]\n2024-02-01');
  });
});

describe('swimlaneElements', () => {
  const graph = {
    nodes: [
      { id: 'household:h1', kind: 'HOUSEHOLD', label: 'GZN-1', date: null, superseded: false },
      { id: 'event:signal', kind: 'EVENT', label: 'EARLY_WARNING_SIGNAL', date: '2026-01-05', superseded: false },
      { id: 'event:visit', kind: 'EVENT', label: 'HOME_VISIT', date: '2026-01-06', superseded: false },
      { id: 'event:sent', kind: 'EVENT', label: 'REFERRAL_SENT', date: '2026-03-20', superseded: false },
      { id: 'event:old', kind: 'EVENT', label: 'HOME_VISIT', date: '2026-01-07', superseded: true },
      { id: 'event:note', kind: 'EVENT', label: 'CONTACT', date: '2026-03-21', superseded: false },
      { id: 'agency:corp', kind: 'AGENCY', label: 'Corporatie', date: null, superseded: false },
      { id: 'agency:md', kind: 'AGENCY', label: 'Maatschappelijke dienst', date: null, superseded: false },
      { id: 'agency:som', kind: 'AGENCY', label: 'Schuldhulp', date: null, superseded: false },
      { id: 'referral:r1', kind: 'REFERRAL', label: 'SENT', date: '2026-03-20', superseded: false },
    ],
    edges: [
      { id: 'n0', source: 'household:h1', target: 'event:signal', kind: 'NEXT', label: null },
      { id: 'n1', source: 'event:signal', target: 'event:visit', kind: 'NEXT', label: null },
      { id: 'n2', source: 'event:visit', target: 'event:sent', kind: 'NEXT', label: null },
      { id: 'a1', source: 'agency:corp', target: 'event:signal', kind: 'ACTED_IN', label: null },
      { id: 'a2', source: 'agency:md', target: 'event:visit', kind: 'ACTED_IN', label: null },
      { id: 'a3', source: 'agency:md', target: 'event:sent', kind: 'ACTED_IN', label: null },
      { id: 'a4', source: 'agency:md', target: 'event:old', kind: 'ACTED_IN', label: null },
      { id: 'c1', source: 'event:sent', target: 'referral:r1', kind: 'CONCERNS', label: null },
      { id: 's1', source: 'referral:r1', target: 'agency:md', kind: 'SENT_BY', label: null },
      { id: 's2', source: 'referral:r1', target: 'agency:som', kind: 'SENT_TO', label: null },
      { id: 'r1', source: 'agency:md', target: 'household:h1', kind: 'HOLDS_REGIE', label: 'PREVENTION_TRAJECTORY 2026-01-06–' },
      { id: 'gone', source: 'event:visit', target: 'event:missing', kind: 'FOLLOWS_FROM', label: null },
    ],
  };
  const text = {
    node: (kind: string, label: string) => (kind === 'EVENT' ? `[${label}]` : label),
    regie: (label: string) => `regie ${label.split(' ')[0]}`,
    month: (month: string) => `m${month}`,
    household: 'Huishouden',
    noAgency: 'geen instantie',
  };
  const elements = swimlaneElements(graph, text, new Set(['event:signal', 'agency:corp']));
  const node = (id: string) => elements.find((e) => e.data.id === id)!;
  const y = (id: string) => node(id).position!.y;
  const x = (id: string) => node(id).position!.x;

  it('gives every agency the family touched a lane, in the order it first acted, the household lane on top', () => {
    expect(y('household:h1')).toBe(0);
    expect(y('agency:corp')).toBe(LANE_HEIGHT);
    expect(y('agency:md')).toBe(2 * LANE_HEIGHT);
    expect(y('agency:som')).toBe(3 * LANE_HEIGHT);
    expect(elements.filter((e) => e.data.kind === 'LANE_BAND')).toHaveLength(4);
    expect(x('agency:corp')).toBeLessThan(x('event:signal'));
  });

  it("puts each event in its agency's lane on a time axis where a longer pause is a longer distance", () => {
    expect(y('event:signal')).toBe(y('agency:corp'));
    expect(y('event:visit')).toBe(y('agency:md'));
    expect(x('event:signal')).toBeLessThan(x('event:visit'));
    const dayStep = x('event:old') - x('event:visit');
    expect(dayStep).toBeGreaterThanOrEqual(150);
    expect(x('event:sent') - x('event:old')).toBeGreaterThan(dayStep);
    expect(y('event:old')).toBeGreaterThan(y('event:visit'));
    expect(node('event:old').classes).toContain('superseded');
  });

  it('places a referral in the lane it was sent to, beside the step that sent it', () => {
    expect(y('referral:r1')).toBeGreaterThan(2 * LANE_HEIGHT);
    expect(y('referral:r1')).toBeLessThan(3 * LANE_HEIGHT + 1);
    expect(x('referral:r1')).toBeGreaterThan(x('event:sent'));
    expect(x('referral:r1')).toBeLessThan(x('event:note'));
  });

  it("labels in the reader's words, with regie on the lane and months on the axis, and never a raw code", () => {
    expect(node('event:signal').data.label).toBe('[EARLY_WARNING_SIGNAL]\n2026-01-05');
    expect(node('agency:md').data.label).toBe('Maatschappelijke dienst\nregie PREVENTION_TRAJECTORY');
    expect(node('household:h1').data.label).toBe('Huishouden GZN-1');
    expect(elements.filter((e) => e.data.kind === 'AXIS_TICK').map((e) => e.data.label)).toEqual(['m2026-01', 'm2026-03']);
    expect(node('r1').data.label).toBe('regie PREVENTION_TRAJECTORY');
  });

  it('keeps edges into a lane header as data but off screen, drops dangling ones, and marks the evidence', () => {
    expect(node('a1').classes).toContain('to-lane');
    expect(node('n1').classes).not.toContain('to-lane');
    expect(elements.some((e) => e.data.id === 'gone')).toBe(false);
    expect(node('event:signal').classes).toContain('evidence');
    expect(node('a1').classes).toContain('evidence');
    expect(node('event:visit').classes).not.toContain('evidence');
    const drawn = drawnElements(elements).map((e) => e.data.id);
    expect(drawn).toContain('a1');
    expect(drawn).not.toContain('a2');
    expect(drawn).toContain('n1');
  });
});

describe('chainModelElements', () => {
  it('links stages in order, marks stages without regie and draws regie apart from acting', () => {
    const elements = chainModelElements([
      {
        order: 2,
        name: 'Guiding',
        nameNl: 'toeleiden',
        regieHolder: { id: 'ggd', name: 'GGD' },
        actors: [
          { id: 'ggd', name: 'GGD' },
          { id: 'police', name: 'Politie' },
        ],
      },
      { order: 1, name: 'Signalling', nameNl: 'signaleren', regieHolder: null, actors: [{ id: 'police', name: 'Politie' }] },
    ]);
    expect(elements.find((e) => e.data.id === 'next:1')!.data).toMatchObject({ source: 'stage:1', target: 'stage:2' });
    expect(elements.find((e) => e.data.id === 'stage:1')!.classes).toContain('no-regie');
    expect(elements.find((e) => e.data.id === 'stage:2')!.classes).not.toContain('no-regie');
    expect(elements.filter((e) => e.data.kind === 'HOLDS_REGIE').map((e) => e.data.id)).toEqual(['regie:ggd:2']);
    expect(elements.some((e) => e.data.id === 'acts:ggd:2')).toBe(false);
    expect(elements.filter((e) => e.data.kind === 'AGENCY')).toHaveLength(2);
  });
});

describe('referralLinkElements', () => {
  const cell = (value: number | null) => ({ value, suppressed: value === null });
  const link = (from: string, to: string, sent: number | null, accepted: number | null, refused: number | null) => ({
    from: { id: from, name: from.toUpperCase() },
    to: { id: to, name: to.toUpperCase() },
    sent: cell(sent),
    accepted: cell(accepted),
    refused: cell(refused),
  });
  const describe_ = (sent: number | null, refused: number | null) => `${sent ?? '<5'}|${refused ?? '-'}`;

  it('weights links by volume, marks often refused ones, and adds only missing agencies', () => {
    const existing = [{ group: 'nodes' as const, data: { id: 'agency:a' } }];
    const elements = referralLinkElements(
      [link('a', 'b', 30, 10, 20), link('b', 'c', 10, 9, 1), link('a', 'c', null, null, null)],
      existing,
      describe_,
    );
    expect(elements.filter((e) => e.group === 'nodes').map((e) => e.data.id)).toEqual(['agency:b', 'agency:c']);
    const edge = (id: string) => elements.find((e) => e.data.id === id)!;
    expect(edge('link:a:b')).toMatchObject({ classes: 'referral_link often_refused', data: { width: 7, label: '30|67', toAgencyId: 'b' } });
    expect(edge('link:b:c')).toMatchObject({ classes: 'referral_link', data: { width: 3, label: '10|10' } });
    expect(edge('link:a:c')).toMatchObject({ classes: 'referral_link', data: { width: 1, label: '<5|-' } });
  });
});
