// "Unknown" is a normal value (docs/domain.md §5.1): a figure is measured, reported as text, or unknown; never 0 by default.
import { z } from 'zod';

export const FigureStatus = z.enum(['REPORTED', 'REPORTED_AS_TEXT', 'UNKNOWN']);
export type FigureStatus = z.infer<typeof FigureStatus>;

export interface StatedValue {
  status: FigureStatus;
  value: number | null;
  valueText: string | null;
}

/** Reads a value from the report data: a number, a worded value ("about 1/3", "8-12") or null for "not stated". */
export function statedValue(raw: unknown): StatedValue {
  if (typeof raw === 'number' && Number.isFinite(raw)) return { status: 'REPORTED', value: raw, valueText: null };
  if (typeof raw === 'string' && raw.trim() !== '') return { status: 'REPORTED_AS_TEXT', value: null, valueText: raw };
  return { status: 'UNKNOWN', value: null, valueText: null };
}
