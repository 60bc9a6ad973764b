// The second step of npm run bench: throughput as a user sees it. The real Ketenkaart server (api/src/server.ts)
// starts in a process of its own on the store the run left on disk, beside a bare graphql-yoga server that answers
// the same reference query from memory (floor-server.ts: the floor on this machine). autocannon, in this process,
// loads both over HTTP on 127.0.0.1 in the same run; then trajectory reads signed in over the run's session pool.
// What a Ketenkaart reference request costs besides what the floor does: the session lookup with the reference stamp
// in the same statement (the reference data themselves come from the app's cache, see
// api/src/repositories/reference-cache.ts), the request limit, the cost guard, the request log line and the metrics.
// A trajectory read adds its access check, four fact statements in one read transaction and its access-log write, all
// in the request. tests/bench/profile-server.ts shows where
// that time goes.
// A process of its own for the step, because the loading process keeps what its writes used (see reopen.ts).
import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { freePort, loadOverHttp, startChildServer, untilQuiet, type HttpLoad } from './child-server.js';
import {
  handoffPath,
  REFERENCE_QUERY,
  resultsJson,
  resultsMarkdown,
  resultsMd,
  round,
  TRAJECTORY_QUERY,
  type BenchRun,
  type Figure,
  type ThroughputHandoff,
} from './report.js';

const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 10);
const CONNECTIONS = 16;
// The reference query's ratio moved by about 0.1 between runs of one load each (two cores shared by the floor, the
// server and autocannon): it is taken in rounds, by turns, and each round must meet the bar, as the overhead ratios'
// blocks must.
const REFERENCE_ROUNDS = Number(process.env.BENCH_REFERENCE_ROUNDS ?? 3);

const repoRoot = new URL('../../', import.meta.url).pathname;

