// Phases 3–4 of an import's checks, the warnings against each value's history and the cross-indicator
// rules, computed over a plan packed into typed arrays (`CheckInput`, built by import.plan.ts). Plain data
// in, verdicts out: the same code runs on the importing thread, or for a large import on a worker thread
// while the database writes (import.checks.thread.ts). The planner turns the verdicts into problems and
// notices.
import {
  failingRules,
  historyWarnings,
  type CompiledRule,
  type ValidationRule,
  type WarningKind,
} from '@scimon/core';

/** The warning kinds in the order historyWarnings reports them; bit k of a verdict is WARNING_KINDS[k]. */
export const WARNING_KINDS: readonly WarningKind[] = [
  'outlier_z',
  'outlier_mad',
  'yoy_change',
  'fraction_of_percent',
  'magnitude_1e4',
];
const BIT = new Map(WARNING_KINDS.map((k, i) => [k, 1 << i]));

export interface CheckInput {
  /** Earlier periods (of the same kind) a value is compared with. */
  historyWindow: number;
  /** Series k (indicator, org unit, source) holds slots seriesStart[k] … seriesStart[k + 1] − 1. */
  seriesStart: Int32Array;
  /** Per slot: period kind (a small code), ordinal (consecutive periods of a kind: consecutive numbers), value (NaN: not reported). */
  slotKind: Uint8Array;
  slotOrd: Float64Array;
  slotValue: Float64Array;
  /** Per change, in plan order: its series and slot (absolute), whether a percentage, its rule group's key. */
  changeSeries: Int32Array;
  changeSlot: Int32Array;
  changePercent: Uint8Array;
  changeGroupKey: Float64Array;
  /** The rules (as compiled on the importing thread, in the same order) and the indicator codes they may name. */
  rules: ValidationRule[];
  indicatorCodes: string[];
  /**
   * Values the rules read, stored ones first, then the file's (a later row overrides an earlier one of the
   * same group and indicator): group key, indicator (index into `ruleIndicators`), value (NaN: missing).
   */
  ruleIndicators: string[];
  fillGroupKey: Float64Array;
  fillIndicator: Int32Array;
  fillValue: Float64Array;
}

export interface Verdicts {
  /** Per change: its history warnings, bit k for WARNING_KINDS[k]. */
  warnBits: Uint8Array;
  /** Per change: its rule group, numbered in order of first appearance among the changes. */
  changeGroup: Int32Array;
  /** Groups breaking rules, as failingRules lists them, with the indices of the rules they break. */
  failing: [group: number, rules: number[]][];
}

/** The buffers of an input or verdicts, to transfer (not copy) between threads. */
export const buffersOf = (o: object): ArrayBuffer[] =>
  Object.values(o)
    .filter((v): v is ArrayBufferView => ArrayBuffer.isView(v))
    .map((v) => v.buffer as ArrayBuffer);

/** Per series, its slots in (kind, ordinal, slot) order and each slot's place in it (null: in order already). */
export class SeriesOrder {
  /** Per series: undefined until first asked. */
  private readonly order: ({ order: Int32Array; place: Int32Array } | null | undefined)[] = [];
  constructor(private readonly input: CheckInput) {}

  private compare(a: number, b: number): number {
    const { slotKind: k, slotOrd: o } = this.input;
    return k[a]! - k[b]! || o[a]! - o[b]! || a - b;
  }

  of(series: number): { order: Int32Array; place: Int32Array } | null {
    let o = this.order[series];
    if (o !== undefined) return o;
    const start = this.input.seriesStart[series]!;
    const end = this.input.seriesStart[series + 1]!;
    let inOrder = true;
    for (let j = start + 1; j < end && inOrder; j++) inOrder = this.compare(j - 1, j) < 0;
    o = null;
    if (!inOrder) {
      const order = Int32Array.from(
        Array.from({ length: end - start }, (_, j) => start + j).sort((a, b) => this.compare(a, b)),
      );
      const place = new Int32Array(end - start);
      for (let q = 0; q < order.length; q++) place[order[q]! - start] = q;
      o = { order, place };
    }
    this.order[series] = o;
    return o;
  }
}

