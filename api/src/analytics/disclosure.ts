// Small-cell suppression for aggregates shown to policy makers: counts below the threshold are hidden, with
// secondary suppression so a hidden cell cannot be recovered by subtracting the visible cells from a shown total.

export const DEFAULT_MIN_CELL = 5;

export interface Cell {
  value: number | null;
  suppressed: boolean;
}

export function cell(count: number, suppress: boolean, minCell = DEFAULT_MIN_CELL): Cell {
  const hidden = suppress && count > 0 && count < minCell;
  return { value: hidden ? null : count, suppressed: hidden };
}

/**
 * Primary suppression of a group of cells that add up to a shown total, then secondary suppression: when
 * exactly one cell is hidden, the smallest visible non-zero cell is hidden too.
 */
export function suppressGroup<T>(items: T[], count: (item: T) => number, suppress: boolean, minCell = DEFAULT_MIN_CELL): { item: T; cell: Cell }[] {
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
