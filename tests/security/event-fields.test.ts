// Every field of a household event checks need-to-know itself (Household.ts, eventField), as a type scope did before:
// read here through the real schema's own resolvers and a real request context, as a path that forgot to decide on
// the event's household would reach them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isObjectType, type GraphQLField, type GraphQLResolveInfo } from 'graphql';
import { createGapService, createLogger, createRepositories, type App, type CypherExecutor } from '@ketenkaart/api';
import { seedReferenceData } from '@ketenkaart/seed';
import type { EventRecord } from '@ketenkaart/schema';
import { createLimits } from '../../api/src/access/rate-limiter.js';
import { createContext, lookUpSession, type Context } from '../../api/src/context.js';
import { EVENT_REFUSED } from '../../api/src/graphql/households/Household.js';
import { schema } from '../../api/src/graphql/schema.js';
import { signIn, type SignedIn } from '../support/accounts.js';
import { RECORD_EVENT, REGISTER, householdInput } from '../support/operations.js';
import { gql, openTestStore, testApp } from '../support/store.js';

describe('fields of a household event', () => {
  let executor: CypherExecutor;
  let app: App;
  let repos: ReturnType<typeof createRepositories>;
  let amsterdam: SignedIn;
  let utrecht: SignedIn;
  let householdId: string;
  let event: EventRecord;
  const eventType = schema.getType('HouseholdEvent');
  if (!isObjectType(eventType)) throw new Error('HouseholdEvent is not an object type');
  const fields = Object.values(eventType.getFields()) as GraphQLField<EventRecord, Context>[];
  let requests = 0;

  /** A request's context as the app builds it, for the viewer the headers name. */
  async function contextOf(viewer: SignedIn): Promise<Context> {
    requests += 1;
    const request = new Request('http://test/graphql', { method: 'POST', headers: viewer.headers });
    const shared = {
      repos,
      gaps: createGapService(repos),
      logger: createLogger('silent'),
      limits: createLimits(executor),
      secureCookies: false,
      now: () => new Date(),
      policy: { shelterAccessDays: 90 },
    };
    const session = lookUpSession(request, repos);
    return createContext({ shared, request, session, clientAddress: '127.0.0.1', cookies: [], requestId: `event-fields-${requests}` });
  }

  const read = (field: GraphQLField<EventRecord, Context>, ctx: Context) =>
    Promise.resolve().then(() => {
      if (!field.resolve) throw new Error(`${field.name} has no resolver of its own, so it checks nothing`);
      return field.resolve(event, {}, ctx, {} as GraphQLResolveInfo);
    });

  beforeAll(async () => {
    executor = await openTestStore();
    await seedReferenceData(executor);
    app = testApp(executor);
    repos = createRepositories(executor);
    amsterdam = await signIn(app, executor, 'COORDINATOR', { centrumgemeenteId: 'amsterdam' });
    utrecht = await signIn(app, executor, 'COORDINATOR', { centrumgemeenteId: 'utrecht' });
    const registered = await gql(app, REGISTER, { input: householdInput({ reference: 'AMS-EVENT-FIELDS' }) }, amsterdam.headers);
    householdId = registered.data.registerHousehold.id;
    const recorded = await gql(
      app,
      RECORD_EVENT,
      { input: { householdId, kind: 'SHELTER_APPLICATION', occurredOn: '2024-03-01', facilityId: 'ams-alexandria' } },
      amsterdam.headers,
    );
    const recordedId: string = recorded.data.recordEvent.id;
    event = (await repos.events.eventsByHousehold([householdId])).find((e) => e.id === recordedId)!;
    expect(event).toMatchObject({ id: recordedId, householdId });
  });

  afterAll(async () => {
    await executor.close();
  });

  it('refuses each field to a viewer who may not see the household, deciding and logging it once per request', async () => {
    expect(fields.length).toBeGreaterThan(20);
    const ctx = await contextOf(utrecht);
    // No path decided on the household: the first field has it decided, the others find the decision made.
    expect(ctx.access.decided(householdId)).toBeUndefined();
    for (const field of fields) await expect(read(field, ctx), field.name).rejects.toThrow(EVENT_REFUSED);
    expect(ctx.access.decided(householdId)).toMatchObject({ allowed: false });
    await ctx.access.flush();
    const logged = (await repos.access.log({ householdId }, 100, null)).filter((entry) => entry.requestId === ctx.requestId);
    expect(logged).toEqual([expect.objectContaining({ action: 'READ', outcome: 'REFUSED', accountId: utrecht.accountId })]);
  });

  it('answers each field to a viewer who may see the household', async () => {
    const ctx = await contextOf(amsterdam);
    const answers = Object.fromEntries(await Promise.all(fields.map(async (field) => [field.name, await read(field, ctx)] as const)));
    expect(answers).toMatchObject({ id: event.id, kind: 'SHELTER_APPLICATION', occurredOn: '2024-03-01', synthetic: false });
    expect(answers.facility).toMatchObject({ id: 'ams-alexandria' });
    expect(ctx.access.decided(householdId)).toMatchObject({ allowed: true });
  });
});
