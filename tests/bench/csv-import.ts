// npx tsx tests/bench/csv-import.ts: the CSV import path of shelter rows alone, at BENCH_CSV_ROWS (default 100,000),
// on a fresh embedded store. Times the reader, the checks and the write apart, then the whole HTTP import, then a
// second import of the same keys with new figures (every row supersedes a current version). Prints; records nothing.
import { createApp, createLogger, createRepositories } from '@ketenkaart/api';
import { createDemoAccounts, DEMO_PASSWORD, seedReferenceData } from '@ketenkaart/seed';
import { readShelterCsv } from '../../api/src/shelter/shelter-csv.js';
import { checkShelterRows } from '../../api/src/shelter/shelter-rows.js';
import { openTestStore, testConfig } from '../support/store.js';
import { statementDuration } from '../../api/src/metrics.js';
import { occupancyCsv } from './occupancy-csv.js';

const ROWS = Number(process.env.BENCH_CSV_ROWS ?? 100_000);
const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;
const bytesOf = (text: string) =>
  (async function* () {
    const bytes = new TextEncoder().encode(text);
    for (let at = 0; at < bytes.length; at += 65_536) yield bytes.subarray(at, at + 65_536);
  })();

const config = testConfig();
const executor = await openTestStore(config);
await seedReferenceData(executor);
await createDemoAccounts(executor);
const app = createApp({ config, executor, logger: createLogger('silent') });
const repos = createRepositories(executor);

const csv = occupancyCsv(ROWS, 0);
let start = process.hrtime.bigint();
const read = await readShelterCsv('OCCUPANCY', bytesOf(csv), { encoding: 'utf-8' });
const readSeconds = seconds(start);
start = process.hrtime.bigint();
await checkShelterRows('OCCUPANCY', read.rows, { facilityIds: 'ALL', linkingAgencyId: null }, repos.shelter, read.problems);
const checkSeconds = seconds(start);
console.log(
  `reader: ${Math.round(ROWS / readSeconds)} rows/s (${readSeconds.toFixed(2)} s); checks: ${Math.round(ROWS / checkSeconds)} rows/s (${checkSeconds.toFixed(2)} s); problems ${read.problems.total}`,
);

const login = await app.fetch(
  new Request('http://bench/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { ... on Session { token } } }',
      variables: { u: 'shelter.hvo', p: DEMO_PASSWORD },
    }),
  }),
);
const token = ((await login.json()) as { data: { login: { token: string } } }).data.login.token;

async function importOverHttp(label: string, body: string) {
  const begin = process.hrtime.bigint();
  const response = await app.fetch(
    new Request('http://bench/shelter/import?kind=occupancy', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
      body,
    }),
  );
  const lines = (await response.text())
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { type: string; written?: { created: number; superseded: number }; totalProblems?: number });
  const took = seconds(begin);
  const report = lines.find((l) => l.type === 'report');
  if (!report?.written) throw new Error(`import refused: ${JSON.stringify(lines.at(-1)).slice(0, 400)}`);
  const { values } = await statementDuration.get();
  const sums = values
    .filter((v) => v.metricName?.endsWith('_sum') && Number(v.value) > 0.05)
    .map((v) => `${v.labels.statement} ${Number(v.value).toFixed(2)} s`);
  console.log(`  statements: ${sums.join('; ')}`);
  statementDuration.reset();
  console.log(
    `${label}: ${Math.round(report.written.created / took)} rows/s (${report.written.created} new, ${report.written.superseded} superseded, ${took.toFixed(2)} s)`,
  );
}

await importOverHttp('HTTP import, fresh keys', csv);
await importOverHttp('HTTP import, same keys with new figures', occupancyCsv(ROWS, 1));
// Batch sizes, each on keys of its own (a later century), straight through the repository.
for (const [index, batchSize] of (process.env.BENCH_CSV_BATCHES ?? '').split(',').filter(Boolean).map(Number).entries()) {
  const file = await readShelterCsv('OCCUPANCY', bytesOf(occupancyCsv(ROWS, 0, 100 * (index + 1))), { encoding: 'utf-8' });
  const begin = process.hrtime.bigint();
  const written = await repos.shelter.write(
    'OCCUPANCY',
    file.rows.map((r) => r.row),
    { recordedBy: 'bench', reportingAgencyId: null, provenanceKind: 'SYNTHETIC', recordedAt: new Date().toISOString() },
    { source: 'bench' },
    { batchSize },
  );
  console.log(`write in batches of ${batchSize}: ${Math.round(written.created / seconds(begin))} rows/s`);
}
console.log(`peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB`);
await executor.close();
