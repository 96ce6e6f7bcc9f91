// Statistics coordination, pure: how far the sources of one (indicator, org unit, period) disagree, which
// source wins while they do, the fingerprint of the values a resolution was made on, and the cell's state.
// Used by the coordination queue and by the monitoring panel, so both judge a cell the same way.
import { DEFAULT_RELATIVE_TOLERANCE, DEFAULT_SOURCE_PRECEDENCE } from '@scimon/contracts';

export interface SourceNumber {
  source: string;
  /** null = explicitly not reported: takes no part. */
  value: number | null;
}

export interface CoordinationRules {
  relativeTolerance: number;
  /** Source codes, first wins. */
  precedence: readonly string[];
}

export const DEFAULT_COORDINATION_RULES: CoordinationRules = {
  relativeTolerance: DEFAULT_RELATIVE_TOLERANCE,
  precedence: DEFAULT_SOURCE_PRECEDENCE,
};

/** What the coordination needs of a resolution. */
export interface ResolutionRef {
  acceptedValue: number;
  /** null when the reviewer entered the value. */
  source: string | null;
  fingerprint: string;
  resolvedAt: string;
}

/** |a − b| ÷ max(|a|, |b|); 0 when both are 0. */
export function relativeDifference(a: number, b: number): number {
  const m = Math.max(Math.abs(a), Math.abs(b));
  return m === 0 ? 0 : Math.abs(a - b) / m;
}

/** The largest pairwise relative difference (0 for fewer than two values). */
export function largestDifference(values: readonly number[]): number {
  let worst = 0;
  for (let i = 0; i < values.length; i++)
    for (let j = i + 1; j < values.length; j++)
      worst = Math.max(worst, relativeDifference(values[i]!, values[j]!));
  return worst;
}

/** Rank of a source in the precedence (unknown sources after every known one). */
export const precedenceRank = (precedence: readonly string[], source: string): number => {
  const i = precedence.indexOf(source);
  return i < 0 ? precedence.length : i;
};

/** The source of the first value (by precedence, then code) that is not missing; null when none. */
export function precedenceSource(values: readonly SourceNumber[], precedence: readonly string[]) {
  let best: string | null = null;
  for (const v of values) {
    if (v.value === null) continue;
    if (
      best === null ||
      precedenceRank(precedence, v.source) < precedenceRank(precedence, best) ||
      (precedenceRank(precedence, v.source) === precedenceRank(precedence, best) && v.source < best)
    )
      best = v.source;
  }
  return best;
}

/**
 * The values a resolution is made on, as a stable string: `source=value` of every value not missing,
 * ordered by source code, joined by `;` (e.g. `provincial=120;report=100`). Status, basis and comment are
 * not part of it: a change of any source's number (or a source added or emptied) changes it.
 */
export function valuesFingerprint(values: readonly SourceNumber[]): string {
  return values
    .filter((v) => v.value !== null)
    .map((v) => [v.source, String(v.value)] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([s, v]) => `${s}=${v}`)
    .join(';');
}

export interface CellAssessment {
  /** Values not missing. */
  present: number;
  relativeDifference: number;
  fingerprint: string;
  /** At least two values and the largest difference above the tolerance. */
  differs: boolean;
  precedenceSource: string | null;
  /** The resolution when it was made on exactly these values. */
  current: ResolutionRef | null;
  /** open: differs and no current resolution; resolved: a current resolution; null: nothing to coordinate. */
  status: 'open' | 'resolved' | null;
}

/** The generated sample illustrates the platform: it is never a statistic to coordinate with. */
const NOT_COORDINATED = 'sample';

/**
 * Judges one cell. A current resolution (same fingerprint) settles the cell whatever the tolerance; a
 * resolution made on other values is stale and the cell is open again if its values still differ.
 * Sample values take no part in the comparison (a real report beside the sample is not a discrepancy);
 * they still rank, last by default, in the precedence.
 */
export function assessCell(
  values: readonly SourceNumber[],
  rules: CoordinationRules,
  resolution: ResolutionRef | null | undefined,
): CellAssessment {
  const compared = values.filter((v) => v.source !== NOT_COORDINATED);
  const nums = compared.flatMap((v) => (v.value === null ? [] : [v.value]));
  const diff = largestDifference(nums);
  const fingerprint = valuesFingerprint(compared);
  const differs = nums.length >= 2 && diff > rules.relativeTolerance;
  const current =
    nums.length >= 2 && resolution && resolution.fingerprint === fingerprint ? resolution : null;
  return {
    present: nums.length,
    relativeDifference: diff,
    fingerprint,
    differs,
    precedenceSource: precedenceSource(values, rules.precedence),
    current,
    status: current ? 'resolved' : differs ? 'open' : null,
  };
}

/** Key of a cell by org-unit id: `indicator|orgUnitId|period`. */
export const cellIdKey = (indicator: string, orgUnitId: number, period: string) =>
  `${indicator}|${orgUnitId}|${period}`;