const windowSlots: number[] = [];

/**
 * The reported values of the `window` periods of the same kind before the slot's, in slot order, into
 * `out`; returns the immediately preceding period's value (null when not reported or absent). Walks back
 * from the slot's place in period order: bounded work per value however long the series.
 */
export function historyOf(
  input: CheckInput,
  orders: SeriesOrder,
  series: number,
  slot: number,
  out: number[],
): number | null {
  const { slotKind, slotOrd, slotValue, historyWindow: window } = input;
  const start = input.seriesStart[series]!;
  const sorted = orders.of(series);
  const kind = slotKind[slot]!;
  const ord = slotOrd[slot]!;
  out.length = 0;
  windowSlots.length = 0;
  let prev: number | null = null;
  const oldest = ord - Math.max(window, 1); // the preceding period counts whatever the window
  for (let q = (sorted ? sorted.place[slot - start]! : slot - start) - 1; q >= 0; q--) {
    const j = sorted ? sorted.order[q]! : start + q;
    if (slotKind[j] !== kind) break;
    const o = slotOrd[j]!;
    if (o < oldest) break;
    const v = slotValue[j]!;
    if (o >= ord || Number.isNaN(v)) continue; // the same period under another code; not reported
    // Walking back, the first value of the previous period is the last in slot order.
    if (o === ord - 1 && prev === null) prev = v;
    if (o >= ord - window) windowSlots.push(j);
  }
  // Slot order, as the values were always gathered (the mean's rounding depends on the order).
  for (let a = 1; a < windowSlots.length; a++) {
    const x = windowSlots[a]!;
    let b = a - 1;
    for (; b >= 0 && windowSlots[b]! > x; b--) windowSlots[b + 1] = windowSlots[b]!;
    windowSlots[b + 1] = x;
  }
  for (const j of windowSlots) out.push(slotValue[j]!);
  return prev;
}

/** Every warning and rule verdict of a packed plan (`rules` compiled from `input.rules`, same order). */
export function computeVerdicts(input: CheckInput, rules: readonly CompiledRule[]): Verdicts {
  const n = input.changeSeries.length;
  const warnBits = new Uint8Array(n);
  const orders = new SeriesOrder(input);
  const history: number[] = [];
  for (let i = 0; i < n; i++) {
    const slot = input.changeSlot[i]!;
    const value = input.slotValue[slot]!;
    if (Number.isNaN(value)) continue; // not reported: nothing to compare
    const previous = historyOf(input, orders, input.changeSeries[i]!, slot, history);
    const kinds = historyWarnings({ value, history, previous, percent: input.changePercent[i] === 1 });
    let bits = 0;
    for (const k of kinds) bits |= BIT.get(k)!;
    warnBits[i] = bits;
  }

  // Rules: one group per (org unit, period, source) with a change; stored values, then the file's, fill
  // the indicators the rules name (they read nothing else).
  const changeGroup = new Int32Array(n);
  const groupOf = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const key = input.changeGroupKey[i]!;
    let g = groupOf.get(key);
    if (g === undefined) groupOf.set(key, (g = groupOf.size));
    changeGroup[i] = g;
  }
  const failing: [number, number[]][] = [];
  if (rules.length) {
    const values = Array.from({ length: groupOf.size }, () => new Map<string, number>());
    for (let r = 0; r < input.fillGroupKey.length; r++) {
      const g = groupOf.get(input.fillGroupKey[r]!);
      if (g === undefined) continue;
      const ind = input.ruleIndicators[input.fillIndicator[r]!]!;
      const v = input.fillValue[r]!;
      if (Number.isNaN(v)) values[g]!.delete(ind);
      else values[g]!.set(ind, v);
    }
    const index = new Map(rules.map((rule, i) => [rule, i]));
    for (const [g, broken] of failingRules(rules, values))
      failing.push([g, broken.map((rule) => index.get(rule)!)]);
  }
  return { warnBits, changeGroup, failing };
}
