// The reference cache with several API instances on one store: each app keeps the reference data it read, and a
// reference write by any process on the store (here the seed's repositories, as a seed run beside the servers) is
// seen by every app at its next request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_SOURCE_DOCUMENT, type Provenance } from '@ketenkaart/schema';
import { countingExecutor, createRepositories, type CypherExecutor, type ReferenceGraph } from '@ketenkaart/api';
import { citiesToGraph, readCitiesJson } from '@ketenkaart/seed';
import { gql, openTestStore, testApp } from '../support/store.js';

const REFERENCE_QUERY = 'query { centrumgemeenten { id name chainModel { stages { order regieHolder { id name } } } } }';

const provenance: Provenance = {
  provenanceKind: 'SOURCE_DOCUMENT',
  sourceDocument: SEED_SOURCE_DOCUMENT,
  sourceLines: null,
  reportingAgencyId: null,
  recordedAt: '2026-11-29T10:00:00.000Z',
  recordedBy: 'test:reference-cache',
};

interface City {
  id: string;
  name: string;
  chainModel: { stages: { order: number; regieHolder: { id: string; name: string } | null }[] } | null;
}

describe('reference cache over two instances on one store', () => {
  let executor: CypherExecutor;
  let counted: ReturnType<typeof countingExecutor>;
  let graph: ReferenceGraph;
  const write = (changed: ReferenceGraph) => createRepositories(executor).reference.upsertAll(changed, provenance);

  beforeAll(async () => {
    executor = await openTestStore();
    graph = citiesToGraph(readCitiesJson());
    await write(graph);
    counted = countingExecutor(executor);
  });
  afterAll(() => executor.close());

  const cities = async (app: ReturnType<typeof testApp>) => {
    const { data, errors } = await gql<{ centrumgemeenten: City[] }>(app, REFERENCE_QUERY);
    expect(errors).toBeUndefined();
    return data!.centrumgemeenten;
  };
  const amsterdam = (list: City[]) => list.find((city) => city.id === 'amsterdam')!;

  it('answers a repeated reference read from memory after one stamp read, with the same answer', async () => {
    const app = testApp(counted);
    counted.reset();
    const first = await cities(app);
    const cold = counted.count();
    counted.reset();
    const second = await cities(app);
    expect(second).toEqual(first);
    // Cold: the stamp and a statement per level. Warm: the stamp alone.
    expect(cold).toBeGreaterThan(1);
    expect(counted.count()).toBe(1);
  });

  it('shows a reference write to every app on the store at its next request, whoever wrote it', async () => {
    const first = testApp(counted);
    const second = testApp(counted);
    const before = amsterdam(await cities(first));
    expect(amsterdam(await cities(second))).toEqual(before);

    // A new name for the city and another regie holder at one of its stages, written beside the two apps.
    const model = graph.chainModels.find((m) => m.centrumgemeenteId === 'amsterdam')!;
    const stage = graph.chainStages.find((s) => s.chainModelId === model.id && s.regieAgencyId !== null)!;
    const holder = graph.agencies.find((a) => a.centrumgemeenteId === 'amsterdam' && a.id !== stage.regieAgencyId)!;
    await write({
      ...graph,
      centrumgemeenten: graph.centrumgemeenten.map((c) => (c.id === 'amsterdam' ? { ...c, name: 'Amsterdam (herzien)' } : c)),
      chainStages: graph.chainStages.map((s) => (s.id === stage.id ? { ...s, regieAgencyId: holder.id } : s)),
    });

    for (const app of [first, second]) {
      const after = amsterdam(await cities(app));
      expect(after.name).toBe('Amsterdam (herzien)');
      expect(after.chainModel!.stages.find((s) => s.order === stage.order)!.regieHolder).toEqual({ id: holder.id, name: holder.name });
    }
    // And back: a second write is seen as well, by an app that has cached the first.
    await write(graph);
    expect(amsterdam(await cities(first))).toEqual(before);
    expect(amsterdam(await cities(second))).toEqual(before);
  });

  it('keeps only what exists: an unknown id is asked of the store each time', async () => {
    const app = testApp(counted);
    const query = 'query($id: ID!) { centrumgemeente(id: $id) { id name } }';
    const statementsFor = async (id: string) => {
      counted.reset();
      await gql(app, query, { id });
      return counted.count();
    };
    expect((await gql(app, query, { id: 'nergenshuizen' })).data).toEqual({ centrumgemeente: null });
    // The stamp and the lookup, again and again: a caller cannot fill the memory with made-up ids.
    expect(await statementsFor('nergenshuizen')).toBe(2);
    expect(await statementsFor('nergenshuizen')).toBe(2);
    await statementsFor('oss');
    expect(await statementsFor('oss')).toBe(1);
  });
});
