// How many read transactions a request opens: on the embedded store each transaction's end runs on the server's one
// thread, so a signed-in request reads its session and the reference stamp in one statement run alone (no transaction
// to end), and a trajectory reads the household's access facts and its four kinds of facts side by side in one. What it reads stays the same: the
// reference write committed before the request is seen, the trajectory holds every fact, and a refused household's
// facts never reach the answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_SOURCE_DOCUMENT } from '@ketenkaart/schema';
import { createRepositories, type App, type CypherExecutor } from '@ketenkaart/api';
import { citiesToGraph, readCitiesJson, seedReferenceData } from '@ketenkaart/seed';
import { signIn, type SignedIn } from '../support/accounts.js';
import { RECORD_EVENT, REGISTER, SEND_REFERRAL, TRAJECTORY, householdInput } from '../support/operations.js';
import { gql, openTestStore, testApp } from '../support/store.js';

/**
 * The executor, counting the read and write transactions begun through it and the read statements run alone, and
 * naming the statements read.
 */
function countingTransactions(inner: CypherExecutor) {
  const begun = { reads: 0, alone: 0, writes: 0 };
  const statementsRead: string[] = [];
  const executor: CypherExecutor = {
    ...inner,
    readStatement: (statement, params) => {
      begun.alone += 1;
      statementsRead.push(statement.name);
      return inner.readStatement(statement, params);
    },
    read: (work) => {
      begun.reads += 1;
      return inner.read((tx) =>
        work({
          run: (statement, params) => {
            statementsRead.push(statement.name);
            return tx.run(statement, params);
          },
        }),
      );
    },
    write: (work) => {
      begun.writes += 1;
      return inner.write(work);
    },
  };
  return {
    executor,
    begun,
    statementsRead,
    reset: () => {
      Object.assign(begun, { reads: 0, alone: 0, writes: 0 });
      statementsRead.length = 0;
    },
  };
}

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
const CITIES = 'query { centrumgemeenten { id name } }';

