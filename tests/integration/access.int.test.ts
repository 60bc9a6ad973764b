// Need-to-know per role, consent expiry and withdrawal, explanations, the access log, sign-in back-off and CSRF.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSchema, getNamedType, isObjectType, isUnionType, type GraphQLNamedType } from 'graphql';
import { cypher, printedSchema, statement, type App, type CypherExecutor } from '@ketenkaart/api';
import { z } from 'zod';
import { seedReferenceData } from '@ketenkaart/seed';
import { LOGIN, signIn, TEST_PASSWORD, type SignedIn } from '../support/accounts.js';
import { RECORD_EVENT, REGISTER, SEND_REFERRAL, TAKE_REGIE, householdInput } from '../support/operations.js';
import { gql, openTestStore, testApp } from '../support/store.js';

const consentsOf = statement(
  'testConsentsOfHousehold',
  cypher`
MATCH (c:Consent)-[:CONSENT_FOR]->(h:Household {id: $id})
RETURN count(c) AS n`,
  z.object({ n: z.number().int() }),
);

/** Types that carry data about a household or its members. */
const PERSONAL_TYPES = new Set([
  'Household',
  'HouseholdMember',
  'HouseholdEvent',
  'Referral',
  'RegieAssignment',
  'Trajectory',
  'TrajectoryStep',
  'ConsentRecord',
  'AccessLogEntry',
  'AccessLogPage',
  'GapFinding',
  'BreakGlassUse',
]);

/** A selection of every field of a type, nested to a depth: the matrix reads every personal field there is. */
function fullSelection(schema: ReturnType<typeof buildSchema>, type: GraphQLNamedType, depth: number): string {
  if (isUnionType(type)) {
    return `{ __typename ${type
      .getTypes()
      .map((member) => `... on ${member.name} ${fullSelection(schema, member, depth)}`)
      .join(' ')} }`;
  }
  if (!isObjectType(type)) return '';
  const fields = Object.values(type.getFields()).flatMap((field) => {
    if (field.args.some((arg) => arg.type.toString().endsWith('!'))) return [];
    const named = getNamedType(field.type);
    // Personal types are read in full; reference types (agencies, facilities) only with their own scalars.
    const nextDepth = PERSONAL_TYPES.has(named.name) || isUnionType(named) ? depth - 1 : 0;
    if (isObjectType(named) || isUnionType(named)) return depth > 0 ? [`${field.name} ${fullSelection(schema, named, nextDepth)}`] : [];
    return [field.name];
  });
  return `{ __typename ${fields.join(' ')} }`;
}

