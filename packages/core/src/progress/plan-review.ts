/** Bands of China's plan mid-term/final review (规划评估), from r = progress share ÷ time share. */
export type PlanBand =
  | 'achieved_early' // 提前实现
  | 'achieved' // 已实现
  | 'not_achieved' // 未实现
  | 'ahead' // 快于预期
  | 'on_track' // 基本符合预期
  | 'on_track_warned' // 基本符合预期（预警）
  | 'lagging' // 滞后
  | 'no_data'; // 暂无数据

/** Card colours. */
export type PlanColour = 'blue' | 'green' | 'yellow' | 'red' | 'grey';

/** Labels and colours of the bands. */
export const PLAN_BANDS: Readonly<
  Record<PlanBand, { readonly zh: string; readonly en: string; readonly colour: PlanColour }>
> = {
  achieved_early: { zh: '提前实现', en: 'achieved early', colour: 'blue' },
  achieved: { zh: '已实现', en: 'achieved', colour: 'blue' },
  not_achieved: { zh: '未实现', en: 'not achieved', colour: 'red' },
  ahead: { zh: '快于预期', en: 'ahead of schedule', colour: 'blue' },
  on_track: { zh: '基本符合预期', en: 'broadly on schedule', colour: 'green' },
  on_track_warned: { zh: '基本符合预期', en: 'broadly on schedule (warning)', colour: 'yellow' },
  lagging: { zh: '滞后', en: 'behind schedule', colour: 'red' },
  no_data: { zh: '暂无数据', en: 'no data', colour: 'grey' },
};

/** Cut-offs on r (configurable). Defaults: ahead ≥ 1.1; on track ≥ 0.9; warned ≥ 0.7; else lagging. */
export interface PlanBandCutoffs {
  readonly ahead: number;
  readonly onTrack: number;
  readonly warned: number;
}

/** Default cut-offs 1.1 / 0.9 / 0.7. */
export const DEFAULT_PLAN_CUTOFFS: PlanBandCutoffs = { ahead: 1.1, onTrack: 0.9, warned: 0.7 };

/** Inputs of {@link planReviewBand}. */
export interface PlanReviewInput {
  /** Share of the way from base to target (任务进度), e.g. from `levelShare`; null without data. */
  readonly progressShare: number | null;
  /** Elapsed share of the plan period (时间进度) from `timeShare`, in [0, 1]; null if unknown. */
  readonly timeShare: number | null;
  /** The current value meets the target (by its comparator). */
  readonly met: boolean;
  /** asOf is after the end of the target year (ex-post evaluation). */
  readonly pastTargetYear: boolean;
}

/** A band with its ratio. */
export interface PlanReviewResult {
  readonly band: PlanBand;
  readonly colour: PlanColour;
  /** r = progress share ÷ time share, null when not defined. */
  readonly ratio: number | null;
  /** Share of the way achieved (reported with 未实现). */
  readonly progressShare: number | null;
}

/**
 * Plan-review band (时间过半、任务过半):
 * - met and asOf past the target year → 已实现 (blue); met before → 提前实现 (blue);
 * - past the target year and not met → 未实现 (red), with the share of the way achieved;
 * - otherwise r = progressShare ÷ timeShare: r ≥ 1.1 快于预期 (blue); 0.9 ≤ r < 1.1 基本符合预期 (green);
 *   0.7 ≤ r < 0.9 基本符合预期 warned (yellow); r < 0.7 滞后 (red);
 * - no progress share, or time share null or 0 (the plan has not started: pace undefined) → 暂无数据 (grey).
 * The bands are the conventional ones of Chinese plan reviews (e.g. NDRC mid-term evaluations of the
 * 14th Five-Year Plan); the cut-offs are defaults a coordinator may change.
 */
export function planReviewBand(
  input: PlanReviewInput,
  cutoffs: PlanBandCutoffs = DEFAULT_PLAN_CUTOFFS,
): PlanReviewResult {
  const mk = (band: PlanBand, ratio: number | null): PlanReviewResult => ({
    band,
    colour: PLAN_BANDS[band].colour,
    ratio,
    progressShare: input.progressShare,
  });
  if (input.met) return mk(input.pastTargetYear ? 'achieved' : 'achieved_early', null);
  const p = input.progressShare;
  if (input.pastTargetYear) return p === null ? mk('no_data', null) : mk('not_achieved', null);
  const t = input.timeShare;
  if (p === null || !Number.isFinite(p) || t === null || !(t > 0)) return mk('no_data', null);
  const r = p / t;
  if (r >= cutoffs.ahead) return mk('ahead', r);
  if (r >= cutoffs.onTrack) return mk('on_track', r);
  if (r >= cutoffs.warned) return mk('on_track_warned', r);
  return mk('lagging', r);
}
