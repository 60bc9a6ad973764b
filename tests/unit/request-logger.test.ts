// A request's log lines carry its id, at the level asked, and a request that logs nothing writes nothing.
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { requestLogger } from '../../api/src/logger.js';

function loggerWithLines() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: pino({ level: 'info' }, sink) };
}

const written = () => new Promise((resolve) => setImmediate(resolve));

describe('request logger', () => {
  it("writes each line with the request's id, at its level", async () => {
    const { lines, logger } = loggerWithLines();
    const log = requestLogger(logger, 'req-1');
    log.error({ err: { name: 'Error', message: 'store gone' } }, 'resolver failed');
    log.warn('slow');
    await written();
    expect(lines).toMatchObject([
      { level: 50, requestId: 'req-1', err: { message: 'store gone' }, msg: 'resolver failed' },
      { level: 40, requestId: 'req-1', msg: 'slow' },
    ]);
  });

  it('keeps the requests apart and writes nothing for a request that logs nothing', async () => {
    const { lines, logger } = loggerWithLines();
    requestLogger(logger, 'quiet');
    requestLogger(logger, 'req-2').info({ rows: 3 }, 'imported');
    await written();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ requestId: 'req-2', rows: 3, msg: 'imported' });
  });
});