describe('access control', () => {
  let executor: CypherExecutor;
  let app: App;
  let householdId: string;
  let otherRegionHousehold: string;
  const who: Record<string, SignedIn | null> = {};
  const schema = buildSchema(printedSchema());
  const HOUSEHOLD_FULL = `query($id: ID!) { household(id: $id) ${fullSelection(schema, schema.getType('QueryHouseholdResult')!, 3)} }`;

  beforeAll(async () => {
    executor = await openTestStore();
    await seedReferenceData(executor);
    app = testApp(executor);
    who.anonymous = null;
    who.coordinator = await signIn(app, executor, 'COORDINATOR', { centrumgemeenteId: 'amsterdam' });
    who.otherCoordinator = await signIn(app, executor, 'COORDINATOR', { centrumgemeenteId: 'utrecht' });
    who.relatedWorker = await signIn(app, executor, 'AGENCY_WORKER', { agencyId: 'ams-som' });
    who.unrelatedWorker = await signIn(app, executor, 'AGENCY_WORKER', { agencyId: 'ams-politie' });
    who.unconsentedWorker = await signIn(app, executor, 'AGENCY_WORKER', { agencyId: 'ams-bureau-jeugdzorg' });
    who.shelter = await signIn(app, executor, 'SHELTER_STAFF', { agencyId: 'ams-hvo-querido' });
    who.otherShelter = await signIn(app, executor, 'SHELTER_STAFF', { agencyId: 'ams-leger-des-heils' });
    who.policy = await signIn(app, executor, 'POLICY_MAKER');
    who.admin = await signIn(app, executor, 'ADMIN');

    const registered = await gql(app, REGISTER, { input: householdInput({ reference: 'AMS-ACCESS-1' }) }, who.coordinator.headers);
    householdId = registered.data.registerHousehold.id;
    await gql(app, TAKE_REGIE, { householdId, stage: 'REPORTED', agencyId: 'ams-som', from: '2024-02-01' }, who.coordinator.headers);
    // Bureau Jeugdzorg gets a referral (a care relation) but the consent does not name it.
    await gql(
      app,
      SEND_REFERRAL,
      { input: { householdId, toAgencyId: 'ams-bureau-jeugdzorg', purpose: 'Jeugdhulp', sentOn: '2024-02-05' } },
      who.relatedWorker.headers,
    );
    await gql(
      app,
      RECORD_EVENT,
      { input: { householdId, kind: 'SHELTER_APPLICATION', occurredOn: '2024-03-01', facilityId: 'ams-alexandria' } },
      who.coordinator.headers,
    );
    const utrecht = await gql(
      app,
      REGISTER,
      { input: householdInput({ reference: 'UTR-ACCESS-1', centrumgemeenteId: 'utrecht', consent: null }) },
      who.otherCoordinator.headers,
    );
    otherRegionHousehold = utrecht.data.registerHousehold.id;
  });
  afterAll(() => executor.close());

  const matrix: [string, 'allowed' | 'refused', RegExp | null][] = [
    ['anonymous', 'refused', /sign in/],
    ['coordinator', 'allowed', null],
    ['otherCoordinator', 'refused', /outside your region/],
    ['relatedWorker', 'allowed', null],
    ['unrelatedWorker', 'refused', /no active care relation/],
    ['unconsentedWorker', 'refused', /no consent or legal ground naming agency ams-bureau-jeugdzorg/],
    ['shelter', 'allowed', null],
    ['otherShelter', 'refused', /no application/],
    ['policy', 'refused', /aggregates only/],
    ['admin', 'refused', /not households/],
  ];

  it.each(matrix)('%s reading every personal field of a household: %s', async (role, outcome, reason) => {
    const { data, errors } = await gql(app, HOUSEHOLD_FULL, { id: householdId }, who[role]?.headers ?? {});
    expect(errors, JSON.stringify(errors)).toBeUndefined();
    if (outcome === 'allowed') {
      expect(data.household.__typename).toBe('Household');
      expect(data.household.members.length).toBeGreaterThan(0);
      expect(data.household.trajectory.steps.length).toBeGreaterThan(0);
    } else {
      expect(data.household).toMatchObject({ __typename: 'ForbiddenError' });
      expect(data.household.message).toMatch(reason!);
      expect(JSON.stringify(data)).not.toContain('ouder 1');
    }
  });

  it('lists for each role exactly the households it may see', async () => {
    const LIST = `{ households(first: 50) { edges { node { id reference } } } }`;
    const listed = async (role: string) => {
      const { data, errors } = await gql(app, LIST, {}, who[role]?.headers ?? {});
      return errors ? 'refused' : data.households.edges.map((e: any) => e.node.id).sort();
    };
    expect(await listed('coordinator')).toEqual([householdId]);
    expect(await listed('otherCoordinator')).toEqual([otherRegionHousehold]);
    expect(await listed('relatedWorker')).toEqual([householdId]);
    expect(await listed('unconsentedWorker')).toEqual([]);
    expect(await listed('shelter')).toEqual([householdId]);
    expect(await listed('otherShelter')).toEqual([]);
    expect(await listed('policy')).toBe('refused');
    expect(await listed('anonymous')).toBe('refused');
  });

  it('gives a policy maker no path to a household or person anywhere in the schema', async () => {
    const queryType = schema.getQueryType()!;
    const reaches = (type: GraphQLNamedType, seen = new Set<string>()): boolean => {
      if (PERSONAL_TYPES.has(type.name)) return true;
      if (seen.has(type.name)) return false;
      seen.add(type.name);
      if (isUnionType(type)) return type.getTypes().some((member) => reaches(member, seen));
      if (!isObjectType(type)) return false;
      return Object.values(type.getFields()).some((field) => reaches(getNamedType(field.type), seen));
    };
    const entryPoints = Object.values(queryType.getFields()).filter((field) => reaches(getNamedType(field.type)));
    expect(entryPoints.map((f) => f.name).sort()).toEqual([
      'accessLog',
      'breakGlassUses',
      'gaps',
      'household',
      'householdAccessLog',
      'households',
      'worklist',
    ]);
    for (const field of entryPoints) {
      const args = field.args
        .filter((a) => a.type.toString().endsWith('!'))
        .map((a) => `${a.name}: "${householdId}"`)
        .join(', ');
      const query = `{ ${field.name}${args ? `(${args})` : ''} ${fullSelection(schema, getNamedType(field.type), 3)} }`;
      const { data } = await gql(app, query, {}, who.policy!.headers);
      const value = data?.[field.name];
      expect(
        value === null || value === undefined || value.__typename === 'ForbiddenError',
        `${field.name}: ${JSON.stringify(value)}`,
      ).toBe(true);
    }
  });

  it('explains a decision: the path that allows it, or the missing condition', async () => {
    const EXPLAIN = `query($id: ID!) { householdAccess(id: $id) { allowed basis missing breakGlass } }`;
    const allowed = (await gql(app, EXPLAIN, { id: householdId }, who.relatedWorker!.headers)).data.householdAccess;
    expect(allowed).toMatchObject({ allowed: true, missing: null, breakGlass: false });
    expect(allowed.basis).toMatch(/under consent con_\w+/);
    const refused = (await gql(app, EXPLAIN, { id: householdId }, who.unconsentedWorker!.headers)).data.householdAccess;
    expect(refused).toMatchObject({
      allowed: false,
      basis: null,
      missing: 'no consent or legal ground naming agency ams-bureau-jeugdzorg',
    });
  });

  it('opens a household to the agency a legal ground names, and to no other, with every read logged', async () => {
    const registered = await gql(app, REGISTER, { input: householdInput({ reference: 'AMS-ACCESS-GROUND' }) }, who.coordinator!.headers);
    const id = registered.data.registerHousehold.id;
    await gql(app, TAKE_REGIE, { householdId: id, stage: 'REPORTED', agencyId: 'ams-som', from: '2024-02-01' }, who.coordinator!.headers);
    await gql(
      app,
      SEND_REFERRAL,
      { input: { householdId: id, toAgencyId: 'ams-bureau-jeugdzorg', purpose: 'Jeugdhulp', sentOn: '2024-02-05' } },
      who.relatedWorker!.headers,
    );
    const READ = `query($id: ID!) { household(id: $id) { __typename ... on Household { reference } } }`;
    const GROUND = `mutation($id: ID!, $basis: String!, $agencyIds: [ID!]!) { recordLegalGround(householdId: $id, basis: $basis, agencyIds: $agencyIds, from: "2024-01-01", to: "2030-12-31") { __typename } }`;
    const recordGround = (basis: string, agencyId: string) =>
      gql(app, GROUND, { id, basis, agencyIds: [agencyId] }, who.coordinator!.headers);
    expect((await gql(app, READ, { id }, who.unconsentedWorker!.headers)).data.household.__typename).not.toBe('Household');
    // A ground naming another agency, then one naming Bureau Jeugdzorg: only the second opens the household to it.
    expect((await recordGround('Wmo 2015 art. 2.3.5', 'ams-politie')).data.recordLegalGround.__typename).toBe('ConsentRecord');
    expect((await gql(app, READ, { id }, who.unconsentedWorker!.headers)).data.household.__typename).not.toBe('Household');
    expect((await recordGround('Jeugdwet art. 7.1.1', 'ams-bureau-jeugdzorg')).data.recordLegalGround.__typename).toBe('ConsentRecord');
    expect((await gql(app, READ, { id }, who.unconsentedWorker!.headers)).data.household).toEqual({
      __typename: 'Household',
      reference: 'AMS-ACCESS-GROUND',
    });

    const LOG = `query($id: ID!) { accessLog(householdId: $id, first: 100) { entries { accountId action outcome basis } } }`;
    const reads = (await gql(app, LOG, { id }, who.admin!.headers)).data.accessLog.entries.filter(
      (entry: { accountId: string; action: string }) => entry.accountId === who.unconsentedWorker!.accountId && entry.action === 'READ',
    );
    expect(reads.map((entry: { outcome: string }) => entry.outcome).sort()).toEqual(['ALLOWED', 'REFUSED', 'REFUSED']);
    expect(reads.find((entry: { outcome: string }) => entry.outcome === 'ALLOWED').basis).toMatch(
      /on legal ground \w+: Jeugdwet art\. 7\.1\.1/,
    );
  });

  it('writes a registration and its consent together: a consent naming an unknown agency leaves no household', async () => {
    const consent = { purpose: 'PREVENTION', from: '2024-01-01', to: '2030-12-31', method: 'IN_PERSON_SIGNED' };
    const refused = await gql(
      app,
      REGISTER,
      { input: householdInput({ reference: 'AMS-CONSENT-X', consent: { ...consent, recipientAgencyIds: ['ams-som', 'no-such-agency'] } }) },
      who.coordinator!.headers,
    );
    expect(refused.data.registerHousehold).toMatchObject({ __typename: 'NotFoundError', entity: 'Agency' });
    const SEARCH = `query { households(search: "AMS-CONSENT-X") { edges { node { id } } } }`;
    expect((await gql(app, SEARCH, {}, who.coordinator!.headers)).data.households.edges).toEqual([]);
    // The same registration with known agencies is written, consent and all.
    const written = await gql(
      app,
      REGISTER,
      { input: householdInput({ reference: 'AMS-CONSENT-X', consent: { ...consent, recipientAgencyIds: ['ams-som'] } }) },
      who.coordinator!.headers,
    );
    const id = written.data.registerHousehold.id;
    expect((await executor.read((tx) => tx.run(consentsOf, { id })))[0]!.n).toBe(1);
  });

  it('ends access when consent is withdrawn, and when it expires', async () => {
    const registered = await gql(
      app,
      REGISTER,
      {
        input: householdInput({
          reference: 'AMS-CONSENT-1',
          consent: {
            purpose: 'PREVENTION',
            recipientAgencyIds: ['ams-som'],
            from: '2024-01-01',
            to: '2024-06-30',
            method: 'IN_PERSON_SIGNED',
          },
        }),
      },
      who.coordinator!.headers,
    );
    const id = registered.data.registerHousehold.id;
    await gql(app, TAKE_REGIE, { householdId: id, stage: 'REPORTED', agencyId: 'ams-som', from: '2024-02-01' }, who.coordinator!.headers);
    const EXPLAIN = `query($id: ID!) { householdAccess(id: $id) { allowed missing } }`;
    // The consent ran until 2024-06-30: today it has expired.
    const expired = (await gql(app, EXPLAIN, { id }, who.relatedWorker!.headers)).data.householdAccess;
    expect(expired).toMatchObject({ allowed: false });
    expect(expired.missing).toMatch(/valid only from 2024-01-01 to 2024-06-30/);

    const CONSENT = `mutation($id: ID!) { recordConsent(householdId: $id, purpose: PREVENTION, recipientAgencyIds: ["ams-som"], from: "2024-07-01", to: "2030-12-31", method: BY_PHONE) { __typename ... on ConsentRecord { id } } }`;
    const consent = (await gql(app, CONSENT, { id }, who.coordinator!.headers)).data.recordConsent;
    expect((await gql(app, EXPLAIN, { id }, who.relatedWorker!.headers)).data.householdAccess.allowed).toBe(true);
    const today = new Date().toISOString().slice(0, 10);
    const WITHDRAW = `mutation($c: ID!, $on: Date!) { withdrawConsent(consentId: $c, on: $on) { __typename } }`;
    expect((await gql(app, WITHDRAW, { c: consent.id, on: today }, who.coordinator!.headers)).data.withdrawConsent.__typename).toBe(
      'ConsentRecord',
    );
    const withdrawn = (await gql(app, EXPLAIN, { id }, who.relatedWorker!.headers)).data.householdAccess;
    expect(withdrawn).toMatchObject({ allowed: false });
    expect(withdrawn.missing).toMatch(/withdrawn/);
  });

  it('allows break-glass access only with a stated reason, and flags it for review', async () => {
    const BREAK = `mutation($id: ID!, $reason: String!) { breakGlassAccess(householdId: $id, reason: $reason) { __typename ... on Error { message } } }`;
    const short = await gql(app, BREAK, { id: householdId, reason: 'urgent' }, who.unrelatedWorker!.headers);
    expect(short.data.breakGlassAccess.__typename).toBe('ValidationError');
    const granted = await gql(
      app,
      BREAK,
      { id: householdId, reason: 'Politie staat bij ontruiming met kinderen, geen opvang bekend' },
      who.unrelatedWorker!.headers,
    );
    expect(granted.data.breakGlassAccess.__typename).toBe('ConsentRecord');
    const { data } = await gql(
      app,
      `query($id: ID!) { householdAccess(id: $id) { allowed breakGlass basis } }`,
      { id: householdId },
      who.unrelatedWorker!.headers,
    );
    expect(data.householdAccess).toMatchObject({ allowed: true, breakGlass: true });
    const log = await gql(app, `{ accessLog(breakGlass: true) { entries { householdId accountId breakGlass } } }`, {}, who.admin!.headers);
    expect(log.data.accessLog.entries).toContainEqual({ householdId, accountId: who.unrelatedWorker!.accountId, breakGlass: true });

    // A coordinator's decision reads only the region and break-glass facts: a grant there opens another region's household.
    const crossRegion = await gql(
      app,
      `query($id: ID!) { household(id: $id) { __typename } }`,
      { id: otherRegionHousehold },
      who.coordinator!.headers,
    );
    expect(crossRegion.data.household.__typename).toBe('ForbiddenError');
    await gql(
      app,
      BREAK,
      { id: otherRegionHousehold, reason: 'Gezin uit Utrecht staat vannacht op straat in Amsterdam' },
      who.coordinator!.headers,
    );
    const opened = await gql(
      app,
      `query($id: ID!) { householdAccess(id: $id) { allowed breakGlass basis } }`,
      { id: otherRegionHousehold },
      who.coordinator!.headers,
    );
    expect(opened.data.householdAccess).toMatchObject({ allowed: true, breakGlass: true });
  });

  it('logs every household read with its path, and every refusal with its reason; the family list is printable', async () => {
    await gql(app, `query($id: ID!) { household(id: $id) { __typename } }`, { id: householdId }, who.relatedWorker!.headers);
    await gql(app, `query($id: ID!) { household(id: $id) { __typename } }`, { id: householdId }, who.unrelatedWorker!.headers);
    const LOG = `query($id: ID!) { accessLog(householdId: $id, first: 100) { entries { accountId role action operation basis outcome at requestId } } }`;
    const entries = (await gql(app, LOG, { id: householdId }, who.admin!.headers)).data.accessLog.entries;
    expect(entries).toContainEqual(
      expect.objectContaining({
        accountId: who.relatedWorker!.accountId,
        action: 'READ',
        outcome: 'ALLOWED',
        operation: 'query:household',
      }),
    );
    const refusal = entries.find((e: any) => e.accountId === who.unconsentedWorker!.accountId && e.outcome === 'REFUSED');
    expect(refusal.basis).toMatch(/no consent or legal ground/);
    for (const entry of entries) expect(entry.at).toMatch(/^\d{4}-\d{2}-\d{2}T.*Z$/);

    const family = await gql(
      app,
      `query($id: ID!) { householdAccessLog(householdId: $id) { __typename ... on AccessLogPage { entries { accountId outcome } } } }`,
      { id: householdId },
      who.coordinator!.headers,
    );
    expect(family.data.householdAccessLog.entries.length).toBeGreaterThan(3);
    const notAdmin = await gql(app, `{ accessLog { entries { id } } }`, {}, who.coordinator!.headers);
    expect(notAdmin.errors?.[0]?.message).toMatch(/Not authorized/);
  });

  it('stops an account that keeps probing households it may not see', async () => {
    const prober = await signIn(app, executor, 'AGENCY_WORKER', { agencyId: 'ams-politie' });
    const PROBE = `query($id: ID!) { household(id: $id) { __typename ... on Error { message } } }`;
    const messages: string[] = [];
    for (let i = 0; i < 32; i += 1) messages.push((await gql(app, PROBE, { id: householdId }, prober.headers)).data.household.message);
    expect(messages[0]).toMatch(/no active care relation/);
    expect(messages.at(-1)).toBe('too many refused lookups; try again later');
    // Other accounts are not affected.
    expect((await gql(app, PROBE, { id: householdId }, who.coordinator!.headers)).data.household.__typename).toBe('Household');
  });

  it('makes repeated wrong passwords wait longer and longer, and tells no one which usernames exist', async () => {
    const account = await signIn(app, executor, 'COORDINATOR', { centrumgemeenteId: 'oss' });
    const attempt = (password: string) => gql(app, LOGIN, { username: account.username, password }, { 'x-forwarded-for': '10.0.0.9' });
    for (let i = 0; i < 5; i += 1) {
      expect((await attempt('wrong password ' + i)).data.login.message).toBe('unknown username or wrong password');
    }
    const locked = (await attempt(TEST_PASSWORD)).data.login;
    expect(locked).toMatchObject({ __typename: 'ForbiddenError' });
    expect(locked.message).toMatch(/try again in \d+ seconds/);
    const unknown = (await gql(app, LOGIN, { username: 'nobody.here', password: 'whatever password' })).data.login;
    expect(unknown.message).toBe('unknown username or wrong password');
  });

  it('sets an httpOnly, SameSite cookie and asks cookie sessions for the CSRF token on every request', async () => {
    const account = await signIn(app, executor, 'COORDINATOR', { centrumgemeenteId: 'amsterdam' });
    const response = await app.fetch(
      new Request('http://ketenkaart.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: LOGIN, variables: { username: account.username, password: TEST_PASSWORD } }),
      }),
    );
    const cookie = response.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^kk_session=[^;]+; HttpOnly; SameSite=Strict; Path=\/; Max-Age=\d+/);
    const csrf = (await response.json()).data.login.viewer.csrfToken;
    const session = cookie.split(';')[0]!;
    const write = (headers: Record<string, string>) =>
      gql(
        app,
        RECORD_EVENT,
        { input: { householdId, kind: 'CONTACT', occurredOn: '2024-04-01', agencyId: 'ams-som' } },
        { cookie: session, ...headers },
      );
    expect((await write({})).data.recordEvent).toMatchObject({ __typename: 'ForbiddenError', message: expect.stringMatching(/csrf/i) });
    expect((await write({ 'x-csrf-token': csrf })).data.recordEvent).toMatchObject({ __typename: 'HouseholdEvent' });
  });
});
