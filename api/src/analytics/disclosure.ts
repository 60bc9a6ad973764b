// Disclosure control for aggregates shown to policy makers: counts below the threshold are hidden, with
// secondary suppression so a hidden cell cannot be recovered by subtracting the visible cells from a shown total,
// and every shown count is rounded to a multiple of 5, so that the difference of two overlapping queries (two
// periods, two filters) is a multiple of 5 too and can never state a count of 1 to 4.

export const DEFAULT_MIN_CELL = 5;
export const ROUNDING_BASE = 5;

/** Nearest multiple of the base; halves round up (12.5 -> 15), so 5..7 show as 5 and 8..12 as 10. */
export function roundForDisclosure(count: number, base = ROUNDING_BASE): number {
  return Math.floor(count / base + 0.5) * base;
}

export interface Cell {
  value: number | null;
  suppressed: boolean;
}

export function cell(count: number, suppress: boolean, minCell = DEFAULT_MIN_CELL): Cell {
  const hidden = suppress && count > 0 && count < minCell;
  if (hidden) return { value: null, suppressed: true };
  return { value: suppress ? roundForDisclosure(count) : count, suppressed: false };
}

/**
 * Primary suppression of a group of cells that add up to a shown total, then secondary suppression: when
 * exactly one cell is hidden, the smallest visible non-zero cell is hidden too.
 */
export function suppressGroup<T>(
  items: T[],
  count: (item: T) => number,
  suppress: boolean,
  minCell = DEFAULT_MIN_CELL,
): { item: T; cell: Cell }[] {
  const cells = items.map((item) => ({ item, cell: cell(count(item), suppress, minCell) }));
  if (!suppress) return cells;
  const hidden = cells.filter((c) => c.cell.suppressed).length;
  if (hidden === 1) {
    const next = cells
      .filter((c) => !c.cell.suppressed && (c.cell.value ?? 0) > 0)
      .sort((a, b) => (a.cell.value ?? 0) - (b.cell.value ?? 0))[0];
    if (next) next.cell = { value: null, suppressed: true };
  }
  return cells;
}
