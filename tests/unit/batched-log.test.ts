// The server's log (createLogger(level, 'batched')) writes its lines in batches: every line must still reach stdout,
// within the flush interval while the process runs, and at once when it exits (normally or on an uncaught error).
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const repoRoot = new URL('../../', import.meta.url).pathname;

/** Runs `body` in a child process with `logger` from api/src/logger.ts; resolves with its stdout lines' messages. */
function runWithLogger(body: string, { waitForLine }: { waitForLine?: string } = {}): Promise<{ messages: string[]; sawEarly: boolean }> {
  const script = `import { createLogger } from './api/src/logger.ts'; const logger = createLogger('info', 'batched'); ${body}`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  // A child that never prints what is awaited is ended all the same.
  const guard = setTimeout(() => child.kill('SIGKILL'), 3_000);
  let out = '';
  let sawEarly = false;
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    if (waitForLine && out.includes(waitForLine)) {
      sawEarly = true;
      child.kill('SIGKILL');
    }
  });
  return new Promise((resolve) =>
    child.once('close', () => {
      clearTimeout(guard);
      resolve({
        messages: out
          .split('\n')
          .filter(Boolean)
          .map((line) => (JSON.parse(line) as { msg: string }).msg),
        sawEarly,
      });
    }),
  );
}

describe('batched log output', () => {
  it('writes every line when the process exits, and when it dies of an uncaught error', async () => {
    const exited = await runWithLogger(`for (let i = 0; i < 3; i += 1) logger.info({ i }, 'line ' + i); process.exit(0);`);
    expect(exited.messages).toEqual(['line 0', 'line 1', 'line 2']);
    const crashed = await runWithLogger(`logger.info('before the error'); setTimeout(() => { throw new Error('boom'); }, 10);`);
    expect(crashed.messages).toEqual(['before the error']);
  });

  it('writes a line within the flush interval while the process keeps running', async () => {
    const running = await runWithLogger(`logger.info('while running'); setInterval(() => {}, 1000);`, { waitForLine: 'while running' });
    expect(running.sawEarly).toBe(true);
    expect(running.messages).toEqual(['while running']);
  });
});
