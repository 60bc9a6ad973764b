// API fuzzing from the schema: every mutation, with arguments generated from its input types (hostile strings,
// known and unknown ids, edge numbers, bad dates, nulls, wrong types), sent through the real app by callers of
// every role. Three properties per call: no 5xx, no stack trace or Cypher in the answer, and a refused call
// leaves the graph as it was. Used by tests/security/api-fuzz.test.ts (few runs) and the benchmark (many).
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { schemaFile, type App, type CypherExecutor } from '@ketenkaart/api';
import { signIn } from './accounts.js';
import { factDigest } from './digest.js';
import { householdInput, REGISTER, SEND_REFERRAL, TAKE_REGIE } from './operations.js';
import { gql } from './store.js';

export interface FuzzPools {
  /** Ids that exist (households, agencies, facilities, referrals, regions...), mixed with made-up ones. */
  ids: string[];
  /** Request headers per caller; `{}` is a caller without a session. */
  callers: Record<string, Record<string, string>>;
}

export interface FuzzCall {
  mutation: string;
  caller: string;
  variables: Record<string, unknown>;
}

export interface FuzzStats {
  calls: number;
  refused: number;
  byStatus: Record<number, number>;
  /** Refusals by their error code or type: shows how far past the front door the generated calls get. */
  refusedAs: Record<string, number>;
}

/** `logout` is left out: it would end the callers' own sessions, and the rest of the run would be anonymous. */
const LEFT_OUT = new Set(['logout']);

const HOSTILE_STRINGS = [
  '',
  ' ',
  "' OR 1=1 --",
  '"; MATCH (n) DETACH DELETE n //',
  '}) MATCH (n) RETURN n //',
  '$where',
  "=cmd|' /C calc'!A0",
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '\u0000',
  '\uD800',
  'Zoë Ünal-Çelik',
  '😀'.repeat(50),
  'x'.repeat(5_000),
  '__proto__',
  'constructor',
];

const DATES = [
  '2024-01-01',
  '2026-02-30',
  '2026-13-01',
  '0000-00-00',
  '9999-12-31',
  '1900-01-01',
  '2024-02-29',
  'yesterday',
  '2024-1-1',
  '20240101',
];
const DATE_TIMES = ['2024-01-01T00:00:00Z', '2024-01-01T25:00:00Z', '2024-01-01', 'not a time', '1970-01-01T00:00:00.000+02:00'];

export function loadPublishedSchema(): GraphQLSchema {
  return buildSchema(readFileSync(schemaFile, 'utf8'));
}

function scalarArbitrary(name: string, pools: FuzzPools): fc.Arbitrary<unknown> {
  const text = fc.oneof(
    fc.constantFrom(...HOSTILE_STRINGS),
    fc.string({ minLength: 1, maxLength: 40 }),
    fc.string({ unit: 'grapheme', maxLength: 20 }),
    fc.constantFrom('Huisbezoek', 'contact opgenomen', 'HVO-2026-001'),
  );
  switch (name) {
    case 'ID':
      return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...pools.ids) }, { weight: 1, arbitrary: text });
    case 'String':
      return fc.oneof({ weight: 3, arbitrary: text }, { weight: 1, arbitrary: fc.constantFrom(...pools.ids) });
    case 'Int':
      return fc.oneof(fc.integer({ min: -3, max: 30 }), fc.constantFrom(0, -1, 2 ** 31 - 1, -(2 ** 31), 1_000_000));
    case 'Float':
      return fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -0.5, 1e308));
    case 'Boolean':
      return fc.boolean();
    case 'Date':
      return fc.oneof(
        { weight: 1, arbitrary: fc.constantFrom(...DATES) },
        {
          weight: 3,
          arbitrary: fc
            .date({ min: new Date('1990-01-01'), max: new Date('2035-12-31'), noInvalidDate: true })
            .map((d) => d.toISOString().slice(0, 10)),
        },
      );
    case 'DateTime':
      return fc.constantFrom(...DATE_TIMES);
    default:
      return text;
  }
}

