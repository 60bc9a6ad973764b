// toElements: the pure conversion behind every graph view and its table alternative.
import { describe, expect, it } from 'vitest';
import { chainModelElements, referralLinkElements, trajectoryElements } from './elements';

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
    expect(elements.find((e) => e.data.id === 'event:e0')!.position!.y).toBeGreaterThan(elements.find((e) => e.data.id === 'event:e1')!.position!.y);
    expect(elements.some((e) => e.data.id === 'dangling')).toBe(false);
  });

  it('marks the evidence path of a gap, nodes and the edges between them', () => {
    const elements = trajectoryElements(graph, new Set(['event:e1', 'agency:a']), (kind, label) => (kind === 'EVENT' ? `[${label}]` : label));
    expect(elements.find((e) => e.data.id === 'event:e1')!.classes).toContain('evidence');
    expect(elements.find((e) => e.data.id === 'a1')!.classes).toContain('evidence');
    expect(elements.find((e) => e.data.id === 'n2')!.classes).not.toContain('evidence');
    expect(elements.find((e) => e.data.id === 'event:e1')!.data.label).toBe('[EARLY_WARNING_SIGNAL]\n2024-02-01');
  });
});

describe('chainModelElements', () => {
  it('links stages in order, marks stages without regie and draws regie apart from acting', () => {
    const elements = chainModelElements([
      { order: 2, name: 'Guiding', nameNl: 'toeleiden', regieHolder: { id: 'ggd', name: 'GGD' }, actors: [{ id: 'ggd', name: 'GGD' }, { id: 'police', name: 'Politie' }] },
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
  const link = (from: string, to: string, sent: number | null, accepted: number | null, refused: number | null) =>
    ({ from: { id: from, name: from.toUpperCase() }, to: { id: to, name: to.toUpperCase() }, sent: cell(sent), accepted: cell(accepted), refused: cell(refused) });
  const describe_ = (sent: number | null, refused: number | null) => `${sent ?? '<5'}|${refused ?? '-'}`;

  it('weights links by volume, marks often refused ones, and adds only missing agencies', () => {
    const existing = [{ group: 'nodes' as const, data: { id: 'agency:a' } }];
    const elements = referralLinkElements([link('a', 'b', 30, 10, 20), link('b', 'c', 10, 9, 1), link('a', 'c', null, null, null)], existing, describe_);
    expect(elements.filter((e) => e.group === 'nodes').map((e) => e.data.id)).toEqual(['agency:b', 'agency:c']);
    const edge = (id: string) => elements.find((e) => e.data.id === id)!;
    expect(edge('link:a:b')).toMatchObject({ classes: 'referral_link often_refused', data: { width: 7, label: '30|67', toAgencyId: 'b' } });
    expect(edge('link:b:c')).toMatchObject({ classes: 'referral_link', data: { width: 3, label: '10|10' } });
    expect(edge('link:a:c')).toMatchObject({ classes: 'referral_link', data: { width: 1, label: '<5|-' } });
  });
});
