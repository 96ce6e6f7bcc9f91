import { cagr } from './growth.ts';

/** Open SDG progress statuses (sdg-build names). */
export type OpenSdgStatus =
  | 'target_achieved'
  | 'substantial_progress'
  | 'moderate_progress'
  | 'limited_progress'
  | 'deterioration'
  | 'not_available';

/** Display names of the statuses (issue 5: achieved, on track, needs acceleration, limited progress, regressing). */
export const OPEN_SDG_STATUS_NAMES: Readonly<
  Record<OpenSdgStatus, { readonly en: string; readonly zh: string }>
> = {
  target_achieved: { en: 'achieved', zh: '已实现' },
  substantial_progress: { en: 'on track', zh: '进展良好' },
  moderate_progress: { en: 'needs acceleration', zh: '需加快进度' },
  limited_progress: { en: 'limited progress', zh: '进展有限' },
  deterioration: { en: 'regressing', zh: '倒退' },
  not_available: { en: 'not available', zh: '暂无数据' },
};

/** Progress thresholds (high, med, low) for one method. */
export interface ProgressThresholds {
  readonly high: number;
  readonly med: number;
  readonly low: number;
}

/** Defaults of Open SDG 2.4: method 1 (no target) 0.015/0.005/0; method 2 (target) 0.95/0.60/0. */
export const OPEN_SDG_THRESHOLDS: {
  readonly method1: ProgressThresholds;
  readonly method2: ProgressThresholds;
} = {
  method1: { high: 0.015, med: 0.005, low: 0 },
  method2: { high: 0.95, med: 0.6, low: 0 },
};

/** One series' inputs. Missing values are `null` (or NaN). Years may be fractional-free decimals (2015.0). */
export interface OpenSdgInput {
  readonly baseYear: number | null;
  readonly baseValue: number | null;
  readonly currentYear: number | null;
  readonly currentValue: number | null;
  /** Target value; null selects method 1. */
  readonly target: number | null;
  readonly targetYear: number | null;
  /** +1: higher is better; −1: lower is better. */
  readonly direction: 1 | -1;
  /** Natural maximum (direction +1) or minimum (−1); used only by method 1. */
  readonly limit: number | null;
}

/** Result for one series. */
export interface OpenSdgResult {
  /** 1 = no target, 2 = target. */
  readonly method: 1 | 2;
  readonly targetAchieved: boolean;
  /** v; null when not computable (see {@link openSdgProgress}). */
  readonly progressValue: number | null;
  /** Score in [−5, 5]; null when not available. */
  readonly score: number | null;
  readonly status: OpenSdgStatus;
  /** Natural-limit coefficient C (method 1 with a limit), else 1. */
  readonly coefficient: number;
  /** Sign s: −1 when the base value is negative, else +1 (null without data). */
  readonly sign: 1 | -1 | null;
  /** Warnings as sdg-build issues them (codes): base beyond limit, limit ignored, zero replaced. */
  readonly warnings: readonly string[];
}

const num = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x);

/**
 * Open SDG 2.4 / Statistics Canada progress measure for one series, exactly as sdg-build's
 * `SeriesProgress` computes it (open-sdg/sdg-build `sdg/ProgressMeasure.py`; open-sdg docs
 * `progress-methodology.md`).
 *
 * Order of decisions:
 * 1. A target of 0 is replaced by 0.001. Method 2 if there is a target, else 1.
 * 2. Target achieved (method 2 only), from the current value and target alone: (d = −1 and y_t ≤ y_T)
 *    or (d = +1 and y_t ≥ y_T). Holds even with a single year or target = base. Score 5.
 * 3. Progress value v, null (not available) when: no base/current value or year; a base value of 0 is
 *    replaced by 0.001 first; base and current of opposite sign; base year > current year; current −
 *    base year < 1; with a target, CAGR_r = 0 (target = base) or not computable.
 *    CAGR(a, b, t1, t2) = (a/b)^(1/(t1−t2)) − 1; s = −1 if base < 0 else 1; d = direction.
 *    Method 1: v = s·d·CAGR(y_t, y0, t, t0). Method 2: v = s·d·CAGR_o ÷ |CAGR(y_T, y0, T, t0)|.
 * 4. Thresholds: method 1 0.015/0.005/0 scaled by the natural-limit coefficient C (b = |y0|, L = |limit|,
 *    a = 4.44: C = 1 if b ≥ 2L; 1 − (b/L)^a if b ≤ L; else 1 − ((2L − b)/L)^a); method 2 0.95/0.60/0,
 *    limit ignored. Status: achieved; v ≥ high substantial; ≥ med moderate; ≥ low limited; else deterioration.
 * 5. Score: method 1: v < low → max(125v − 2.5, −5); C = 0 → 5; v ≥ high → min(500v/C − 5, 5); v ≥ med →
 *    250v/C − 1.25; else 500v/C − 2.5. Method 2: v ≥ med → min(7.1429v − 4.2857, 5); else
 *    max(4.1667v − 2.5, −5). Units: v is a growth rate per year (method 1) or a ratio of rates (method 2).
 *
 * `thresholds` overrides the defaults (as sdg-build's `progress_thresholds`); the score formulas stay
 * tied to the defaults, as in sdg-build.
 */
