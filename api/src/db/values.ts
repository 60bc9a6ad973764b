// Engine values to plain JSON-like values: integers to numbers, temporals to ISO 8601 strings.
import neo4j from 'neo4j-driver';

export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  // Most values are strings and numbers: answer them before the driver's type checks.
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
      return value;
    case 'bigint':
      return Number(value);
  }
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (value instanceof Date) return value.toISOString();
  if (neo4j.isDate(value) || neo4j.isLocalDateTime(value) || neo4j.isLocalTime(value) || neo4j.isTime(value)) return String(value);
  if (neo4j.isDateTime(value)) return new Date(String(value)).toISOString();
  if (neo4j.isDuration(value)) return String(value);
  if (Array.isArray(value)) return value.map(toPlain);
  if (isNeo4jEntity(value)) return toPlain(value.properties);
  if (typeof value === 'object') {
    const tagged = taggedScalar(value as Record<string, unknown>);
    if (tagged !== undefined) return tagged;
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, toPlain(inner)]));
  }
  return value;
}

/**
 * A row as Grafeo returns it, made plain in place: the same values as toPlain gives, without the driver's type
 * checks (Grafeo returns none of the driver's classes) and without copying the row. Rows of a full gap evaluation
 * are most of its decoding time.
 */
export function grafeoRowToPlain(row: Record<string, unknown>): Record<string, unknown> {
  for (const key in row) {
    const value = row[key];
    if (value === undefined || (typeof value === 'object' && value !== null) || typeof value === 'bigint') row[key] = grafeoToPlain(value);
  }
  return row;
}

function grafeoToPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
      return value;
    case 'bigint':
      return Number(value);
  }
  if (Array.isArray(value)) return value.map(grafeoToPlain);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    const tagged = taggedScalar(value as Record<string, unknown>);
    if (tagged !== undefined) return tagged;
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, grafeoToPlain(inner)]));
  }
  return value;
}

function isNeo4jEntity(value: unknown): value is { properties: Record<string, unknown> } {
  return neo4j.isNode(value) || neo4j.isRelationship(value);
}

/** Grafeo tags some values as single-key maps ({ $date: ... }); unwrap the ones this model stores. */
function taggedScalar(value: Record<string, unknown>): unknown {
  const keys = Object.keys(value);
  if (keys.length !== 1 || !keys[0]!.startsWith('$')) return undefined;
  const inner = value[keys[0]!];
  return typeof inner === 'string' || typeof inner === 'number' ? inner : undefined;
}

/** Neo4j cannot store null: an unstated value is an absent property (read back as null), so writes leave it out. */
export function withoutNulls<T extends object>(row: T): Partial<T> {
  return Object.fromEntries(Object.entries(row).filter(([, value]) => value !== null && value !== undefined)) as Partial<T>;
}
