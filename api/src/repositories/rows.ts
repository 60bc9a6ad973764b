// Row schemas shared by repositories: graph properties come back absent for "not stated", which reads as null.
import { z } from 'zod';

/** An optional graph property: absent (Neo4j stores no nulls) reads as null. */
export const opt = <T extends z.ZodType>(schema: T) => schema.nullish().transform((value) => value ?? null);
export const list = <T extends z.ZodType>(schema: T) => z.array(schema).nullish().transform((value) => value ?? []);

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

/** A page of a keyset-paginated list: one row more than asked tells whether another page follows. */
export interface Page<T> {
  items: T[];
  hasNextPage: boolean;
}

export function pageOf<T>(rows: T[], first: number): Page<T> {
  return { items: rows.slice(0, first), hasNextPage: rows.length > first };
}

/** Folds case and accents so that "Zienn", "ZIENN" and "Ziënn" find the same agency. */
export function searchKey(...texts: (string | null | undefined)[]): string {
  return texts
    .filter((text): text is string => Boolean(text))
    .map((text) => text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase())
    .join(' | ');
}