describe('read transactions per request', () => {
  let store: CypherExecutor;
  let counted: ReturnType<typeof countingTransactions>;
  let app: App;
  let coordinator: SignedIn;
  let utrecht: SignedIn;

  beforeAll(async () => {
    store = await openTestStore();
    await seedReferenceData(store);
    counted = countingTransactions(store);
    app = testApp(counted.executor);
    coordinator = await signIn(app, store, 'COORDINATOR', { centrumgemeenteId: 'amsterdam' });
    utrecht = await signIn(app, store, 'COORDINATOR', { centrumgemeenteId: 'utrecht' });
  });
  afterAll(() => store.close());

  it('reads the session and the reference stamp in one statement, and still sees a reference write made just before', async () => {
    await gql(app, CITIES, {}, coordinator.headers);
    counted.reset();
    const warm = await gql<{ centrumgemeenten: { id: string; name: string }[] }>(app, CITIES, {}, coordinator.headers);
    expect(warm.errors).toBeUndefined();
    expect(counted.begun).toEqual({ reads: 0, alone: 1, writes: 0 });
    expect(counted.statementsRead).toEqual(['sessionWithReferenceStamp']);

    // A reference write beside the app (as a seed run would): the next signed-in request shows it.
    const graph = citiesToGraph(readCitiesJson());
    const write = (names: Record<string, string>) =>
      createRepositories(store).reference.upsertAll(
        { ...graph, centrumgemeenten: graph.centrumgemeenten.map((c) => ({ ...c, name: names[c.id] ?? c.name })) },
        {
          provenanceKind: 'SOURCE_DOCUMENT',
          sourceDocument: SEED_SOURCE_DOCUMENT,
          sourceLines: null,
          reportingAgencyId: null,
          recordedAt: '2026-11-29T10:00:00.000Z',
          recordedBy: 'test:request-transactions',
        },
      );
    await write({ oss: 'Oss (herzien)' });
    const after = await gql<{ centrumgemeenten: { id: string; name: string }[] }>(app, CITIES, {}, coordinator.headers);
    expect(after.data!.centrumgemeenten.find((c) => c.id === 'oss')!.name).toBe('Oss (herzien)');
    await write({});
    const back = await gql<{ centrumgemeenten: { id: string; name: string }[] }>(app, CITIES, {}, coordinator.headers);
    expect(back.data!.centrumgemeenten.find((c) => c.id === 'oss')!.name).toBe(graph.centrumgemeenten.find((c) => c.id === 'oss')!.name);
  });

  it('reads a trajectory in one read transaction, the access facts beside the household facts, after the session alone', async () => {
    const registered = await gql(app, REGISTER, { input: householdInput() }, coordinator.headers);
    const householdId = registered.data.registerHousehold.id as string;
    const signal = await gql(
      app,
      RECORD_EVENT,
      {
        input: { householdId, kind: 'EARLY_WARNING_SIGNAL', occurredOn: daysAgo(30), agencyId: 'ams-woningcorporaties', arrearsMonths: 2 },
      },
      coordinator.headers,
    );
    const referral = await gql(
      app,
      SEND_REFERRAL,
      { input: { householdId, fromAgencyId: 'ams-ggd-vangnet-advies', toAgencyId: 'ams-som', purpose: 'schulden', sentOn: daysAgo(20) } },
      coordinator.headers,
    );
    expect(referral.data.sendReferral.__typename).toBe('Referral');

    await gql(app, TRAJECTORY, { id: householdId }, coordinator.headers);
    counted.reset();
    const { data, errors } = await gql(app, TRAJECTORY, { id: householdId }, coordinator.headers);
    expect(errors).toBeUndefined();
    expect(counted.begun).toMatchObject({ reads: 1, alone: 1 });
    expect(counted.statementsRead[0]).toBe('sessionWithReferenceStamp');
    expect(counted.statementsRead.filter((name) => name === 'eventsByHousehold')).toHaveLength(1);
    const trajectory = data.household.trajectory;
    expect(trajectory.steps.map((s: { event: { id: string } }) => s.event.id)).toContain(signal.data.recordEvent.id);
    expect(
      trajectory.nodes.some((n: { kind: string; refId: string }) => n.kind === 'REFERRAL' && n.refId === referral.data.sendReferral.id),
    ).toBe(true);

    // Refused: the facts read beside the decision are dropped, and no later read fetches them.
    counted.reset();
    const refused = await gql(app, TRAJECTORY, { id: householdId }, utrecht.headers);
    expect(refused.data.household.__typename).toBe('ForbiddenError');
    expect(JSON.stringify(refused.data)).not.toContain(signal.data.recordEvent.id);
    expect(counted.begun).toMatchObject({ reads: 1, alone: 1 });

    // Asked for under an alias in a named fragment, the trajectory is read with the decision all the same.
    const aliased = `query($id: ID!) { household(id: $id) { ...Trace } }
      fragment Trace on Household { path: trajectory { steps { event { id } } } }`;
    counted.reset();
    const viaFragment = await gql(app, aliased, { id: householdId }, coordinator.headers);
    expect(viaFragment.errors).toBeUndefined();
    expect(viaFragment.data.household.path.steps.map((s: { event: { id: string } }) => s.event.id)).toContain(signal.data.recordEvent.id);
    expect(counted.begun).toMatchObject({ reads: 1, alone: 1 });

    // A page without the trajectory reads no trajectory facts: the summary's reads are its own.
    counted.reset();
    const summary = await gql(
      app,
      `query($id: ID!) { household(id: $id) { ... on Household { id reference } } }`,
      { id: householdId },
      coordinator.headers,
    );
    expect(summary.data.household.id).toBe(householdId);
    expect(counted.begun).toMatchObject({ reads: 1, alone: 1 });
    expect(counted.statementsRead).not.toContain('eventsByHousehold');
  });
});
