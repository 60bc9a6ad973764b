// What a request-rate counter in the store would cost (npx tsx tests/bench/rate-limit-cost.ts), against the
// in-memory counter the API keeps per instance: why only the sign-in throttle keeps its counters in the store.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { createApp, createExecutor, createLogger, cypher, loadConfig, migrate, statement } from '@ketenkaart/api';
import { seedReferenceData } from '@ketenkaart/seed';
import { signIn } from '../support/accounts.js';

// The counter a shared request limit needs: one node per key and window, locked, then incremented.
const hitCounter = statement(
  'benchHitRequestCounter',
  cypher`
MERGE (c:SignInCounter {key: $key})
ON CREATE SET c.expiresAtMs = $nowMs
WITH c
SET c._lock = true
WITH c
REMOVE c._lock
SET c.hits = coalesce(c.hits, 0) + 1
RETURN c.hits AS hits`,
  z.object({ hits: z.number().int() }),
);

const dataDir = mkdtempSync(join(tmpdir(), 'ketenkaart-rate-bench-'));
const config = { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), store: { kind: 'grafeo' as const, dataDir } };
const executor = createExecutor(config.store);
await migrate(executor);
await seedReferenceData(executor);
const app = createApp({ config, executor, logger: createLogger('silent') });
const viewer = await signIn(app, executor, 'COORDINATOR', { centrumgemeenteId: 'amsterdam' });
const request = () =>
  app
    .fetch(
      new Request('http://ketenkaart.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...viewer.headers },
        body: JSON.stringify({ query: '{ viewer { username } }' }),
      }),
    )
    .then((response) => response.text());
const hit = () =>
  executor.write((tx) => tx.run(hitCounter, { key: `requests:${viewer.accountId}:${Math.floor(Date.now() / 60_000)}`, nowMs: Date.now() }));

async function microsPer(count: number, work: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < count / 10; i++) await work();
  const start = process.hrtime.bigint();
  for (let i = 0; i < count; i++) await work();
  return Number(process.hrtime.bigint() - start) / count / 1000;
}

/** Requests a second with `parallel` clients, each request alone or followed by a counter hit in the store. */
async function throughput(parallel: number, perClient: number, withHit: boolean): Promise<number> {
  const start = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      for (let i = 0; i < perClient; i++) {
        if (withHit) await hit();
        await request();
      }
    }),
  );
  return (parallel * perClient) / (Number(process.hrtime.bigint() - start) / 1e9);
}

const memory = new Map<string, number>();
const inMemory = await microsPer(200_000, async () => memory.set(viewer.accountId, (memory.get(viewer.accountId) ?? 0) + 1));
const storeHit = await microsPer(2_000, hit);
const viewerRequest = await microsPer(2_000, request);
const alone = await throughput(8, 200, false);
const withCounter = await throughput(8, 200, true);
await executor.close();
rmSync(dataDir, { recursive: true, force: true });

console.log(`in-memory counter hit:                     ${inMemory.toFixed(2)} µs`);
console.log(`counter hit in the store (write tx, disk): ${storeHit.toFixed(0)} µs`);
console.log(`smallest GraphQL request (viewer):         ${viewerRequest.toFixed(0)} µs`);
console.log(`8 clients, viewer requests:                ${alone.toFixed(0)} requests/s`);
console.log(
  `8 clients, each with a store counter hit:  ${withCounter.toFixed(0)} requests/s (${((withCounter / alone - 1) * 100).toFixed(0)}%)`,
);
