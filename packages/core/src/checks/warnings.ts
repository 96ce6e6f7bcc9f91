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

// Scratch space reused across calls: an import checks a million values, and a sorted copy plus a
// deviations array per value was most of the cost (no allocation per value here).
let sorted = new Float64Array(64);
let deviations = new Float64Array(64);

/** Sorts the first n numbers of `xs` ascending, in place (insertion sort: histories are short). */
function sortPrefix(xs: Float64Array, n: number): void {
  if (n > 32) {
    xs.subarray(0, n).sort();
    return;
  }
  for (let i = 1; i < n; i++) {
    const x = xs[i]!;
    let j = i - 1;
    while (j >= 0 && xs[j]! > x) {
      xs[j + 1] = xs[j]!;
      j--;
    }
    xs[j + 1] = x;
  }
}

/** The median of the first n numbers of an ascending array. */
const medianOfSorted = (xs: Float64Array, n: number): number => {
  const m = n >> 1;
  return n % 2 ? xs[m]! : (xs[m - 1]! + xs[m]!) / 2;
};

/** Every warning a value raises against its history (empty when nothing looks odd). */
export function historyWarnings(
  input: WarningInput,
  t: WarningThresholds = DEFAULT_WARNING_THRESHOLDS,
): WarningKind[] {
  const { value, history, previous } = input;
  const n = history.length;
  const out: WarningKind[] = [];
  let med = NaN;
  if (n > 0) {
    if (sorted.length < n) {
      sorted = new Float64Array(n * 2);
      deviations = new Float64Array(n * 2);
    }
    for (let i = 0; i < n; i++) sorted[i] = history[i]!;
    sortPrefix(sorted, n);
    med = medianOfSorted(sorted, n);
  }
  if (n >= t.minHistory) {
    // Sums in the history's own order (the same rounding as summing the list as given).
    let sum = 0;
    for (let i = 0; i < n; i++) sum += history[i]!;
    const mean = sum / n;
    let squares = 0;
    for (let i = 0; i < n; i++) squares += (history[i]! - mean) ** 2;
    const sd = Math.sqrt(squares / (n - 1));
    if (sd > 0 && Math.abs(value - mean) / sd > t.z) out.push('outlier_z');
    for (let i = 0; i < n; i++) deviations[i] = Math.abs(history[i]! - med);
    sortPrefix(deviations, n);
    const mad = medianOfSorted(deviations, n);
    if (mad > 0 && (0.6745 * Math.abs(value - med)) / mad > t.mad) out.push('outlier_mad');
  }
  if (previous !== null && previous !== 0 && Math.abs(value / previous - 1) > t.yoy) out.push('yoy_change');
  if (input.percent && n > 0 && sorted[0]! > 1 && value !== 0 && Math.abs(value) < 1)
    out.push('fraction_of_percent');
  if (n > 0 && value !== 0) {
    const ratio = med === 0 ? 0 : Math.abs(value / med);
    // 10^3.5 … 10^4.5 either way: a 万元 figure typed into an 亿元 column, or the reverse.
    if (ratio > 0 && Math.abs(Math.abs(Math.log10(ratio)) - 4) <= 0.5) out.push('magnitude_1e4');
  }
  return out;
}
