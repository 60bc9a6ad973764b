// Occupancy and reported capacity of one unit kind and target group as day-by-day series for a chart and a table.
import { addDays } from '../../days';

export interface Snapshot {
  date: string;
  unitKind: string;
  targetGroup: string;
  occupied: number;
  available: number;
  blocked: number;
}
export interface CapacityReport {
  unitKind: string;
  targetGroup: string;
  periodStart: string;
  periodEnd: string;
  capacity: number;
}

export interface OccupancySeries {
  days: string[];
  occupied: (number | null)[];
  available: (number | null)[];
  blocked: (number | null)[];
  /** Reported capacity covering the day; null where no report covers it (unknown, not zero). */
  capacity: (number | null)[];
}

/** The unit kinds and target groups that have snapshots, as "UNIT|GROUP" keys in a stable order. */
export function seriesKeys(snapshots: Snapshot[]): string[] {
  return [...new Set(snapshots.map((s) => `${s.unitKind}|${s.targetGroup}`))].sort();
}

/** One value per calendar day from the first to the last snapshot; days without a snapshot are gaps. */
export function occupancySeries(snapshots: Snapshot[], reports: CapacityReport[], key: string): OccupancySeries {
  const [unitKind, targetGroup] = key.split('|');
  const mine = snapshots
    .filter((s) => s.unitKind === unitKind && s.targetGroup === targetGroup)
    .sort((a, b) => a.date.localeCompare(b.date));
  const series: OccupancySeries = { days: [], occupied: [], available: [], blocked: [], capacity: [] };
  if (mine.length === 0) return series;
  const byDay = new Map(mine.map((s) => [s.date, s]));
  const covering = reports.filter((r) => r.unitKind === unitKind && r.targetGroup === targetGroup);
  for (let day = mine[0]!.date; day <= mine.at(-1)!.date; day = addDays(day, 1)) {
    const snapshot = byDay.get(day);
    series.days.push(day);
    series.occupied.push(snapshot?.occupied ?? null);
    series.available.push(snapshot?.available ?? null);
    series.blocked.push(snapshot?.blocked ?? null);
    series.capacity.push(covering.find((r) => r.periodStart <= day && day <= r.periodEnd)?.capacity ?? null);
  }
  return series;
}