/** A value for an input type; now and then one of the wrong type, which the API must refuse as a client error. */
function inputArbitrary(type: GraphQLInputType, pools: FuzzPools, depth: number): fc.Arbitrary<unknown> {
  if (isNonNullType(type))
    return fc.oneof({ weight: 60, arbitrary: inputArbitrary(type.ofType, pools, depth) }, { weight: 1, arbitrary: fc.constant(null) });
  const value = (() => {
    if (isListType(type)) return fc.array(inputArbitrary(type.ofType, pools, depth + 1), { maxLength: depth > 1 ? 1 : 3 });
    if (isEnumType(type))
      return fc.oneof(
        { weight: 40, arbitrary: fc.constantFrom(...type.getValues().map((v) => v.name)) },
        { weight: 1, arbitrary: fc.constant('NOT_A_VALUE') },
      );
    if (isInputObjectType(type)) {
      const fields = Object.values(type.getFields());
      if (depth > 3) return fc.constant({});
      return fc.record(Object.fromEntries(fields.map((field) => [field.name, inputArbitrary(field.type, pools, depth + 1)])), {
        requiredKeys: fields.filter((f) => isNonNullType(f.type)).map((f) => f.name),
      });
    }
    return scalarArbitrary(getNamedType(type).name, pools);
  })();
  const wrongType = fc.constantFrom<unknown>(42, 'text', true, [], {});
  return fc.oneof({ weight: 150, arbitrary: value }, { weight: 1, arbitrary: wrongType }, { weight: 10, arbitrary: fc.constant(null) });
}

function argumentsArbitrary(args: readonly GraphQLArgument[], pools: FuzzPools): fc.Arbitrary<Record<string, unknown>> {
  return fc.record(Object.fromEntries(args.map((arg) => [arg.name, inputArbitrary(arg.type, pools, 0)])), {
    requiredKeys: args.filter((a) => isNonNullType(a.type)).map((a) => a.name),
  });
}

/** The document for one mutation: its arguments as variables, and a selection that names the result or the error. */
export function mutationDocument(field: GraphQLField<unknown, unknown>): string {
  const variables = field.args.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
  const passed = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const named = getNamedType(field.type);
  const selection =
    isScalarType(named) || isEnumType(named) ? '' : isObjectType(named) ? '{ __typename }' : '{ __typename ... on Error { code message } }';
  return `mutation${variables ? `(${variables})` : ''} { ${field.name}${passed ? `(${passed})` : ''} ${selection} }`;
}

export function fuzzCallArbitrary(schema: GraphQLSchema, pools: FuzzPools): fc.Arbitrary<FuzzCall> {
  const mutations = Object.values(schema.getMutationType()!.getFields()).filter((field) => !LEFT_OUT.has(field.name));
  const callers = Object.keys(pools.callers);
  return fc.oneof(
    ...mutations.map((field) =>
      fc.record({
        mutation: fc.constant(field.name),
        caller: fc.constantFrom(...callers),
        variables: argumentsArbitrary(field.args, pools),
      }),
    ),
  );
}

