// Warnings against a unit's own history: plausible values that deserve a second look and a comment.
// A warning never refuses a row that carries a comment (the importer enforces that rule).

export type WarningKind =
  'outlier_z' | 'outlier_mad' | 'yoy_change' | 'fraction_of_percent' | 'magnitude_1e4';

export interface WarningThresholds {
  /** |z| above this against the history's mean and standard deviation (needs minHistory points). */
  readonly z: number;
  /** Modified z-score 0.6745·|x − median| / MAD above this (Iglewicz–Hoaglin 3.5). */
  readonly mad: number;
  /** |x / previous − 1| above this (0.5 = a 50 % change on the previous period). */
  readonly yoy: number;
  /** Points of history needed before the z-score and MAD tests speak. */
  readonly minHistory: number;
}

export const DEFAULT_WARNING_THRESHOLDS: WarningThresholds = { z: 3, mad: 3.5, yoy: 0.5, minHistory: 3 };

export interface WarningInput {
  readonly value: number;
  /** Earlier values of the same indicator, unit and source, any order; missing values left out. */
  readonly history: readonly number[];
  /** The value of the immediately preceding period, when stored. */
  readonly previous: number | null;
  readonly percent: boolean;
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Every warning a value raises against its history (empty when nothing looks odd). */
export function historyWarnings(
  input: WarningInput,
  t: WarningThresholds = DEFAULT_WARNING_THRESHOLDS,
): WarningKind[] {
  const { value, history, previous } = input;
  const out: WarningKind[] = [];
  if (history.length >= t.minHistory) {
    const mean = history.reduce((a, b) => a + b, 0) / history.length;
    const sd = Math.sqrt(history.reduce((a, b) => a + (b - mean) ** 2, 0) / (history.length - 1));
    if (sd > 0 && Math.abs(value - mean) / sd > t.z) out.push('outlier_z');
    const med = median(history);
    const mad = median(history.map((h) => Math.abs(h - med)));
    if (mad > 0 && (0.6745 * Math.abs(value - med)) / mad > t.mad) out.push('outlier_mad');
  }
  if (previous !== null && previous !== 0 && Math.abs(value / previous - 1) > t.yoy) out.push('yoy_change');
  if (
    input.percent &&
    history.length > 0 &&
    history.every((h) => h > 1) &&
    value !== 0 &&
    Math.abs(value) < 1
  )
    out.push('fraction_of_percent');
  if (history.length > 0 && value !== 0) {
    const ref = median(history);
    const ratio = ref === 0 ? 0 : Math.abs(value / ref);
    // 10^3.5 … 10^4.5 either way: a 万元 figure typed into an 亿元 column, or the reverse.
    if (ratio > 0 && Math.abs(Math.abs(Math.log10(ratio)) - 4) <= 0.5) out.push('magnitude_1e4');
  }
  return out;
}
