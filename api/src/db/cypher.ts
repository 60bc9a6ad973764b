// Statement text is static; values travel only as $parameters. Every statement is registered so it can be linted.
import type { z } from 'zod';

declare const cypherTextBrand: unique symbol;
export type CypherText = string & { readonly [cypherTextBrand]: true };

/** Tagged template for Cypher text that refuses interpolation: values go in $parameters, never in the text. */
export function cypher(text: TemplateStringsArray, ...values: never[]): CypherText {
  if (values.length > 0) throw new TypeError('cypher: pass values as $parameters, not in the text');
  return text.join('') as CypherText;
}

/**
 * Joins static fragments into one statement text, for statements that share a part: fragments come only from the
 * `cypher` tag, so the result holds no values either. Each joined statement is registered and linted whole.
 */
export function joinCypher(...fragments: CypherText[]): CypherText {
  return fragments.join('\n') as CypherText;
}

export type AccessMode = 'READ' | 'WRITE';

export interface Statement<Row> {
  readonly name: string;
  readonly text: CypherText;
  /** Parameter names the text uses; a call must pass exactly these. */
  readonly params: readonly string[];
  readonly mode: AccessMode;
  readonly row: z.ZodType<Row>;
}

const registry = new Map<string, Statement<unknown>>();

const writeClause = /\b(CREATE|MERGE|SET|DELETE|REMOVE|DETACH)\b/i;

/** Names a statement and registers it; names are unique so the cypher log and lint reports point at one place. */
export function statement<Row>(name: string, text: CypherText, row: z.ZodType<Row>): Statement<Row> {
  if (registry.has(name)) throw new Error(`statement: "${name}" is registered twice`);
  const params = [...new Set([...stripComments(text).matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]!))];
  const mode: AccessMode = writeClause.test(stripStrings(stripComments(text))) ? 'WRITE' : 'READ';
  const created: Statement<Row> = Object.freeze({ name, text, params, mode, row });
  registry.set(name, created);
  return created;
}

export function isRegistered(candidate: unknown): candidate is Statement<unknown> {
  if (typeof candidate !== 'object' || candidate === null || !('name' in candidate)) return false;
  return registry.get(String(candidate.name)) === candidate;
}

/** The statement registered under a name (an append journal names its statements so). */
export function registeredStatement(name: string): Statement<unknown> | undefined {
  return registry.get(name);
}

export function registeredStatements(): Statement<unknown>[] {
  return [...registry.values()];
}

function stripComments(text: string): string {
  return text.replace(/\/\/[^\n]*/g, '');
}

function stripStrings(text: string): string {
  return text.replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g, "''");
}
