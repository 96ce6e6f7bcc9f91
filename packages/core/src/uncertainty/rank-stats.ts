/**
 * Per-unit uncertainty summary (COINr `RankStats`): nominal rank, then mean, median, 5 % and 95 %
 * ranks over the runs (quantile type 7).
 */
import type { PreparedUncertainty } from './monte-carlo.ts';
import { rankStatsFromHistogram, type RankHistogram } from './rank-histogram.ts';

/** One unit's row of the uncertainty table. */
export interface UnitRankStats {
  /** Row of the unit in the pipeline input. */
  readonly row: number;
  readonly nominal: number;
  readonly mean: number;
  readonly median: number;
  readonly q5: number;
  readonly q95: number;
}

/** Combines the nominal ranks with the histogram's statistics, in output (kept-unit) order. */
export function summariseRanks(p: PreparedUncertainty, h: RankHistogram): UnitRankStats[] {
  return rankStatsFromHistogram(h).map((s, i) => ({
    row: p.kept[i] as number,
    nominal: p.nominalRanks[i] as number,
    ...s,
  }));
}
