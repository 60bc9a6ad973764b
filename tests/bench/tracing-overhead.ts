// What tracing costs on the statement path (npx tsx tests/bench/tracing-overhead.ts): the wrapper around each
// statement with tracing off (the default) against no wrapper at all, and a real statement with tracing off and on.
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace';
import { z } from 'zod';
import { createExecutor, cypher, migrate, startTracing, statement, traceStatement } from '@ketenkaart/api';

const CALLS = 2_000_000;
const STATEMENTS = 20_000;
const rows: Record<string, unknown>[] = [];
const raw = () => Promise.resolve(rows);

async function nanosPerCall(calls: number, call: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < calls / 10; i++) await call(); // warm-up
  const start = process.hrtime.bigint();
  for (let i = 0; i < calls; i++) await call();
  return Number(process.hrtime.bigint() - start) / calls;
}

const bare = await nanosPerCall(CALLS, raw);
const wrappedOff = await nanosPerCall(CALLS, () => traceStatement('benchStatement', raw));

const executor = createExecutor({ kind: 'grafeo', dataDir: null });
await migrate(executor);
const version = statement(
  'benchSchemaVersion',
  cypher`MATCH (v:SchemaVersion) RETURN v.version AS version`,
  z.object({ version: z.number() }),
);
const oneStatement = () => executor.read((tx) => tx.run(version));
const realOff = await nanosPerCall(STATEMENTS, oneStatement);
const exporter = new InMemorySpanExporter();
const stop = await startTracing({ serviceName: 'bench', spanProcessors: [new SimpleSpanProcessor({ exporter })] });
let recorded = 0;
const realOn = await nanosPerCall(STATEMENTS, async () => {
  await oneStatement();
  if (++recorded % 1000 === 0) exporter.reset();
});
await stop();
await executor.close();

const ns = (value: number) => `${value.toFixed(0)} ns`;
console.log(`promise returned directly (no wrapper):   ${ns(bare)} per call`);
console.log(`traceStatement with tracing off:          ${ns(wrappedOff)} per call (+${ns(wrappedOff - bare)})`);
console.log(`one real statement, tracing off:          ${(realOff / 1000).toFixed(1)} µs`);
console.log(`one real statement, tracing on (SDK):     ${(realOn / 1000).toFixed(1)} µs (+${((realOn - realOff) / 1000).toFixed(1)} µs)`);
