// Capacity as the sources state it: a figure per source, per date or period, per unit. Totals stay within one
// source at one moment in one unit; planned capacity is never added to capacity that exists; an unknown part
// makes a total "at least", never a silent zero (002 L2078-2132: the gemeente and the ggz wegwijzer differ).
import type { CapacityRecord } from '../repositories/reference-repository.js';

export type CapacityBound = 'EXACT' | 'AT_LEAST' | 'UNKNOWN';

/** Capacity in one unit, from one source, at one moment, over a set of facilities. */
export interface CapacitySourceTotal {
  /** The organisation that gave the figures; null: the report gives them without naming another source. */
  sourceOrg: string | null;
  year: number | null;
  asOf: string | null;
  unit: CapacityRecord['unit'];
  /** Sum of the stated values; null when none is stated. With bound AT_LEAST it is a lower bound. */
  total: number | null;
  bound: CapacityBound;
  /** Figures with a value that were added. */
  figures: number;
  /** Figures in this group whose value the source does not state. */
  unknownFigures: number;
  /** Facilities for which this source states nothing at this moment (their capacity is unknown here). */
  facilitiesWithoutFigure: string[];
  /** Report lines of the added figures. */
  sourceLines: string[];
}

/** Where two or more sources give capacity in the same unit for the same moment: both, side by side. */
export interface CapacityRange {
  year: number | null;
  asOf: string | null;
  unit: CapacityRecord['unit'];
  /** Lowest and highest stated total; null when no source states a value. */
  low: number | null;
  high: number | null;
  totals: CapacitySourceTotal[];
}

export interface StatedCapacity {
  totals: CapacitySourceTotal[];
  ranges: CapacityRange[];
  planned: CapacityRecord[];
  /** Facilities with no capacity figure in any source. */
  facilitiesWithoutAnyFigure: string[];
}

const firstLine = (lines: string) => Number(/\d+/.exec(lines)?.[0] ?? 0);
const byFirstLine = (a: string, b: string) => firstLine(a) - firstLine(b);
const momentKey = (f: { year: number | null; asOf: string | null }) => `${f.year ?? ''}|${f.asOf ?? ''}`;
const sourceMomentKey = (f: CapacityRecord) => `${f.sourceOrg ?? ''}|${momentKey(f)}`;

/**
 * Capacity of a set of facilities (one facility, or all of a city's), per source, moment and unit.
 * `facilities` lists every facility in scope with its figures, also those with none.
 */
export function statedCapacity(facilities: { facilityId: string; figures: CapacityRecord[] }[]): StatedCapacity {
  const actual = facilities.flatMap((f) => f.figures.filter((figure) => !figure.planned));
  const groups = new Map<string, CapacityRecord[]>();
  for (const figure of actual) {
    const key = `${sourceMomentKey(figure)}|${figure.unit}`;
    groups.set(key, [...(groups.get(key) ?? []), figure]);
  }
  const totals = [...groups.values()].map((group): CapacitySourceTotal => {
    const first = group[0]!;
    // A facility this source says nothing about at this moment, in any unit, is an unknown part of the total.
    const covered = new Set(actual.filter((f) => sourceMomentKey(f) === sourceMomentKey(first)).map((f) => f.facilityId));
    const facilitiesWithoutFigure = facilities.map((f) => f.facilityId).filter((id) => !covered.has(id));
    const known = group.filter((f) => f.value !== null);
    const unknownFigures = group.length - known.length;
    const total = known.length ? known.reduce((sum, f) => sum + f.value!, 0) : null;
    return {
      sourceOrg: first.sourceOrg,
      year: first.year,
      asOf: first.asOf,
      unit: first.unit,
      total,
      bound: total === null ? 'UNKNOWN' : unknownFigures > 0 || facilitiesWithoutFigure.length > 0 ? 'AT_LEAST' : 'EXACT',
      figures: known.length,
      unknownFigures,
      facilitiesWithoutFigure,
      sourceLines: [...new Set(group.map((f) => f.sourceLines).filter((lines): lines is string => Boolean(lines)))].sort(byFirstLine),
    };
  });
  const byMomentAndUnit = new Map<string, CapacitySourceTotal[]>();
  for (const total of totals) {
    const key = `${momentKey(total)}|${total.unit}`;
    byMomentAndUnit.set(key, [...(byMomentAndUnit.get(key) ?? []), total]);
  }
  const ranges = [...byMomentAndUnit.values()]
    .filter((group) => group.length > 1)
    .map((group): CapacityRange => {
      const stated = group.map((t) => t.total).filter((t): t is number => t !== null);
      return {
        year: group[0]!.year,
        asOf: group[0]!.asOf,
        unit: group[0]!.unit,
        low: stated.length ? Math.min(...stated) : null,
        high: stated.length ? Math.max(...stated) : null,
        totals: group,
      };
    });
  return {
    totals,
    ranges,
    planned: facilities.flatMap((f) => f.figures.filter((figure) => figure.planned)),
    facilitiesWithoutAnyFigure: facilities.filter((f) => f.figures.length === 0).map((f) => f.facilityId),
  };
}

/** The report's own capacity totals for a city (published figures), shown beside the per-source view. */
export const REPORTED_CAPACITY_METRICS = [
  'familyShelterCapacity',
  'familyShelterCapacityTwoParentFamilies',
  'shelterPlacesWomenWithChildren',
];
