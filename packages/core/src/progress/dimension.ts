import { statusFromScore, type OpenSdgStatus } from './open-sdg.ts';

/** A dimension's status. */
export interface DimensionStatus {
  /** Mean of the available indicator scores, or null when too few have one. */
  readonly score: number | null;
  readonly status: OpenSdgStatus;
  /** Share of the dimension's indicators that have a score, in [0, 1]. */
  readonly coverage: number;
}

/**
 * Dimension status: mean of the Open SDG scores of its indicators that have one, shown only when at least
 * `minCoverage` (default 0.6) of its indicators have a score; else not available. Status from the score
 * bands ({@link statusFromScore}); `target_achieved` when every scored indicator achieved its target.
 * An empty dimension is not available. Reference: StatCan / Open SDG indicator aggregation plus the
 * "≥ 60 % reporting" rule of issue 5.
 */
export function dimensionStatus(
  indicators: readonly { readonly score: number | null; readonly targetAchieved?: boolean }[],
  minCoverage = 0.6,
): DimensionStatus {
  const scored = indicators.filter((i) => i.score !== null && Number.isFinite(i.score));
  const coverage = indicators.length === 0 ? 0 : scored.length / indicators.length;
  if (scored.length === 0 || coverage < minCoverage)
    return { score: null, status: 'not_available', coverage };
  const score = scored.reduce((a, i) => a + i.score!, 0) / scored.length;
  return {
    score,
    status: statusFromScore(
      score,
      scored.every((i) => i.targetAchieved === true),
    ),
    coverage,
  };
}
