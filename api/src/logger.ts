// Structured JSON logs (pino). Never log variables, personal data or credentials: only ids, codes and timings.
import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * `batched` (the server): lines are written to stdout in batches of about 4 kB, and at the latest 200 ms after they
 * were logged, instead of one write per line. A write per line cost a request about 5% of the server's thread (the
 * write's dispatch and its completion, as many as requests) for a line of 200 bytes. Every line is still written, the
 * buffer is flushed when the process exits (also on an uncaught error); only a process killed outright (SIGKILL, out
 * of memory) loses the lines of its last 200 ms. The access log is not this log: it is written to the store in the
 * request.
 */
export function createLogger(level: string, output: 'direct' | 'batched' = 'direct'): Logger {
  const options = {
    level,
    base: { service: 'ketenkaart-api' },
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.token'], remove: true },
  };
  if (output === 'direct' || level === 'silent') return pino(options);
  return pino(options, pino.destination({ dest: 1, sync: false, minLength: 4096, periodicFlush: 200 }));
}
