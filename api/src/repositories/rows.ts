// What repositories share: the property readers (defined with the records in the schema), grouping, pages and search keys.
import type { Statement } from '../db/cypher.js';
import type { CypherExecutor, Params } from '../db/executor.js';

export { instant, list, opt } from '@ketenkaart/schema';

/** A page of a keyset-paginated list: one row more than asked tells whether another page follows. */
export interface Page<T> {
  items: T[];
  hasNextPage: boolean;
}

/**
 * The rows of each key, in the keys' order, each group in the rows' order; a key without rows gets an empty group and
 * a row of no key is left out.
 */
export function groupedByKey<T>(keys: readonly string[], rows: readonly T[], keyOf: (row: T) => string): T[][] {
  const groups = new Map<string, T[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key)!);
}

export function pageOf<T>(rows: T[], first: number): Page<T> {
  return { items: rows.slice(0, first), hasNextPage: rows.length > first };
}

/**
 * One page of a keyset-paginated statement: its filter, the cursor and one row more than the page, read alone, each
 * row made an item.
 */
export async function readPage<Row, T>(
  executor: CypherExecutor,
  statement: Statement<Row>,
  filter: Params,
  first: number,
  after: string | null,
  itemOf: (row: Row) => T,
): Promise<Page<T>> {
  const rows = await executor.readStatement(statement, { ...filter, after, limit: first + 1 });
  return pageOf(rows.map(itemOf), first);
}

/** Folds case and accents so that "Zienn", "ZIENN" and "Ziënn" find the same agency. */
export function searchKey(...texts: (string | null | undefined)[]): string {
  return texts
    .filter((text): text is string => Boolean(text))
    .map((text) =>
      text
        .normalize('NFD')
        .replace(/\p{Diacritic}/gu, '')
        .toLowerCase(),
    )
    .join(' | ');
}
