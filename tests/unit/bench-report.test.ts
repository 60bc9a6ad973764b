// RESULTS.md as the bench writes it: missed targets with by how much and why; the extrapolation only below the national year.
import { describe, expect, it } from 'vitest';
import { resultsMarkdown, type BenchRun } from '../bench/report.js';

const run = (households: number, figures: BenchRun['figures']): BenchRun => ({
  date: '2026-11-24T12:00:00.000Z',
  store: 'grafeo (embedded, on disk)',
  scale: { families: households, regions: 43, profile: 'national', households, events: households * 6, signals: households },
  machine: { cpus: 2, cpuModel: 'test', memoryGiB: 24, node: 'v20' },
  figures,
});

describe('the bench report', () => {
  it('lists each missed target with how far it was missed and the recorded reason, and no others', () => {
    const markdown = resultsMarkdown(
      run(700_000, [
        { name: 'bulk load', value: 5000, unit: 'events/s' },
        { name: 'peak RSS after load', value: 12288, unit: 'MiB', target: '< 6144 MiB for the national year', met: false },
        { name: 'trajectory via GraphQL p95', value: 8, unit: 'ms', target: '< 50 ms', met: true },
        { name: 'a figure nobody explained', value: 3, unit: 's', target: '< 1 s', met: false },
      ]),
    );
    const missed = markdown.slice(markdown.indexOf('## Missed targets'));
    expect(missed).toContain(
      '**peak RSS after load**: 12288 MiB against < 6144 MiB for the national year (2 times the target). The highest is one of the segments',
    );
    expect(missed).toContain('**a figure nobody explained**: 3 s against < 1 s (3 times the target). No reason recorded yet.');
    expect(missed).not.toContain('trajectory via GraphQL');
    expect(markdown).not.toContain('extrapolated');
  });

  it('judges a figure measured in blocks or rounds by its worst one, whichever way its bar points', () => {
    const markdown = resultsMarkdown(
      run(700_000, [
        {
          name: 'GraphQL over the same repository calls (median ratio)',
          value: 1.3,
          unit: 'x',
          target: '<= 1.3x in each of three blocks',
          met: false,
          parts: { kind: 'blocks', values: [1.3, 1.43, 1.29] },
        },
        {
          name: 'reference query, Ketenkaart over the bare floor (median ratio)',
          value: 0.7,
          unit: 'x',
          target: '>= 0.6x in each of 3 rounds',
          met: false,
          parts: { kind: 'rounds', values: [0.7, 0.54, 0.8] },
        },
      ]),
    );
    expect(markdown).toContain('1.3 x against <= 1.3x in each of three blocks (worst of the blocks 1.43: 1.1 times the target)');
    expect(markdown).toContain('0.7 x against >= 0.6x in each of 3 rounds (worst of the rounds 0.54: 0.9 times the target)');
  });

  it('extrapolates to the national year from a smaller run, and says it is not a measurement', () => {
    const markdown = resultsMarkdown(
      run(100_000, [
        { name: 'bulk load', value: 5000, unit: 'events/s' },
        { name: 'bulk load time', value: 2, unit: 'min', target: '< 10 min for the national year', met: null },
        { name: 'peak RSS after load', value: 2048, unit: 'MiB', target: '< 6144 MiB for the national year', met: null },
      ]),
    );
    expect(markdown).not.toContain('## Missed targets');
    expect(markdown).toContain('## The national year, extrapolated (not measured)');
    expect(markdown).toContain('- Load of 4,000,000 events at 5000 events/s: about 13 minutes (target 10).');
    expect(markdown).toContain('linear to 700,000: about 14 GiB');
  });
});
