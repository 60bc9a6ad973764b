// A request's loaders are built at their first use (most requests use a few of them): each one must still be one
// instance for the whole request, so that what one resolver primed or loaded another finds without a statement, and
// never shared between requests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countingExecutor, createRepositories, type CypherExecutor } from '@ketenkaart/api';
import { seedReferenceData } from '@ketenkaart/seed';
import { createLoaders } from '../../api/src/loaders.js';
import { referenceStampIn } from '../../api/src/repositories/reference-cache.js';
import { openTestStore } from '../support/store.js';

describe('request loaders', () => {
  let store: CypherExecutor;
  let counted: ReturnType<typeof countingExecutor>;

  beforeAll(async () => {
    store = await openTestStore();
    await seedReferenceData(store);
    counted = countingExecutor(store);
  });
  afterAll(() => store.close());

  it('keeps one loader of each kind per request, so a primed record is read without a statement', async () => {
    const repos = createRepositories(counted);
    const loaders = createLoaders(repos);
    expect(loaders.household).toBe(loaders.household);
    expect(loaders.shelterRecords).toBe(loaders.shelterRecords);
    const primed = { id: 'hh_primed' } as Parameters<typeof loaders.household.prime>[1];
    loaders.household.prime('hh_primed', primed);
    counted.reset();
    expect(await loaders.household.load('hh_primed')).toBe(primed);
    expect(counted.count()).toBe(0);

    const [oss] = await loaders.centrumgemeente.loadMany(['oss']);
    expect(oss).toMatchObject({ id: 'oss' });
    counted.reset();
    expect(await loaders.centrumgemeente.load('oss')).toBe(oss);
    expect(counted.count()).toBe(0);
  });

  it("answers reference rows kept under the request's stamp at once, and reads them again under another stamp", async () => {
    const repos = createRepositories(counted);
    const stamp = await store.read(referenceStampIn);
    const warm = createLoaders(repos, stamp);
    const cityModels = await warm.chainModelsByCity.load('amsterdam');
    const stages = await warm.stagesByChainModel.load(cityModels[0]!.id);
    const holderId = stages.find((stage) => stage.regieAgencyId !== null)!.regieAgencyId!;
    const holder = await warm.agency.load(holderId);

    const next = createLoaders(repos, stamp);
    let batchCouldRun = false;
    setImmediate(() => (batchCouldRun = true));
    counted.reset();
    const [models, stagesAgain, holderAgain] = await Promise.all([
      next.chainModelsByCity.load('amsterdam'),
      next.stagesByChainModel.load(cityModels[0]!.id),
      next.agency.load(holderId),
    ]);
    // A batch waits for setImmediate (loaders.ts); kept rows are answered before it, without a statement.
    expect(batchCouldRun).toBe(false);
    expect(counted.count()).toBe(0);
    expect([models, stagesAgain, holderAgain]).toEqual([cityModels, stages, holder]);
    // Each request gets a list of its own, as from a batch, with the same shared rows in it.
    expect(models).not.toBe(cityModels);
    expect(models[0]).toBe(cityModels[0]);

    counted.reset();
    expect(await createLoaders(repos, 'another stamp').agency.load(holderId)).toEqual(holder);
    expect(counted.count()).toBe(1);
  });

  it('gives every request loaders of its own', () => {
    const repos = createRepositories(store);
    const first = createLoaders(repos);
    const second = createLoaders(repos);
    expect(first.household).not.toBe(second.household);
  });
});