/** What must never reach a client: a stack frame, a source path, or the text of a Cypher statement. */
const LEAKS = [
  /\bat [\w.<>]+ \(/,
  /\bat (file:|\/)/,
  /\.(ts|js):\d+/,
  /\bMATCH \(/,
  /\bMERGE \(/,
  /\bRETURN [a-z]/,
  /\bDETACH DELETE\b/,
  /neo4j|grafeo/i,
  /\bCypher/,
];

export interface FuzzViolation {
  property: 'no 5xx' | 'no leak' | 'refused changes nothing';
  detail: string;
}

/** Runs one call through the app and checks the three properties; returns what went wrong, if anything. */
export async function checkCall(
  app: App,
  executor: CypherExecutor,
  schema: GraphQLSchema,
  pools: FuzzPools,
  call: FuzzCall,
  stats: FuzzStats,
): Promise<FuzzViolation | null> {
  const field = schema.getMutationType()!.getFields()[call.mutation]!;
  const before = await factDigest(executor);
  const response = await app.fetch(
    new Request('http://ketenkaart.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...pools.callers[call.caller] },
      body: JSON.stringify({ query: mutationDocument(field), variables: call.variables }),
    }),
  );
  const text = await response.text();
  stats.calls += 1;
  stats.byStatus[response.status] = (stats.byStatus[response.status] ?? 0) + 1;
  if (response.status >= 500) return { property: 'no 5xx', detail: `${response.status}: ${text.slice(0, 500)}` };
  // Values the caller sent come back in some messages (e.g. an unknown id); a leak is what the caller did not send.
  const sent = JSON.stringify(call.variables);
  const leak = LEAKS.find((pattern) => pattern.test(text) && !pattern.test(sent));
  if (leak) return { property: 'no leak', detail: `${leak}: ${text.slice(0, 500)}` };
  const body = JSON.parse(text) as { data?: Record<string, { __typename?: string } | boolean | null> | null; errors?: unknown[] };
  const result = body.data?.[call.mutation];
  const refused =
    Boolean(body.errors?.length) || !body.data || (typeof result === 'object' && result !== null && /Error$/.test(result.__typename ?? ''));
  if (!refused) return null;
  stats.refused += 1;
  const as = body.errors?.length
    ? `errors:${String((body.errors[0] as { extensions?: { code?: string } }).extensions?.code ?? 'none')}`
    : ((result as { __typename?: string } | null)?.__typename ?? 'no data');
  stats.refusedAs[as] = (stats.refusedAs[as] ?? 0) + 1;
  const after = await factDigest(executor);
  return after === before
    ? null
    : { property: 'refused changes nothing', detail: `${text.slice(0, 300)}\nbefore ${before}\nafter  ${after}` };
}

/** fast-check over `runs` calls; throws with the shrunk counterexample when a property fails. */
export async function runApiFuzz(app: App, executor: CypherExecutor, pools: FuzzPools, runs: number, seed?: number): Promise<FuzzStats> {
  const schema = loadPublishedSchema();
  const stats: FuzzStats = { calls: 0, refused: 0, byStatus: {}, refusedAs: {} };
  await fc.assert(
    fc.asyncProperty(fuzzCallArbitrary(schema, pools), async (call) => {
      const violation = await checkCall(app, executor, schema, pools, call, stats);
      if (violation) throw new Error(`${violation.property}: ${call.mutation} as ${call.caller}\n${violation.detail}`);
    }),
    { numRuns: runs, ...(seed === undefined ? {} : { seed }), endOnFailure: true },
  );
  return stats;
}

/**
 * Callers of every role and a small world to aim at (reference data must be seeded): two households in
 * Amsterdam with regie and a referral, so that ids the fuzzer picks often exist.
 */
export async function prepareFuzzWorld(app: App, executor: CypherExecutor): Promise<FuzzPools> {
  const coordinator = await signIn(app, executor, 'COORDINATOR', { centrumgemeenteId: 'amsterdam' });
  const som = await signIn(app, executor, 'AGENCY_WORKER', { agencyId: 'ams-som' });
  const callers = {
    anonymous: {},
    coordinator: coordinator.headers,
    agencyWorker: som.headers,
    otherRegionWorker: (await signIn(app, executor, 'AGENCY_WORKER', { agencyId: 'lwd-zienn' })).headers,
    shelterStaff: (await signIn(app, executor, 'SHELTER_STAFF', { agencyId: 'ams-hvo-querido' })).headers,
    policyMaker: (await signIn(app, executor, 'POLICY_MAKER')).headers,
    administrator: (await signIn(app, executor, 'ADMIN')).headers,
  };
  const ids = [
    'amsterdam',
    'utrecht',
    'ams-som',
    'ams-hvo-querido',
    'ams-maatschappelijke-dienstverlening',
    'ams-roggeveen-crisis',
    'lwd-zienn',
    som.accountId,
  ];
  for (const reference of ['FUZZ-1', 'FUZZ-2']) {
    const { data } = await gql(app, REGISTER, { input: householdInput({ reference }) }, coordinator.headers);
    const householdId = data.registerHousehold.id as string;
    ids.push(householdId, ...data.registerHousehold.members.map((m: { personId: string }) => m.personId));
    await gql(app, TAKE_REGIE, { householdId, stage: 'REPORTED', agencyId: 'ams-som', from: '2024-02-01' }, coordinator.headers);
    const sent = await gql(
      app,
      SEND_REFERRAL,
      { input: { householdId, toAgencyId: 'ams-maatschappelijke-dienstverlening', purpose: 'Huisbezoek', sentOn: '2024-02-03' } },
      som.headers,
    );
    if (sent.data?.sendReferral?.id) ids.push(sent.data.sendReferral.id);
  }
  return { ids, callers };
}
