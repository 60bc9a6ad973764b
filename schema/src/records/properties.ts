// Readers for graph properties as they come back from either engine: absent reads as null, instants normalised.
import { z } from 'zod';

/** An optional graph property: absent (Neo4j stores no nulls) reads as null. */
export const opt = <T extends z.ZodType>(schema: T) => schema.nullish().transform((value) => value ?? null);
export const list = <T extends z.ZodType>(schema: T) =>
  z
    .array(schema)
    .nullish()
    .transform((value) => value ?? []);

/**
 * An instant, as ISO 8601 with milliseconds. Engines print datetimes differently (Grafeo trims trailing zeros:
 * "…:01.12Z", "…:01Z"), and such strings do not sort in time order; code sorts and compares these.
 */
export const instant = z.string().transform((value, ctx) => {
  const time = Date.parse(value);
  if (Number.isNaN(time)) {
    ctx.addIssue({ code: 'custom', message: `not an instant: ${value}` });
    return z.NEVER;
  }
  return new Date(time).toISOString();
});
