// The Pothos builder: configuration only. Types, queries and mutations live in one folder per area (households/, access/, ...).
import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { getNamedType, getNullableType, isListType } from 'graphql';
import type { Role } from '@ketenkaart/schema';
import type { Context } from '../context.js';
import { queryLimits } from './limits.js';

export const builder = new SchemaBuilder<{
  Context: Context;
  AuthScopes: {
    signedIn: boolean;
    role: Role;
    /** Need-to-know for one household: decided from the graph and logged (api/src/access). */
    householdVisible: string;
  };
  DefaultFieldNullability: false;
  Scalars: {
    // Ids arrive as strings (a number sent for an ID is coerced by GraphQL): resolvers take them without casts.
    ID: { Input: string; Output: string };
    Date: { Input: string; Output: string };
    DateTime: { Input: string; Output: string };
  };
}>({
  // Errors before scope-auth so that a Forbidden result can be a union member.
  plugins: [ErrorsPlugin, ScopeAuthPlugin, RelayPlugin, ComplexityPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    // Deny by default: a failed or throwing check hides the field.
    treatErrorsAsUnauthorized: true,
    // A refused root field goes into the access log like every other refusal. Refusals of a household object are
    // logged by the access service itself, with the household.
    unauthorizedError: (_parent, ctx, info, result) => {
      const root = info.parentType.name;
      if (root === 'Query' || root === 'Mutation') {
        ctx.access.logRefusal({ action: root === 'Mutation' ? 'CHANGE' : 'READ', basis: `${info.fieldName}: ${result.message}` });
      }
      return result.message;
    },
    authScopes: (ctx) => ({
      signedIn: ctx.viewer !== null,
      role: (role) => ctx.viewer?.role === role,
      // Synchronous once the request has decided on the household (every object after the household itself), so
      // that Pothos caches a value and not a promise, and the fields of a trajectory's events resolve without one.
      householdVisible: (householdId) =>
        ctx.access.decided(householdId)?.allowed ?? ctx.access.household(householdId).then((d) => d.allowed),
    }),
  },
  errors: {
    defaultTypes: [],
    defaultUnionOptions: { description: 'The result, or one of the typed errors that explains why there is none.' },
  },
  complexity: {
    // A page costs what it can return: connections multiply their selections by `first`, other lists by 10.
    fieldComplexity: (args, _ctx, field) => {
      const hasPageSize = field.args.some((arg) => arg.name === 'first');
      if (hasPageSize) return { field: 1, multiplier: typeof args.first === 'number' ? args.first : queryLimits.defaultPageSize };
      if (field.name === 'edges' || !isListType(getNullableType(field.type))) return { field: 1, multiplier: 1 };
      return { field: 1, multiplier: getNamedType(field.type) ? 10 : 1 };
    },
    // No `limit` here: the plugin would check it only once the first root field resolves, after the document was
    // compiled. guards.ts checks the same numbers (limits.ts) before execution starts.
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    // No global node(id) lookup: every read goes through a field that checks the object itself.
    nodeQueryOptions: false,
    nodesQueryOptions: false,
    pageInfoTypeOptions: { description: 'Where a page sits in a list (Relay cursor pagination).' },
    defaultConnectionTypeOptions: { description: 'A page of a list (Relay connection).' },
    defaultEdgeTypeOptions: { description: 'One item of a page with its cursor.' },
    edgesFieldOptions: { description: 'The items of this page.' },
    pageInfoFieldOptions: { description: 'Cursors and whether more pages follow.' },
    cursorFieldOptions: { description: 'Opaque cursor: pass as `after` to get the items after this one.' },
    nodeFieldOptions: { description: 'The item.' },
    hasNextPageFieldOptions: { description: 'Whether another page follows.' },
    hasPreviousPageFieldOptions: { description: 'Whether a page comes before (always false: lists page forward).' },
    startCursorFieldOptions: { description: 'Cursor of the first item of the page.' },
    endCursorFieldOptions: { description: 'Cursor of the last item: pass as `after` for the next page.' },
  },
});

builder.queryType({ description: 'Reads of the chain (keten) around households at risk of homelessness after eviction.' });
builder.mutationType({ description: 'Changes as chain workers record them; each is validated, atomic and logged.' });