async function stop(child: ChildProcess) {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** A load of CONNECTIONS connections for SECONDS after 2 s of warm-up, with its rates rounded as recorded. */
async function load(
  server: { port: number; child: ChildProcess },
  next: () => { headers: Record<string, string>; body: string },
): Promise<HttpLoad> {
  const measured = await loadOverHttp(server, next, { seconds: SECONDS, warmUpSeconds: 2, connections: CONNECTIONS });
  return { ...measured, perSecond: round(measured.perSecond, 0), cpuMsPerRequest: round(measured.cpuMsPerRequest, 2) };
}

async function main() {
  const run = JSON.parse(readFileSync(resultsJson, 'utf8')) as BenchRun;
  if (!run.storeDir || !existsSync(handoffPath(run.storeDir))) return;
  const handoff = JSON.parse(readFileSync(handoffPath(run.storeDir), 'utf8')) as ThroughputHandoff;
  rmSync(handoffPath(run.storeDir));
  const figures: Figure[] = [];
  const record = (figure: Figure) => {
    figures.push(figure);
    console.log(`${figure.name}: ${figure.value} ${figure.unit}${figure.met === false ? ' (MISSED)' : ''}`);
  };

  // The server as it runs in production, on the run's store; its scheduled jobs stay off so they don't share the run.
  const ketenkaart = await startChildServer('api/src/server.ts', {
    cwd: repoRoot,
    env: {
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(await freePort()),
      KETENKAART_DATA_DIR: run.storeDir,
      KETENKAART_JOBS: 'off',
      LOG_LEVEL: 'info',
    },
    listening: /"port":(\d+)/,
  });
  try {
    const settledSeconds = await untilQuiet(ketenkaart.child.pid!);
    let turn = 0;
    const session = () => ({ authorization: `Bearer ${handoff.tokens[turn++ % handoff.tokens.length]!}` });
    const reference = JSON.stringify({ query: REFERENCE_QUERY });
    // The floor answers with what Ketenkaart answers.
    const answer = (await (
      await fetch(`http://127.0.0.1:${ketenkaart.port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...session() },
        body: reference,
      })
    ).json()) as { data?: unknown };
    if (!answer.data) throw new Error(`the reference query failed: ${JSON.stringify(answer)}`);
    const floor = await startChildServer('tests/bench/floor-server.ts', {
      cwd: repoRoot,
      env: { FLOOR_ANSWER: JSON.stringify(answer.data) },
      listening: /listening (\d+)/,
    });
    const rounds: { bare: HttpLoad; served: HttpLoad; ratio: number }[] = [];
    try {
      for (let index = 0; index < REFERENCE_ROUNDS; index += 1) {
        // By turns, the floor first in even rounds and last in odd ones, so that neither has the machine to itself
        // longer or always comes first.
        const loadFloor = () => load(floor, () => ({ headers: {}, body: reference }));
        const loadServed = () => load(ketenkaart, () => ({ headers: session(), body: reference }));
        const [bare, served] =
          index % 2 === 0
            ? [await loadFloor(), await loadServed()]
            : await loadServed().then(async (served) => [await loadFloor(), served] as const);
        rounds.push({ bare, served, ratio: served.perSecond / bare.perSecond });
      }
    } finally {
      await stop(floor.child);
    }
    const bare = medianBy(rounds, (r) => r.bare.perSecond).bare;
    const served = medianBy(rounds, (r) => r.served.perSecond).served;
    const ratios = rounds.map((r) => round(r.ratio, 2));
    const ratio = medianBy(rounds, (r) => r.ratio).ratio;
    const failed = rounds.reduce((sum, r) => sum + r.served.failed, 0);
    record({
      name: `reference query, bare graphql-yoga floor (${CONNECTIONS} connections, ${SECONDS} s, median of ${rounds.length} rounds)`,
      value: bare.perSecond,
      unit: 'requests/s',
      note: `answered from memory in a process of its own; rounds ${rounds.map((r) => r.bare.perSecond).join(', ')}; p99 ${bare.p99} ms; CPU a request ${rounds.map((r) => r.bare.cpuMsPerRequest).join(', ')} ms`,
    });
    record({
      name: `reference query, Ketenkaart server (${CONNECTIONS} connections, ${SECONDS} s, median of ${rounds.length} rounds)`,
      value: served.perSecond,
      unit: 'requests/s',
      note: `signed in, over ${handoff.tokens.length} sessions: session lookup and reference stamp per request, reference data from the app's cache; rounds ${rounds.map((r) => r.served.perSecond).join(', ')}; p50 ${served.p50} ms, p99 ${served.p99} ms; ${failed} failed; CPU a request ${rounds.map((r) => r.served.cpuMsPerRequest).join(', ')} ms; loaded once the server, started on the store, had used under a tenth of a core for a second (after ${round(settledSeconds, 0)} s)`,
    });
    record({
      name: 'reference query, Ketenkaart over the bare floor (median ratio)',
      value: round(ratio, 2),
      unit: 'x',
      target: `>= 0.6x in each of ${rounds.length} rounds`,
      met: ratios.every((r) => r >= 0.6) && failed === 0,
      parts: { kind: 'rounds', values: ratios },
      note: `rounds ${ratios.join(', ')}; each round the floor and the server loaded by turns`,
    });

    let household = 0;
    const trajectories = await load(ketenkaart, () => ({
      headers: session(),
      body: JSON.stringify({ query: TRAJECTORY_QUERY, variables: { id: handoff.households[household++ % handoff.households.length] } }),
    }));
    record({
      name: `trajectory reads, Ketenkaart server (${CONNECTIONS} connections, ${SECONDS} s)`,
      value: trajectories.perSecond,
      unit: 'requests/s',
      target: '>= 300 requests/s',
      met: trajectories.perSecond >= 300,
      note: `${handoff.households.length} households over ${handoff.tokens.length} signed-in sessions; p50 ${trajectories.p50} ms`,
    });
    record({
      name: 'trajectory reads under load p99',
      value: trajectories.p99,
      unit: 'ms',
      target: '< 100 ms',
      met: trajectories.p99 < 100,
    });
    const errors = failed + trajectories.failed;
    record({
      name: 'errors under load',
      value: errors,
      unit: 'errors',
      target: '0',
      met: errors === 0,
      note: 'non-2xx answers, GraphQL errors, connection errors and timeouts',
    });
  } finally {
    await stop(ketenkaart.child);
  }
  run.figures.push(...figures);
  writeFileSync(resultsJson, `${JSON.stringify(run, null, 2)}\n`);
  writeFileSync(resultsMd, resultsMarkdown(run));
}

/** The element whose key is the median of the keys (the upper one of an even count). */
function medianBy<T>(items: readonly T[], key: (item: T) => number): T {
  return [...items].sort((a, b) => key(a) - key(b))[Math.floor(items.length / 2)]!;
}

await main();
