// The throughput step's reference query, by turns: the bare floor (floor-server.ts) and one or more Ketenkaart
// servers (api/src/server.ts of this checkout, and of other checkouts named in REF_AB_ROOTS, e.g. a worktree of the
// commit before a change), each loaded in its own process with autocannon as throughput.ts loads them, several
// rounds. Prints each round's requests/s, each server's ratio to the floor of the same round and its CPU time per
// request (from /proc: less sensitive to what else runs on the machine than requests/s), and the medians.
//
// REF_AB_QUERY=trajectory loads the servers with the throughput step's trajectory reads instead, over the store's
// sampled households (the floor still answers the reference query, as the yardstick of the machine's speed).
//
// A root may carry settings of its own after a `|` (`/path/a|LOG_LEVEL=warn`); `.` is this checkout.
//
//   BENCH_STORE_DIR=<store of throughput-store.ts> [REF_AB_ROOTS=/path/a,/path/b] [REF_AB_ROUNDS=5]
//   [REF_AB_SECONDS=8] [REF_AB_QUERY=reference|trajectory] tsx tests/bench/reference-ab.ts
//
// The embedded store opens in one process at a time: every server but the first gets a copy of the store, deleted at
// the end. Not part of npm run bench: a tool for choosing, before and after a change. Every child is killed at the end.
import type { ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, loadOverHttp, startChildServer } from './child-server.js';
import { handoffPath, REFERENCE_QUERY, TRAJECTORY_QUERY, type ThroughputHandoff } from './report.js';

const storeDir = process.env.BENCH_STORE_DIR;
if (!storeDir) throw new Error('BENCH_STORE_DIR: a store of tests/bench/throughput-store.ts');
const handoff = JSON.parse(readFileSync(handoffPath(storeDir), 'utf8')) as ThroughputHandoff;
const ROUNDS = Number(process.env.REF_AB_ROUNDS ?? 5);
const SECONDS = Number(process.env.REF_AB_SECONDS ?? 8);
const CONNECTIONS = 16;
const reference = JSON.stringify({ query: REFERENCE_QUERY });
let household = 0;
const bodyFor = (served: Served) =>
  served.name === 'floor' || process.env.REF_AB_QUERY !== 'trajectory'
    ? reference
    : JSON.stringify({ query: TRAJECTORY_QUERY, variables: { id: handoff.households[household++ % handoff.households.length] } });
const here = new URL('../../', import.meta.url).pathname.replace(/\/$/, '');
const roots = [here, ...(process.env.REF_AB_ROOTS ?? '').split(',').filter(Boolean)];

interface Served {
  name: string;
  child: ChildProcess;
  port: number;
  headers: () => Record<string, string>;
}

/** A child server, killed (SIGKILL) when this process ends. */
async function start(script: string, cwd: string, env: Record<string, string>, listening: RegExp) {
  const started = await startChildServer(script, { cwd, env, listening });
  children.push(started.child);
  return started;
}

const children: ChildProcess[] = [];
const copies: string[] = [];
function killAll() {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const copy of copies.splice(0)) rmSync(copy, { recursive: true, force: true });
}
process.on('exit', killAll);
process.on('SIGINT', () => process.exit(130));
process.on('SIGTERM', () => process.exit(143));

/** The query at the target, after 3 s of warm-up. */
const load = (target: Served, seconds: number) =>
  loadOverHttp(target, () => ({ headers: target.headers(), body: bodyFor(target) }), {
    seconds,
    warmUpSeconds: 3,
    connections: CONNECTIONS,
  });

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

let turn = 0;
const session = () => ({ authorization: `Bearer ${handoff.tokens[turn++ % handoff.tokens.length]!}` });
const servers: Served[] = [];
for (const [index, entry] of roots.entries()) {
  const [given = here, ...settings] = entry.split('|');
  const root = given === '.' ? here : given;
  const ownEnv = Object.fromEntries(settings.map((setting) => setting.split('=') as [string, string]));
  let dataDir = storeDir;
  if (index > 0) {
    dataDir = mkdtempSync(join(tmpdir(), 'ketenkaart-reference-ab-'));
    copies.push(dataDir);
    cpSync(storeDir, dataDir, { recursive: true });
  }
  const { child, port } = await start(
    'api/src/server.ts',
    root,
    {
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(await freePort()),
      KETENKAART_DATA_DIR: dataDir,
      KETENKAART_JOBS: 'off',
      LOG_LEVEL: 'info',
      ...ownEnv,
    },
    /"port":(\d+)/,
  );
  servers.push({ name: index === 0 ? 'this checkout' : entry, child, port, headers: session });
}
const answer = (await (
  await fetch(`http://127.0.0.1:${servers[0]!.port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...session() },
    body: reference,
  })
).json()) as { data?: unknown };
if (!answer.data) throw new Error(`the reference query failed: ${JSON.stringify(answer)}`);
const floorProcess = await start('tests/bench/floor-server.ts', here, { FLOOR_ANSWER: JSON.stringify(answer.data) }, /listening (\d+)/);
const floor: Served = { name: 'floor', ...floorProcess, headers: () => ({}) };

const ratios = new Map<string, number[]>(servers.map((s) => [s.name, []]));
const cpu = new Map<string, number[]>([floor, ...servers].map((s) => [s.name, []]));
try {
  for (let round = 1; round <= ROUNDS; round += 1) {
    // Each round in another order, so that no one always runs first (or right after the floor).
    const order = [floor, ...servers];
    for (let i = 0; i < (round - 1) % order.length; i += 1) order.push(order.shift()!);
    const figures = new Map<string, Awaited<ReturnType<typeof load>>>();
    for (const target of order) figures.set(target.name, await load(target, SECONDS));
    const bare = figures.get('floor')!;
    const line = [`round ${round}: floor ${bare.perSecond.toFixed(0)}/s ${bare.cpuMsPerRequest.toFixed(3)} ms cpu`];
    cpu.get('floor')!.push(bare.cpuMsPerRequest);
    for (const server of servers) {
      const figure = figures.get(server.name)!;
      ratios.get(server.name)!.push(figure.perSecond / bare.perSecond);
      cpu.get(server.name)!.push(figure.cpuMsPerRequest);
      line.push(
        `${server.name} ${figure.perSecond.toFixed(0)}/s ${(figure.perSecond / bare.perSecond).toFixed(2)}x ${figure.cpuMsPerRequest.toFixed(3)} ms cpu p99 ${figure.p99} ms${figure.failed ? ` ${figure.failed} failed` : ''}`,
      );
    }
    console.log(line.join(' | '));
  }
  console.log(`\nfloor: median cpu ${median(cpu.get('floor')!).toFixed(3)} ms a request`);
  // Paired by round: each server's CPU a request over this checkout's in the same round (the load of the machine moves
  // between rounds more than between two runs of one round).
  const mine = cpu.get(servers[0]!.name)!;
  for (const server of servers.slice(1)) {
    const paired = cpu.get(server.name)!.map((value, round) => value / mine[round]!);
    console.log(`${server.name}: cpu a request over this checkout's, median of rounds ${median(paired).toFixed(2)}x`);
  }
  for (const server of servers) {
    const r = ratios.get(server.name)!;
    console.log(
      `${server.name}: median ratio ${median(r).toFixed(2)}x (${r.map((x) => x.toFixed(2)).join(', ')}), median cpu ${median(cpu.get(server.name)!).toFixed(3)} ms a request, cpu over floor ${(median(cpu.get(server.name)!) / median(cpu.get('floor')!)).toFixed(2)}x`,
    );
  }
} finally {
  killAll();
}
