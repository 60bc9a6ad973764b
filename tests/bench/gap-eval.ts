// Full gap evaluation alone, for profiling and for before/after ratios (issue #21): loads BENCH_FAMILIES synthetic
// households (default 20,000) into an embedded store on disk, then times evaluateCity over every region: the first
// pass (every finding written) and a second with nothing changed. BENCH_CPU_PROFILE shows where the time goes;
// BENCH_READ_FLOOR what the reads alone cost, one page at a time and side by side.
// Not part of npm test and records nothing: it prints its figures.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import { createGapService, createRepositories } from '@ketenkaart/api';
import { metricsRegistry } from '../../api/src/metrics.js';
import { loadSyntheticFamilies, seedReferenceData, syntheticProfile } from '@ketenkaart/seed';
import { openTestStore, testConfig } from '../support/store.js';

const FAMILIES = Number(process.env.BENCH_FAMILIES ?? 20_000);
const REGIONS = Number(process.env.BENCH_REGIONS ?? 43);
const PAGE_SIZE = process.env.BENCH_PAGE_SIZE ? Number(process.env.BENCH_PAGE_SIZE) : undefined;
const AS_OF = '2026-06-30';
const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;
/** CPU milliseconds a household since `since` (this process, the engine's threads included): on 2 cores a pass
 * cannot take less wall time than half of it. */
const cpuMsPerHousehold = (since: NodeJS.CpuUsage, households: number) => {
  const used = process.cpuUsage(since);
  return ((used.user + used.system) / 1000 / households).toFixed(3);
};

async function main() {
  const config = testConfig();
  // BENCH_STORE_DIR: a store an earlier run left (its path is printed), evaluated again without loading: another
  // version of the code then finds nothing changed if it finds what that run found.
  const reused = process.env.BENCH_STORE_DIR;
  const dataDir = reused ?? mkdtempSync(join(tmpdir(), 'ketenkaart-gap-eval-'));
  const executor = await openTestStore({ ...config, store: { kind: 'grafeo', dataDir } });
  const repos = createRepositories(executor);
  let start = process.hrtime.bigint();
  if (!reused) {
    await seedReferenceData(executor);
    const loaded = await loadSyntheticFamilies(executor, {
      families: FAMILIES,
      regions: REGIONS,
      seed: 2024,
      asOf: AS_OF,
      profile: syntheticProfile('national'),
    });
    console.log(`loaded ${loaded.households} households, ${loaded.events} events in ${seconds(start).toFixed(1)} s into ${dataDir}`);
    // BENCH_LOAD_ONLY: a store never evaluated, to copy and give each version of the code the same first pass.
    if (process.env.BENCH_LOAD_ONLY) return executor.close();
  }
  const gaps = createGapService(repos, () => new Date(`${AS_OF}T12:00:00Z`));
  const cityIds = (await repos.reference.listCentrumgemeenten()).map((c) => c.id);
  // BENCH_CPU_PROFILE=file: a CPU profile of the evaluation alone (not the load), for chrome://inspect or speedscope.
  const profile = process.env.BENCH_CPU_PROFILE ? new Session() : null;
  if (profile) {
    profile.connect();
    await profile.post('Profiler.enable');
    await profile.post('Profiler.start');
  }
  // BENCH_PASSES: how many passes (default 2: the first, then one with nothing changed; 0 with BENCH_READ_FLOOR).
  const passes = ['first pass (or again)', 'nothing changed'].slice(0, Number(process.env.BENCH_PASSES ?? 2));
  for (const pass of passes) {
    metricsRegistry.resetMetrics();
    start = process.hrtime.bigint();
    const cpuBefore = process.cpuUsage();
    const total = { households: 0, findings: 0, changedHouseholds: 0 };
    for (const cityId of cityIds) {
      const city = await gaps.evaluateCity(cityId, PAGE_SIZE ? { pageSize: PAGE_SIZE } : {});
      total.households += city.households;
      total.findings += city.findings;
      total.changedHouseholds += city.changedHouseholds;
    }
    const took = seconds(start);
    console.log(
      `${pass}: ${took.toFixed(2)} s, ${((took * 1000) / total.households).toFixed(3)} ms/household, ` +
        `${cpuMsPerHousehold(cpuBefore, total.households)} ms of CPU/household ` +
        `(${total.households} households, ${total.findings} findings, ${total.changedHouseholds} changed)`,
    );
    // Where the statements' time went: the store's work plus decoding and checking the rows.
    const metric = await metricsRegistry.getSingleMetric('ketenkaart_store_statement_duration_seconds')!.get();
    const values = metric.values as { metricName?: string; value: number; labels: Record<string, unknown> }[];
    for (const value of values.filter((v) => v.metricName?.endsWith('_sum')).sort((a, b) => b.value - a.value)) {
      const count = values.find((v) => v.metricName?.endsWith('_count') && v.labels.statement === value.labels.statement)!.value;
      console.log(`  ${String(value.labels.statement).padEnd(36)} ${value.value.toFixed(2).padStart(7)} s in ${count} runs`);
    }
  }
  // BENCH_READ_FLOOR: what reading alone costs (the same reads as a pass, no rules, no writes), one page at a time
  // and with several pages in flight, then reading and the rules (preview, nothing written): the floor a pass
  // cannot go below on this engine, and how much the engine's threads gain from reads side by side.
  if (process.env.BENCH_READ_FLOOR) {
    const pageSize = PAGE_SIZE ?? 500;
    const pages: string[][] = [];
    for (const cityId of cityIds) {
      const ids = await repos.gaps.householdIdsOfCity(cityId, null, 1_000_000);
      for (let from = 0; from < ids.length; from += pageSize) pages.push(ids.slice(from, from + pageSize));
    }
    const households = pages.reduce((sum, page) => sum + page.length, 0);
    const timed = async (label: string, inFlight: number, work: (ids: string[]) => Promise<unknown>) => {
      const start = process.hrtime.bigint();
      const cpuBefore = process.cpuUsage();
      let next = 0;
      await Promise.all(
        Array.from({ length: inFlight }, async () => {
          while (next < pages.length) await work(pages[next++]!);
        }),
      );
      const took = seconds(start);
      console.log(
        `${label}: ${took.toFixed(2)} s, ${((took * 1000) / households).toFixed(3)} ms/household, ${cpuMsPerHousehold(cpuBefore, households)} ms of CPU/household`,
      );
    };
    for (const inFlight of [1, 2, 4]) await timed(`reads alone, ${inFlight} page(s) in flight`, inFlight, (ids) => gaps.readFacts(ids));
    for (const inFlight of [1, 2])
      await timed(`reads and rules (preview), ${inFlight} page(s) in flight`, inFlight, (ids) => gaps.preview(ids));
  }
  if (profile) {
    const { profile: taken } = await profile.post('Profiler.stop');
    writeFileSync(process.env.BENCH_CPU_PROFILE!, JSON.stringify(taken));
  }
  await executor.close();
}

await main();
