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

/** How a request logs: its lines carry its id. */
export type RequestLogger = Pick<Logger, 'error' | 'warn' | 'info'>;

/**
 * A request's logger, made a child of `logger` only when the request logs a line. Most requests log none here (the
 * request line is app.ts's), and making a child for each (pino serialises its bindings) took about 18 µs of a
 * trajectory request's CPU in a profile (2026-11-30, 5,000 households). A class, not closures: under tsx every
 * closure made per request is also given its name (esbuild's keepNames), which costs more than the closure.
 */
export function requestLogger(logger: Logger, requestId: string): RequestLogger {
  return new LazyChildLogger(logger, requestId);
}

class LazyChildLogger {
  private child: Logger | undefined;

  constructor(
    private readonly parent: Logger,
    private readonly requestId: string,
  ) {}

  error(...line: unknown[]): void {
    this.write('error', line);
  }

  warn(...line: unknown[]): void {
    this.write('warn', line);
  }

  info(...line: unknown[]): void {
    this.write('info', line);
  }

  private write(level: keyof RequestLogger, line: unknown[]): void {
    this.child ??= this.parent.child({ requestId: this.requestId });
    Reflect.apply(this.child[level], this.child, line);
  }
}