export function openSdgProgress(
  input: OpenSdgInput,
  thresholds?: Partial<ProgressThresholds>,
): OpenSdgResult {
  const warnings: string[] = [];
  let target = num(input.target) ? input.target : null;
  if (target === 0) {
    target = 0.001;
    warnings.push('target_zero_replaced');
  }
  const method: 1 | 2 = target === null ? 1 : 2;
  const d = input.direction;
  const yt = input.currentValue;
  let y0 = input.baseValue;
  const hasData = num(yt) && num(y0) && num(input.currentYear) && num(input.baseYear);
  const targetAchieved =
    method === 2 && num(yt) && ((d === -1 && yt <= target!) || (d === 1 && yt >= target!));
  const sign: 1 | -1 | null = num(y0) ? (y0 < 0 ? -1 : 1) : null;

  // Thresholds (computed from the unreplaced base value, as sdg-build does).
  let coefficient = 1;
  let th: ProgressThresholds;
  if (method === 1) {
    th = { ...OPEN_SDG_THRESHOLDS.method1, ...thresholds };
    if (num(input.limit) && num(y0)) {
      const L = input.limit;
      if (y0 < L && d === -1) warnings.push('base_below_limit');
      if (y0 > L && d === 1) warnings.push('base_above_limit');
      const b = Math.abs(y0);
      const l = Math.abs(L);
      const a = 4.44;
      if (b >= 2 * l) coefficient = 1;
      else if (b <= l) coefficient = 1 - (b / l) ** a;
      else coefficient = 1 - ((2 * l - b) / l) ** a;
      th = { high: th.high * coefficient, med: th.med * coefficient, low: th.low * coefficient };
    }
  } else {
    th = { ...OPEN_SDG_THRESHOLDS.method2, ...thresholds };
    if (num(input.limit)) warnings.push('limit_ignored');
  }

  let v: number | null = null;
  if (hasData) {
    if (y0 === 0) {
      y0 = 0.001;
      warnings.push('base_zero_replaced');
    }
    const t0 = input.baseYear!;
    const t = input.currentYear!;
    const opposite = (y0! > 0 && yt! < 0) || (y0! < 0 && yt! > 0);
    if (!opposite && t0 <= t && t - t0 >= 1) {
      const s = sign ?? 1;
      const cagrO = cagr(y0!, yt!, t0, t);
      if (method === 1) {
        v = cagrO === null ? null : s * d * cagrO;
      } else {
        const cagrR = num(input.targetYear) ? cagr(y0!, target!, t0, input.targetYear) : null;
        v = cagrO === null || cagrR === null || cagrR === 0 ? null : (s * d * cagrO) / Math.abs(cagrR);
      }
      if (v !== null && !Number.isFinite(v)) v = null;
    }
  }

  let status: OpenSdgStatus;
  if (targetAchieved) status = 'target_achieved';
  else if (v === null) status = 'not_available';
  else if (v >= th.high) status = 'substantial_progress';
  else if (v >= th.med) status = 'moderate_progress';
  else if (v >= th.low) status = 'limited_progress';
  else status = 'deterioration';

  let score: number | null = null;
  if (targetAchieved) score = 5;
  else if (v !== null) score = method === 1 ? scoreMethod1(v, th, coefficient) : scoreMethod2(v, th);

  return { method, targetAchieved, progressValue: v, score, status, coefficient, sign, warnings };
}

function scoreMethod1(v: number, th: ProgressThresholds, c: number): number {
  if (v < th.low) return Math.max(125 * v - 2.5, -5);
  if (c === 0) return 5;
  if (v >= th.high) return Math.min((500 * v) / c - 5, 5);
  if (v >= th.med) return (250 * v) / c - 1.25;
  return (500 * v) / c - 2.5;
}

function scoreMethod2(v: number, th: ProgressThresholds): number {
  if (v >= th.med) return Math.min(7.1429 * v - 4.2857, 5);
  return Math.max(4.1667 * v - 2.5, -5);
}

/**
 * Status from a score (sdg-build `get_progress_status_from_score`): achieved if `targetAchieved`;
 * [2.5, 5] substantial, [0, 2.5) moderate, [−2.5, 0) limited, [−5, −2.5) deterioration; null → not available.
 */
export function statusFromScore(score: number | null, targetAchieved = false): OpenSdgStatus {
  if (targetAchieved) return 'target_achieved';
  if (score === null || !Number.isFinite(score)) return 'not_available';
  if (score >= 2.5) return 'substantial_progress';
  if (score >= 0) return 'moderate_progress';
  if (score >= -2.5) return 'limited_progress';
  return 'deterioration';
}

/**
 * An indicator's progress from its series (sdg-build `IndicatorProgress`): score = mean of the series
 * scores that exist; status from that score; `target_achieved` only if every scored series achieved
 * its target. No scored series → score null, `not_available`.
 */
export function indicatorProgress(series: readonly Pick<OpenSdgResult, 'score' | 'targetAchieved'>[]): {
  score: number | null;
  status: OpenSdgStatus;
} {
  const scored = series.filter((s) => s.score !== null && Number.isFinite(s.score));
  if (scored.length === 0) return { score: null, status: 'not_available' };
  const score = scored.reduce((a, s) => a + s.score!, 0) / scored.length;
  return {
    score,
    status: statusFromScore(
      score,
      scored.every((s) => s.targetAchieved),
    ),
  };
}
