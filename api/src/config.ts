// The only reader of process.env: parsed once with zod, every problem reported at once.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { isAddressOrRange } from './access/client-address.js';
import { queryLimits } from './graphql/limits.js';

const Env = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(4000),
  HOST: z.string().default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  KETENKAART_DATA_DIR: z.string().min(1).default('./data'),
  /** Where backups of the embedded store go (npm run backup, SIGUSR2 to the server). */
  KETENKAART_BACKUP_DIR: z.string().min(1).default('./backups'),
  KETENKAART_CYPHER_LOG: z.string().min(1).optional(),
  KETENKAART_SEED_FAMILIES: z.coerce.number().int().min(0).max(100_000).default(120),
  KETENKAART_INTROSPECTION: z.enum(['on', 'off']).optional(),
  /** Comma-separated addresses or CIDR ranges of reverse proxies whose X-Forwarded-For is believed. */
  KETENKAART_TRUSTED_PROXIES: z
    .string()
    .default('')
    .transform((list) =>
      list
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean),
    )
    .refine(
      (entries) => entries.every(isAddressOrRange),
      'a comma-separated list of IP addresses or CIDR ranges, e.g. 10.0.0.1,10.1.0.0/16',
    ),
  KETENKAART_ACCESS_LOG_RETENTION_YEARS: z.coerce.number().int().min(1).max(30).default(5),
  KETENKAART_SHELTER_ACCESS_DAYS: z.coerce.number().int().min(0).max(3650).default(90),
  /** Bearer token a Prometheus scraper presents at /metrics; without it /metrics is off. */
  KETENKAART_METRICS_TOKEN: z.string().min(32, 'at least 32 characters').optional(),
  /** off: this instance runs no scheduled jobs (another instance, or a cron job with npm run retention, does). */
  KETENKAART_JOBS: z.enum(['on', 'off']).default('on'),
  NEO4J_MAX_POOL_SIZE: z.coerce.number().int().min(1).max(1000).default(50),
  NEO4J_ACQUISITION_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  NEO4J_TRANSACTION_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
  NEO4J_URI: z
    .string()
    .regex(/^(neo4j|bolt)(\+s|\+ssc)?:\/\/.+/, 'a neo4j:// or bolt:// URI')
    .optional(),
  NEO4J_USERNAME: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().optional(),
  NEO4J_DATABASE: z.string().default('neo4j'),
  // OpenTelemetry's own variables (the SDK reads the rest, such as OTEL_EXPORTER_OTLP_PROTOCOL): these decide
  // whether tracing starts at all.
  OTEL_SDK_DISABLED: z.string().optional(),
  OTEL_TRACES_EXPORTER: z.string().optional(),
  OTEL_EXPORTER_OTLP_ENDPOINT: z.string().optional(),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z.string().optional(),
  OTEL_SERVICE_NAME: z.string().min(1).default('ketenkaart-api'),
});

export type StoreConfig =
  | { kind: 'grafeo'; dataDir: string | null; writes?: 'queued' | 'interleaved' }
  | {
      kind: 'neo4j';
      uri: string;
      username: string;
      password: string;
      database: string;
      /** Connections per instance; the server's own limit is shared by every instance. */
      maxPoolSize: number;
      /** How long a request waits for a free connection before it fails. */
      acquisitionTimeoutMs: number;
      /** The server ends a transaction that runs longer (a runaway query, a stuck lock). */
      transactionTimeoutMs: number;
    };

export interface Config {
  mode: 'development' | 'production' | 'test';
  port: number;
  host: string;
  logLevel: z.infer<typeof Env>['LOG_LEVEL'];
  store: StoreConfig;
  cypherLogPath: string | undefined;
  seedFamilies: number;
  introspection: boolean;
  /** Years the access log is kept before the retention job removes an entry. */
  accessLogRetentionYears: number;
  /** Days a shelter keeps access to a household after its relation ended (refusal, exit); README "Access control". */
  shelterAccessDays: number;
  webDistDir: string;
  /** Reverse proxies (addresses or CIDR ranges) whose X-Forwarded-For names the client; nobody else's is believed. */
  trustedProxies: string[];
  /** Milliseconds an operation may run (queryLimits); tests shorten it. */
  executionDeadlineMs: number;
  metricsToken: string | null;
  backupDir: string;
  /** Whether this instance runs the scheduled jobs (under a lease, so one instance at a time). */
  jobs: boolean;
  /** OpenTelemetry tracing (telemetry.ts), or null: off unless an exporter or an OTLP endpoint is configured. */
  tracing: { serviceName: string } | null;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * The configuration of a command started from a shell (server, seed, jobs): ./.env is read first, as
 * .env.example promises, and a variable that the environment already sets wins over the file.
 */
export function loadCommandConfig(envFile = '.env'): Config {
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  return loadConfig();
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n- ${problems.join('\n- ')}`);
  }
  const e = parsed.data;
  if (e.NEO4J_URI && !e.NEO4J_PASSWORD) throw new ConfigError('Invalid configuration:\n- NEO4J_PASSWORD: required with NEO4J_URI');
  const store: StoreConfig = e.NEO4J_URI
    ? {
        kind: 'neo4j',
        uri: e.NEO4J_URI,
        username: e.NEO4J_USERNAME,
        password: e.NEO4J_PASSWORD!,
        database: e.NEO4J_DATABASE,
        maxPoolSize: e.NEO4J_MAX_POOL_SIZE,
        acquisitionTimeoutMs: e.NEO4J_ACQUISITION_TIMEOUT_MS,
        transactionTimeoutMs: e.NEO4J_TRANSACTION_TIMEOUT_MS,
      }
    : { kind: 'grafeo', dataDir: resolve(e.KETENKAART_DATA_DIR) };
  return {
    mode: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    store,
    cypherLogPath: e.KETENKAART_CYPHER_LOG ? resolve(e.KETENKAART_CYPHER_LOG) : undefined,
    seedFamilies: e.KETENKAART_SEED_FAMILIES,
    introspection: e.KETENKAART_INTROSPECTION ? e.KETENKAART_INTROSPECTION === 'on' : e.NODE_ENV !== 'production',
    accessLogRetentionYears: e.KETENKAART_ACCESS_LOG_RETENTION_YEARS,
    shelterAccessDays: e.KETENKAART_SHELTER_ACCESS_DAYS,
    webDistDir: resolve(new URL('../../web/dist', import.meta.url).pathname),
    executionDeadlineMs: queryLimits.executionDeadlineMs,
    trustedProxies: e.KETENKAART_TRUSTED_PROXIES,
    metricsToken: e.KETENKAART_METRICS_TOKEN ?? null,
    backupDir: resolve(e.KETENKAART_BACKUP_DIR),
    jobs: e.KETENKAART_JOBS === 'on',
    tracing: tracingWanted(e) ? { serviceName: e.OTEL_SERVICE_NAME } : null,
  };
}

/**
 * Off by default, unlike the SDK's own default (an OTLP exporter to localhost): tracing starts when
 * OTEL_TRACES_EXPORTER names an exporter or an OTLP endpoint is set, and OTEL_SDK_DISABLED=true wins over both.
 */
function tracingWanted(e: z.infer<typeof Env>): boolean {
  if (e.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return false;
  const exporters = (e.OTEL_TRACES_EXPORTER ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  if (exporters.length > 0) return !exporters.includes('none');
  return Boolean(e.OTEL_EXPORTER_OTLP_ENDPOINT || e.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
}
