import { compileFormulaSet, evaluateFormulaSet, type FormulaSet } from '../formula/graph.ts';
import { err, ok, type Problem, type Result } from '../shared/result.ts';
import { rollUpColumn, type AggregationType, type RolledColumn } from './rollup.ts';
import type { RollupPlan } from './tree.ts';

/** What the roll-up needs to know about an indicator. */
export interface IndicatorSpec {
  readonly code: string;
  readonly aggregation: AggregationType;
  /** Formula over other codes for derived indicators (required for `ratio`). */
  readonly formula?: string | null;
  /** Weight indicator code (required for `weighted_mean`). */
  readonly weight?: string | null;
}

/** A prepared set of indicators: checked once, reused for every computation. */
export interface MonitoringModel {
  readonly specs: ReadonlyMap<string, IndicatorSpec>;
  readonly formulas: FormulaSet;
  /** Codes of ratio indicators, recomputed at aggregate rows. */
  readonly ratios: ReadonlySet<string>;
}

/**
 * Checks and compiles the indicator specs. Errors (all collected): formula problems (see
 * `compileFormulaSet`), `E_AGGREGATE_RATIO_FORMULA` (a ratio without a formula),
 * `E_AGGREGATE_WEIGHT` (weighted_mean without a known weight indicator).
 */
export function prepareMonitoringModel(
  specs: readonly IndicatorSpec[],
): Result<MonitoringModel, readonly Problem[]> {
  const problems: Problem[] = [];
  const byCode = new Map(specs.map((s) => [s.code, s] as const));
  for (const s of specs) {
    if (s.aggregation === 'ratio' && !s.formula) {
      problems.push({
        code: 'E_AGGREGATE_RATIO_FORMULA',
        params: { indicator: s.code },
        message: `${s.code}: a ratio needs a formula`,
      });
    }
    if (s.aggregation === 'weighted_mean' && (!s.weight || !byCode.has(s.weight))) {
      problems.push({
        code: 'E_AGGREGATE_WEIGHT',
        params: { indicator: s.code, weight: s.weight ?? '' },
        message: `${s.code}: weighted_mean needs a known weight indicator`,
      });
    }
  }
  const derived = specs.filter((s) => s.formula).map((s) => ({ code: s.code, formula: s.formula! }));
  const inputs = specs.filter((s) => !s.formula).map((s) => s.code);
  const set = compileFormulaSet(derived, inputs);
  if (!set.ok) problems.push(...set.error);
  if (problems.length > 0 || !set.ok) return err(problems);
  return ok({
    specs: byCode,
    formulas: set.value,
    ratios: new Set(specs.filter((s) => s.aggregation === 'ratio').map((s) => s.code)),
  });
}

/**
 * Every derived and rolled-up value of a panel, in three steps:
 * 1. derived indicators are computed from the stored inputs on every row (formulas in dependency order);
 * 2. every non-ratio indicator is rolled up the tree by its type ({@link rollUpColumn});
 * 3. ratio indicators are recomputed by their formula from the rolled-up components on every row, so a
 *    zone's R&D intensity is Σ R&D ÷ Σ GDP, never a mean of park intensities. A ratio's completeness is
 *    the lowest completeness of the indicators its formula reads (a ratio of partial sums is partial).
 *
 * `inputs` holds stored values (rows = `plan.ids`, columns unit-major rows × periods); a missing column is
 * all-missing. Stored values at aggregate rows are ignored (they are recomputed). Pure; O(indicators × rows × periods).
 */
export function computeMonitoring(
  model: MonitoringModel,
  plan: RollupPlan,
  inputs: ReadonlyMap<string, Float64Array>,
): Map<string, RolledColumn> {
  const shape = { units: plan.ids.length, periods: plan.periods };
  const size = shape.units * shape.periods;
  const leafDerived = evaluateFormulaSet(model.formulas, inputs, shape);
  const base = (code: string): Float64Array =>
    leafDerived.get(code) ?? inputs.get(code) ?? new Float64Array(size).fill(NaN);
  const out = new Map<string, RolledColumn>();
  for (const spec of model.specs.values()) {
    if (spec.aggregation === 'ratio') continue;
    out.set(
      spec.code,
      rollUpColumn(plan, spec.aggregation, base(spec.code), spec.weight ? base(spec.weight) : undefined),
    );
  }
  const rolled = new Map<string, Float64Array>();
  for (const [k, v] of out) rolled.set(k, v.values);
  const ratios = evaluateFormulaSet(model.formulas, rolled, shape, model.ratios);
  for (const code of model.formulas.order) {
    const values = ratios.get(code);
    if (!values) continue;
    const completeness = new Float64Array(size).fill(1);
    for (const ref of model.formulas.formulas.get(code)!.refs) {
      const c = out.get(ref)?.completeness;
      if (!c) continue;
      for (let i = 0; i < size; i++) if (!(completeness[i]! <= c[i]!)) completeness[i] = c[i]!;
    }
    out.set(code, { values, completeness });
  }
  return out;
}
