// Relay connections over keyset pages: the cursor is the sort key of the last row, opaque to clients.
import type { Page } from '../repositories/rows.js';
import { ValidationError } from './errors.js';
import { queryLimits } from './limits.js';

const { maxPageSize: MAX_PAGE_SIZE, defaultPageSize: DEFAULT_PAGE_SIZE } = queryLimits;

export function encodeCursor(key: string): string {
  return Buffer.from(`k:${key}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined): string | null {
  if (cursor == null) return null;
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!decoded.startsWith('k:')) throw new ValidationError([{ path: ['after'], code: 'NOT_A_CURSOR' }]);
  return decoded.slice(2);
}

export function pageSize(first: number | null | undefined): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw new ValidationError([
      size > MAX_PAGE_SIZE
        ? { path: ['first'], code: 'TOO_LARGE', params: { maximum: MAX_PAGE_SIZE } }
        : { path: ['first'], code: 'TOO_SMALL', params: { minimum: 1 } },
    ]);
  }
  return size;
}

export function toConnection<T>(page: Page<T>, keyOf: (item: T) => string) {
  const edges = page.items.map((node) => ({ node, cursor: encodeCursor(keyOf(node)) }));
  return {
    edges,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: false,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
