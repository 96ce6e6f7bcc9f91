// Evaluates one target (or one indicator without a target) from a rolled-up series: base and current
// values, progress share, time share, the Open SDG status and the plan-review band. Pure.
import {
  levelShare,
  openSdgProgress,
  planReviewBand,
  timeShare,
  type AggregationType,
  type DateParts,
  type OpenSdgStatus,
  type PlanBand,
  type PlanColour,
} from '@scimon/core';

/** Value and completeness of a series in one year. */
export type SeriesAt = (year: number) => { value: number | null; completeness: number | null };

export interface TargetSpec {
  comparator: string;
  value: number;
  /** level: reach `value` by the target year; growth: grow `value` % a year on average from the base year. */
  kind: string;
  baseYear: number;
  year: number;
}

export interface Evaluation {
  currentYear: number;
  value: number | null;
  completeness: number | null;
  partial: boolean;
  base: { year: number; value: number } | null;
  /** The level to reach (the target itself, or the growth path's level in the target year). */
  targetLevel: number | null;
  met: boolean;
  achievedGrowth: number | null;
  progressShare: number | null;
  timeShare: number | null;
  ratio: number | null;
  openSdg: OpenSdgStatus;
  score: number | null;
  progressValue: number | null;
  band: PlanBand;
  colour: PlanColour;
  /** Why the status is withheld: `no_data`, `no_base`, `partial`, `low_completeness`, `not_started`. */
  withheld: string | null;
}

const SUMS: ReadonlySet<AggregationType> = new Set(['flow', 'stock', 'count']);
const EPS = 1e-9;

export function compare(comparator: string, x: number, y: number): boolean {
  switch (comparator) {
    case '>':
      return x > y;
    case '>=':
      return x >= y;
    case '<':
      return x < y;
    case '<=':
      return x <= y;
    default:
      return Math.abs(x - y) <= EPS * Math.max(1, Math.abs(y));
  }
}

const complete = (c: number | null) => c !== null && c >= 1 - EPS;

/**
 * The base: the stated base year if its value is complete, else the next year with a complete value
 * before the current year (the coordinator's base-year assumption, methodology §5).
 */
export function findBase(series: SeriesAt, baseYear: number, currentYear: number) {
  for (let y = baseYear; y < currentYear; y++) {
    const s = series(y);
    if (s.value !== null && complete(s.completeness)) return { year: y, value: s.value };
  }
  return null;
}

/**
 * Evaluates a target at `evalYear` (the current year is min(evalYear, target year): a target is judged on
 * its own year's value). Partial aggregates are never judged as whole ones: a partial sum that already
 * meets a "higher is better" target is achieved (it can only grow); any other partial value is withheld.
 */
export function evaluateTarget(
  series: SeriesAt,
  aggregation: AggregationType,
  direction: 1 | -1,
  target: TargetSpec,
  evalYear: number,
  asOf: DateParts,
): Evaluation {
  const T = target.year;
  const currentYear = Math.min(evalYear, T);
  const cur = series(currentYear);
  const base = findBase(series, target.baseYear, currentYear);
  const g = target.value / 100;
  const targetLevel =
    target.kind === 'growth' ? (base ? base.value * (1 + g) ** (T - base.year) : null) : target.value;
  const yt = cur.value;
  const met = yt !== null && targetLevel !== null && compare(target.comparator, yt, targetLevel);
  const partial = cur.completeness !== null && !complete(cur.completeness);
  // Met / not met is decided only on the target year's own value; an earlier year is judged by pace.
  const pastTargetYear = asOf.year > T && currentYear >= T;
  const ts = timeShare(base?.year ?? target.baseYear, T, asOf);
  const achievedGrowth =
    base && yt !== null && currentYear > base.year && yt / base.value > 0
      ? (yt / base.value) ** (1 / (currentYear - base.year)) - 1
      : null;

  let withheld: string | null = null;
  if (currentYear < target.baseYear) withheld = 'not_started';
  else if (yt === null)
    withheld = cur.completeness !== null && cur.completeness < 0.6 ? 'low_completeness' : 'no_data';
  else if (partial && !(SUMS.has(aggregation) && direction === 1 && met)) withheld = 'partial';
  else if (targetLevel === null) withheld = 'no_base';

  const common = {
    currentYear,
    value: yt,
    completeness: cur.completeness,
    partial,
    base,
    targetLevel,
    achievedGrowth,
    timeShare: ts,
  };
  if (withheld) {
    return {
      ...common,
      met: false,
      progressShare: null,
      ratio: null,
      openSdg: 'not_available',
      score: null,
      progressValue: null,
      band: 'no_data',
      colour: 'grey',
      withheld,
    };
  }
  const sdg = openSdgProgress({
    baseYear: base?.year ?? null,
    baseValue: base?.value ?? null,
    currentYear,
    currentValue: yt,
    target: targetLevel,
    targetYear: T,
    direction,
    limit: null,
  });
  const progressShare = base ? levelShare(base.value, yt!, targetLevel!) : null;
  const band = planReviewBand({ progressShare, timeShare: ts, met, pastTargetYear });
  return {
    ...common,
    met,
    progressShare,
    ratio: band.ratio,
    openSdg: sdg.status,
    score: sdg.score,
    progressValue: sdg.progressValue,
    band: band.band,
    colour: band.colour,
    withheld: null,
  };
}

/** An indicator without a target: Open SDG method 1 (growth from the base year), on complete values only. */
export function evaluateTrend(
  series: SeriesAt,
  direction: 1 | -1,
  baseYear: number,
  currentYear: number,
): {
  value: number | null;
  completeness: number | null;
  openSdg: OpenSdgStatus;
  score: number | null;
  progressValue: number | null;
} {
  const cur = series(currentYear);
  const base = findBase(series, baseYear, currentYear);
  if (cur.value === null || !complete(cur.completeness) || !base) {
    return { ...cur, openSdg: 'not_available', score: null, progressValue: null };
  }
  const sdg = openSdgProgress({
    baseYear: base.year,
    baseValue: base.value,
    currentYear,
    currentValue: cur.value,
    target: null,
    targetYear: null,
    direction,
    limit: null,
  });
  return { ...cur, openSdg: sdg.status, score: sdg.score, progressValue: sdg.progressValue };
}
