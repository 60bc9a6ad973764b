// The one typed `graphql()` for the web app: gql.tada reads the committed schema (through graphql-env.d.ts,
// generated from schema/schema.graphql) and types every document's result and variables, enums included.
import { initGraphQLTada } from 'gql.tada';
import type { introspection } from './graphql-env';

export const graphql = initGraphQLTada<{
  introspection: introspection;
  // Both travel as ISO 8601 strings: a Date is a calendar day (YYYY-MM-DD), a DateTime an instant in UTC.
  scalars: { Date: string; DateTime: string };
}>();

export type { FragmentOf, ResultOf, VariablesOf } from 'gql.tada';
export { readFragment } from 'gql.tada';

type EnumName = {
  [Name in keyof introspection['types']]: introspection['types'][Name] extends { enumValues: string } ? Name : never;
}[keyof introspection['types']];

/** The values of one of the schema's enums, as a union of string literals. */
export type EnumOf<Name extends EnumName> = ReturnType<typeof graphql.scalar<Name>>;

/**
 * All values of a schema enum, in the order a form offers them. Listing one too few or one that the schema does
 * not have fails the typecheck, so a form's choices follow the schema (their labels stay in i18n).
 */
export function allValuesOf<Name extends EnumName>() {
  return <const Values extends readonly EnumOf<Name>[]>(
    values: Values &
      ([Exclude<EnumOf<Name>, Values[number]>] extends [never] ? unknown : { missing: Exclude<EnumOf<Name>, Values[number]> }),
  ): Values => values;
}
