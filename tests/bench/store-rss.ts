// The store's memory per household, and the bulk load's rate and peak, at a scale that runs in minutes: loads
// STORE_RSS_FAMILIES synthetic households (default 50,000, national profile) into a fresh on-disk store in
// STORE_RSS_SEGMENTS child processes (default 1), then opens the store in a fresh process, as a server starts on it
// (tests/bench/reopen.ts), and records its RSS. STORE_RSS_SCHEMA=N applies migrations up to N only (to compare
// index sets in one checkout); STORE_RSS_BATCH sets the batch size. Prints one JSON line. Not part of npm test.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createExecutor, migrate, migrations } from '@ketenkaart/api';
import { createDemoAccounts, loadSyntheticFamiliesInSegments, seedReferenceData, syntheticProfile } from '@ketenkaart/seed';
import { NATIONAL_HOUSEHOLDS, round } from './report.js';

const FAMILIES = Number(process.env.STORE_RSS_FAMILIES ?? 50_000);
const SEGMENTS = Number(process.env.STORE_RSS_SEGMENTS ?? 1);
const SCHEMA = Number(process.env.STORE_RSS_SCHEMA ?? Infinity);
const BATCH = process.env.STORE_RSS_BATCH ? Number(process.env.STORE_RSS_BATCH) : undefined;

const dataDir = mkdtempSync(join(tmpdir(), 'ketenkaart-store-rss-'));
try {
  const executor = createExecutor({ kind: 'grafeo', dataDir });
  await migrate(executor, { list: migrations.filter((m) => m.version <= SCHEMA) });
  await seedReferenceData(executor);
  await createDemoAccounts(executor);
  await executor.close();
  // The store with reference data and no household: what a household's share is measured from.
  const empty = openedRss();

  const start = process.hrtime.bigint();
  const loaded = await loadSyntheticFamiliesInSegments({
    dataDir,
    families: FAMILIES,
    regions: 43,
    seed: 2024,
    asOf: '2026-06-30',
    profile: syntheticProfile('national'),
    segments: SEGMENTS,
    ...(BATCH ? { batchSize: BATCH } : {}),
  });
  const loadSeconds = Number(process.hrtime.bigint() - start) / 1e9;

  const { rssMiB, openSeconds } = openedRss();
  const kibPerHousehold = ((rssMiB - empty.rssMiB) * 1024) / loaded.households;
  console.log(
    JSON.stringify({
      families: loaded.households,
      events: loaded.events,
      schema: Number.isFinite(SCHEMA) ? SCHEMA : migrations.at(-1)!.version,
      segments: SEGMENTS,
      batchSize: BATCH ?? 250,
      loadSeconds: round(loadSeconds),
      eventsPerSecond: round(loaded.events / loadSeconds, 0),
      segmentPeakRssMiB: loaded.segments.map((s) => s.peakRssMiB),
      parentPeakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
      emptyStoreRssMiB: empty.rssMiB,
      openedRssMiB: rssMiB,
      openSeconds: round(openSeconds),
      kibPerHousehold: round(kibPerHousehold),
      // The empty store plus the households' share, by a straight line from this size to the national year's.
      extrapolatedNationalMiB: Math.round(empty.rssMiB + (kibPerHousehold * NATIONAL_HOUSEHOLDS) / 1024),
    }),
  );
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}

/** Opens the store in a fresh process, as a server starts on it, and returns that process's RSS. */
function openedRss(): { rssMiB: number; openSeconds: number } {
  const opener = fileURLToPath(new URL('./open-store-rss.ts', import.meta.url));
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const opened = spawnSync(process.execPath, ['--import', tsx, opener, dataDir], { encoding: 'utf8' });
  if (opened.status !== 0) throw new Error(`opening the store failed: ${opened.stderr}`);
  return JSON.parse(opened.stdout.trim().split('\n').at(-1)!) as { rssMiB: number; openSeconds: number };
}
