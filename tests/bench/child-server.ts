// A server in a child process for the throughput benchmarks (throughput.ts, reference-ab.ts): started with
// `node --import tsx` directly, so that the child's pid is the server's own (for its CPU time), and awaited until it
// prints the line that says it listens.
import { spawn, type ChildProcess } from 'node:child_process';
import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/**
 * Starts `script` in `cwd` and resolves once its stdout matches `listening`, whose first group is the port. Its
 * stdout is drained from then on, so that its request log cannot fill the pipe and stall it.
 */
export async function startChildServer(
  script: string,
  { cwd, env, listening }: { cwd: string; env: Record<string, string>; listening: RegExp },
): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let seen = '';
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      const match = listening.exec(seen);
      if (match) {
        child.stdout.off('data', onData);
        child.stdout.resume();
        resolve(Number(match[1]));
      }
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${cwd}/${script} exited with ${code} before it listened`)));
  });
  return { child, port };
}

/** A port free on 127.0.0.1 now (the server's configuration wants a number, not 0). */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** The CPU seconds a process has used, its threads included (Linux /proc; clock ticks of 1/100 s). */
export function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * Waits until the process uses under a tenth of a core over a second, at most `limitSeconds`, and says how long that
 * took: a server that has just opened a large store may still be working on it (the engine's own threads), and a
 * load started then would measure that work too.
 */
export async function untilQuiet(pid: number, limitSeconds = 120): Promise<number> {
  const started = Date.now();
  for (;;) {
    const before = cpuSeconds(pid);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const waited = (Date.now() - started) / 1000;
    if (cpuSeconds(pid) - before < 0.1 || waited >= limitSeconds) return waited;
  }
}

/** What one load of a server measured. */
export interface HttpLoad {
  answered: number;
  failed: number;
  perSecond: number;
  p50: number;
  p99: number;
  /** The serving process's CPU time per request, its threads included. */
  cpuMsPerRequest: number;
}

/**
 * autocannon POSTing to the server's /graphql with `connections` connections for `seconds`, after a warm-up whose
 * figures are dropped. A request counts as answered when the status is 2xx and the GraphQL body has no errors;
 * everything else (non-2xx, errors, timeouts) as failed.
 */
export async function loadOverHttp(
  { port, child }: { port: number; child: ChildProcess },
  next: () => { headers: Record<string, string>; body: string },
  { seconds, warmUpSeconds, connections }: { seconds: number; warmUpSeconds: number; connections: number },
): Promise<HttpLoad> {
  let failed = 0;
  const run = (duration: number) =>
    autocannon({
      url: `http://127.0.0.1:${port}`,
      connections,
      duration,
      method: 'POST',
      requests: [
        {
          setupRequest: (request) => {
            const { headers, body } = next();
            return {
              ...request,
              method: 'POST',
              path: '/graphql',
              headers: { ...request.headers, 'content-type': 'application/json', ...headers },
              body,
            };
          },
          onResponse: (status, body) => {
            if (status !== 200 || body.includes('"errors"')) failed += 1;
          },
        },
      ],
    });
  await run(warmUpSeconds);
  failed = 0;
  const cpuBefore = cpuSeconds(child.pid!);
  const result = await run(seconds);
  const cpu = cpuSeconds(child.pid!) - cpuBefore;
  failed += result.errors + result.timeouts;
  const answered = result['2xx'] - Math.min(failed, result['2xx']);
  return {
    answered,
    failed,
    perSecond: answered / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    cpuMsPerRequest: (1000 * cpu) / Math.max(1, result.requests.total),
  };
}
