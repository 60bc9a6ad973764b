// Where the server's time goes under the throughput step's load: the real server (api/src/server.ts) runs under
// `node --cpu-prof` on the store a bench run left (tests/bench/results.json names it; its session pool must still be
// beside it: copy <store>.throughput.json before throughput.ts removes it), autocannon loads it with one of the
// throughput step's requests, and the profile is summed by function and by package.
//
//   [BENCH_STORE_DIR=<store>] [PROFILE_CONNECTIONS=16] tsx tests/bench/profile-server.ts reference|trajectory [seconds]
//
// Not part of npm run bench: a tool for choosing what to take down. The .cpuprofile stays for a closer look.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { handoffPath, REFERENCE_QUERY, resultsJson, TRAJECTORY_QUERY, type BenchRun, type ThroughputHandoff } from './report.js';

const [kind = 'trajectory', secondsArg = '15'] = process.argv.slice(2);

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

// BENCH_STORE_DIR names a store of tests/bench/throughput-store.ts instead.
const storeDir = process.env.BENCH_STORE_DIR ?? (JSON.parse(readFileSync(resultsJson, 'utf8')) as BenchRun).storeDir;
if (!storeDir) throw new Error('tests/bench/results.json names no store: run tsx tests/bench/run.ts first');
const handoff = JSON.parse(readFileSync(handoffPath(storeDir), 'utf8')) as ThroughputHandoff;
const repoRoot = new URL('../../', import.meta.url).pathname;
const profileDir = mkdtempSync(join(tmpdir(), 'ketenkaart-profile-'));
const METRICS_TOKEN = 'profile-server-metrics-token-0123456789';
const port = 20_000 + Math.floor(Math.random() * 20_000);

const server = spawn(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, '--import', 'tsx', 'api/src/server.ts'], {
  cwd: repoRoot,
  env: {
    ...process.env,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    KETENKAART_DATA_DIR: storeDir,
    KETENKAART_JOBS: 'off',
    LOG_LEVEL: 'info',
    KETENKAART_METRICS_TOKEN: METRICS_TOKEN,
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise<void>((resolve, reject) => {
  let seen = '';
  server.stdout.on('data', (chunk: Buffer) => {
    seen += chunk.toString();
    if (seen.includes('Ketenkaart listening')) resolve();
  });
  server.once('exit', (code) => reject(new Error(`the server exited with ${code}`)));
});
server.stdout.resume();

let turn = 0;
let failed = 0;
// The profile's clock is the monotonic one process.hrtime reads (microseconds): samples before the load (opening the
// store, loading modules) are left out of the sums below.
const loadStartedAt = Number(process.hrtime.bigint() / 1000n);
const result = await autocannon({
  url: `http://127.0.0.1:${port}`,
  // PROFILE_CONNECTIONS=1 gives each statement's own time, without the queueing 16 connections add.
  connections: Number(process.env.PROFILE_CONNECTIONS ?? 16),
  duration: Number(secondsArg),
  requests: [
    {
      setupRequest: (request) => ({
        ...request,
        // Over the whole pool, as throughput.ts does: one session would soon be over its requests a minute.
        method: 'POST',
        path: '/graphql',
        headers: {
          ...request.headers,
          'content-type': 'application/json',
          authorization: `Bearer ${handoff.tokens[turn++ % handoff.tokens.length]!}`,
        },
        body: JSON.stringify(
          kind === 'reference'
            ? { query: REFERENCE_QUERY }
            : { query: TRAJECTORY_QUERY, variables: { id: handoff.households[turn % handoff.households.length] } },
        ),
      }),
      onResponse: (status, body) => {
        if (status !== 200 || body.includes('"errors"')) failed += 1;
      },
    },
  ],
});
// A 200 with errors (a rate limit, say) profiles the refusal, not the read: say how many.
console.log(`${kind}: ${Math.round(result.requests.average)} requests/s, p99 ${result.latency.p99} ms, ${failed} failed`);
// Statements per request and their time, from the server's own metrics (sum and count per statement name).
const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
const statementFigures = new Map<string, { seconds: number; count: number }>();
for (const match of metrics.matchAll(
  /^ketenkaart_store_statement_duration_seconds_(sum|count)\{statement="([^"]+)",outcome="ok"\} (\S+)$/gm,
)) {
  const [, measure, name, value] = match as unknown as [string, string, string, string];
  const figure = statementFigures.get(name) ?? { seconds: 0, count: 0 };
  if (measure === 'sum') figure.seconds = Number(value);
  else figure.count = Number(value);
  statementFigures.set(name, figure);
}
const answered = result.requests.total;
console.log('\nstatements (per request, mean ms)');
for (const [name, { seconds, count }] of [...statementFigures].sort((a, b) => b[1].seconds - a[1].seconds)) {
  console.log(`${(count / answered).toFixed(2).padStart(6)}  ${((1000 * seconds) / count).toFixed(2).padStart(7)} ms  ${name}`);
}
const exited = new Promise((resolve) => server.once('exit', resolve));
server.kill('SIGTERM');
await exited;

const file = readdirSync(profileDir).find((name) => name.endsWith('.cpuprofile'))!;
const profile = JSON.parse(readFileSync(join(profileDir, file), 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const selfMs = new Map<number, number>();
let sampledAt = profile.startTime;
profile.samples.forEach((id, index) => {
  sampledAt += profile.timeDeltas[index] ?? 0;
  if (sampledAt >= loadStartedAt) selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
});
const total = [...selfMs.values()].reduce((sum, ms) => sum + ms, 0);

const sum = (keyOf: (node: ProfileNode) => string) => {
  const sums = new Map<string, number>();
  for (const [id, ms] of selfMs) {
    const key = keyOf(byId.get(id)!);
    sums.set(key, (sums.get(key) ?? 0) + ms);
  }
  return [...sums].sort((a, b) => b[1] - a[1]);
};
const packageOf = (url: string) => {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (match) return match[1]!;
  if (url.includes('/api/src/')) return `ours: ${url.split('/api/src/')[1]!.split('/')[0]}`;
  return url ? url.replace(/^.*\//, '') : '(native, gc, idle)';
};
const show = (title: string, rows: [string, number][], count: number) => {
  console.log(`\n${title}`);
  for (const [key, ms] of rows.slice(0, count)) console.log(`${((100 * ms) / total).toFixed(1).padStart(5)}%  ${key}`);
};
show(
  'self time by package',
  sum((node) => packageOf(node.callFrame.url)),
  25,
);
show(
  'self time by function',
  sum((node) => `${node.callFrame.functionName || '(anonymous)'} ${packageOf(node.callFrame.url)}:${node.callFrame.lineNumber + 1}`),
  40,
);

// Inclusive: the time of every sample with the function anywhere on its stack (each function once per sample).
const parentOf = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
const inclusive = new Map<string, number>();
for (const [id, ms] of selfMs) {
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
    const node = byId.get(at)!;
    const key = `${node.callFrame.functionName || '(anonymous)'} ${packageOf(node.callFrame.url)}:${node.callFrame.lineNumber + 1}`;
    if (seen.has(key)) continue;
    seen.add(key);
    inclusive.set(key, (inclusive.get(key) ?? 0) + ms);
  }
}
show(
  'inclusive time, named functions',
  [...inclusive].filter(([key]) => !key.startsWith('(')).sort((a, b) => b[1] - a[1]),
  60,
);
console.log(`\nprofile: ${join(profileDir, file)}`);
