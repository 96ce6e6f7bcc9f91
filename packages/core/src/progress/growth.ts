import { dayNumber, type DateParts } from '../period/date.ts';

/**
 * Year-on-year (period-on-period) growth: current ÷ previous − 1. Unit: a fraction (0.08 = 8 %).
 * Null when either value is missing (NaN/non-finite) or previous is 0.
 */
export function growth(previous: number, current: number): number | null {
  if (!Number.isFinite(previous) || !Number.isFinite(current) || previous === 0) return null;
  return current / previous - 1;
}

/**
 * Compound annual growth rate between two years: (v1 ÷ v0)^(1 ÷ (t1 − t0)) − 1, a fraction per year.
 * Null when a value is missing, v0 = 0, t1 = t0, or v1 ÷ v0 < 0 (no real root).
 * Reference: the growth function of sdg-build `ProgressMeasure.py` (`growth_calculation`).
 */
export function cagr(v0: number, v1: number, t0: number, t1: number): number | null {
  if (![v0, v1, t0, t1].every(Number.isFinite) || v0 === 0 || t1 === t0) return null;
  const q = v1 / v0;
  if (q < 0) return null;
  const r = q ** (1 / (t1 - t0)) - 1;
  return Number.isFinite(r) ? r : null;
}

/**
 * Projection to year T at the observed CAGR: y_t · (1 + CAGR(y0, y_t, t0, t))^(T − t). Same unit as the
 * values. Null when the CAGR is null.
 */
export function projectCagr(y0: number, t0: number, yt: number, t: number, T: number): number | null {
  const r = cagr(y0, yt, t0, t);
  if (r === null) return null;
  const v = yt * (1 + r) ** (T - t);
  return Number.isFinite(v) ? v : null;
}

/**
 * Linear projection to year T through the two points: y_t + (y_t − y0) ÷ (t − t0) · (T − t).
 * Null when a value is missing or t = t0.
 */
export function projectLinear(y0: number, t0: number, yt: number, t: number, T: number): number | null {
  if (![y0, t0, yt, t, T].every(Number.isFinite) || t === t0) return null;
  return yt + ((yt - y0) / (t - t0)) * (T - t);
}

/**
 * Share of the way from base to target for a level target (任务进度): (y_t − y0) ÷ (target − y0).
 * 1 = target reached, above 1 = exceeded, negative = moved away. Works for both directions (a falling
 * target has a negative denominator). Null when a value is missing or target = base (no way to go).
 */
export function levelShare(y0: number, yt: number, target: number): number | null {
  if (![y0, yt, target].every(Number.isFinite) || target === y0) return null;
  return (yt - y0) / (target - y0);
}

/**
 * The level implied by a growth-path target ("grow g a year on average from the base year"):
 * y0 · (1 + g)^(T − t0). With it, a growth target becomes a level target whose required CAGR is exactly g.
 */
export function growthPathTarget(y0: number, g: number, t0: number, T: number): number {
  return y0 * (1 + g) ** (T - t0);
}

/** Achieved average growth against the required one (growth-path targets). */
export interface GrowthVsRequired {
  /** CAGR from base year to current year (fraction per year), null if not computable. */
  readonly achieved: number | null;
  /** The required average growth g (fraction per year). */
  readonly required: number;
  /** achieved ÷ required; null when achieved is null or required = 0. */
  readonly ratio: number | null;
  /** achieved ≥ required. */
  readonly met: boolean;
}

/**
 * For a target "average annual growth ≥ g from t0": achieved = CAGR(y0, y_t, t0, t), compared with g.
 * Unit: fractions per year. ratio = achieved ÷ g (Open SDG method 2's progress value when the path
 * target is y0·(1+g)^(T−t0), because then CAGR_r = g).
 */
export function growthVsRequired(y0: number, t0: number, yt: number, t: number, g: number): GrowthVsRequired {
  const achieved = cagr(y0, yt, t0, t);
  return {
    achieved,
    required: g,
    ratio: achieved === null || g === 0 ? null : achieved / g,
    met: achieved !== null && achieved >= g,
  };
}

/**
 * Elapsed share of the plan period (时间进度): (asOf − end of base year) ÷ (end of target year − end of
 * base year), in days, clamped to [0, 1]. "End of year" is 31 December; `asOf` is a calendar date in
 * Asia/Shanghai, counted at the end of that day. Ex post (asOf after the target year) it is 1: in late 2026
 * a 2025 target has 100 % of its time elapsed. Null when targetYear ≤ baseYear.
 */
export function timeShare(baseYear: number, targetYear: number, asOf: DateParts): number | null {
  if (!(targetYear > baseYear)) return null;
  const start = dayNumber({ year: baseYear, month: 12, day: 31 });
  const end = dayNumber({ year: targetYear, month: 12, day: 31 });
  const share = (dayNumber(asOf) - start) / (end - start);
  return Math.min(1, Math.max(0, share));
}
