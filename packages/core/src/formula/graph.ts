import { err, ok, type Problem, type Result } from '../shared/result.ts';
import { collectRefs, findRef, type FormulaNode } from './ast.ts';
import { checkFormula, type FormulaType } from './check.ts';
import { compileFormula, type FormulaEnv, type Kernel } from './compile.ts';
import { parseFormula } from './parse.ts';

/** A derived indicator: its code and its formula over other indicators' codes. */
export interface FormulaDefinition {
  readonly code: string;
  readonly formula: string;
}

/** One derived indicator, parsed, checked and compiled. */
export interface CompiledFormula {
  readonly code: string;
  readonly source: string;
  readonly tree: FormulaNode;
  /** Indicator codes it reads (inputs or other derived indicators). */
  readonly refs: readonly string[];
  readonly kernel: Kernel;
}

/** A set of derived indicators in an order where each comes after everything it reads. */
export interface FormulaSet {
  /** Derived codes in topological order. */
  readonly order: readonly string[];
  readonly formulas: ReadonlyMap<string, CompiledFormula>;
}

function located(p: Problem, code: string): Problem {
  return {
    ...p,
    params: { ...p.params, indicator: code },
    where: `${code}:${p.where ?? ''}`,
    message: `${code}: ${p.message ?? p.code}`,
  };
}

/**
 * Parses, checks and compiles every formula and orders them by dependency (depth-first topological
 * sort). `inputs` are the codes of stored (non-derived) indicators.
 *
 * Refusals, all collected (each with `params.indicator` and `params.position`, the character offset in
 * that indicator's formula): parse and type errors (see {@link parseFormula}, {@link checkFormula}); a
 * formula of boolean type (`E_FORMULA_TYPE`); `E_FORMULA_UNKNOWN_REF` for a name that is neither an
 * input nor a derived code; `E_FORMULA_DUPLICATE` for a code defined twice or both input and derived;
 * `E_FORMULA_CYCLE` (params `cycle`, e.g. "a → b → a", position of the reference closing the cycle).
 * A formula that reads itself through `lag` is also a cycle (recursive definitions are not supported).
 */
export function compileFormulaSet(
  defs: readonly FormulaDefinition[],
  inputs: Iterable<string>,
): Result<FormulaSet, readonly Problem[]> {
  const inputSet = new Set(inputs);
  const problems: Problem[] = [];
  const formulas = new Map<string, CompiledFormula>();
  for (const d of defs) {
    if (formulas.has(d.code) || inputSet.has(d.code)) {
      problems.push({
        code: 'E_FORMULA_DUPLICATE',
        params: { indicator: d.code },
        where: d.code,
        message: `${d.code} is defined twice`,
      });
      continue;
    }
    const parsed = parseFormula(d.formula);
    if (!parsed.ok) {
      problems.push(located(parsed.error, d.code));
      continue;
    }
    const typed: Result<FormulaType> = checkFormula(parsed.value);
    if (!typed.ok) {
      problems.push(located(typed.error, d.code));
      continue;
    }
    if (typed.value !== 'number') {
      problems.push(
        located(
          {
            code: 'E_FORMULA_TYPE',
            params: { position: 0, expected: 'number', got: 'boolean' },
            where: 'formula:0',
            message: 'a formula must give a number',
          },
          d.code,
        ),
      );
      continue;
    }
    formulas.set(d.code, {
      code: d.code,
      source: d.formula,
      tree: parsed.value,
      refs: collectRefs(parsed.value),
      kernel: compileFormula(parsed.value),
    });
  }
  const definedOrBroken = new Set(defs.map((d) => d.code));
  for (const f of formulas.values()) {
    for (const r of f.refs) {
      if (!inputSet.has(r) && !definedOrBroken.has(r)) {
        const node = findRef(f.tree, r);
        const position = node?.start ?? 0;
        problems.push({
          code: 'E_FORMULA_UNKNOWN_REF',
          params: { indicator: f.code, name: r, position },
          where: `${f.code}:formula:${position}`,
          message: `${f.code}: unknown reference ${r} at character ${position}`,
        });
      }
    }
  }
  const order: string[] = [];
  const state = new Map<string, 1 | 2>();
  const path: string[] = [];
  const visit = (code: string): void => {
    const f = formulas.get(code);
    if (!f || state.get(code) === 2) return;
    state.set(code, 1);
    path.push(code);
    for (const r of f.refs) {
      if (!formulas.has(r)) continue;
      if (state.get(r) === 1) {
        const cycle = [...path.slice(path.indexOf(r)), r].join(' → ');
        const position = findRef(f.tree, r)?.start ?? 0;
        problems.push({
          code: 'E_FORMULA_CYCLE',
          params: { indicator: code, cycle, position },
          where: `${code}:formula:${position}`,
          message: `${code}: circular reference ${cycle} at character ${position}`,
        });
        continue;
      }
      visit(r);
    }
    path.pop();
    state.set(code, 2);
    order.push(code);
  };
  for (const code of formulas.keys()) visit(code);
  if (problems.length > 0) return err(problems);
  return ok({ order, formulas });
}

/** Shape of a column store: rows × periods, unit-major (see {@link FormulaEnv}). */
export interface PanelShape {
  readonly units: number;
  readonly periods: number;
}

/**
 * Evaluates derived indicators in topological order and returns their new columns (inputs are never
 * modified). A referenced column absent from `columns` is all-missing. With `only`, just those derived
 * codes are (re)computed, in dependency order; every other code is read from `columns` — this is how
 * ratios are recomputed from rolled-up components at aggregate nodes.
 */
export function evaluateFormulaSet(
  set: FormulaSet,
  columns: ReadonlyMap<string, Float64Array>,
  shape: PanelShape,
  only?: ReadonlySet<string>,
): Map<string, Float64Array> {
  const out = new Map<string, Float64Array>();
  const env: FormulaEnv = {
    units: shape.units,
    periods: shape.periods,
    column: (name) => out.get(name) ?? columns.get(name),
  };
  for (const code of set.order) {
    if (only && !only.has(code)) continue;
    out.set(code, set.formulas.get(code)!.kernel(env));
  }
  return out;
}

/**
 * Evaluates one formula on single values (a preview in the web app): `values` maps codes to numbers;
 * absent codes are missing; `lag` is always missing. Returns NaN for missing. Errors as {@link compileFormulaSet}.
 */
export function evaluateFormulaOnce(
  formula: string,
  values: Readonly<Record<string, number>>,
): Result<number> {
  const set = compileFormulaSet([{ code: '__preview', formula }], Object.keys(values));
  if (!set.ok) return err(set.error[0]!);
  const cols = new Map(Object.entries(values).map(([k, v]) => [k, Float64Array.of(v)] as const));
  return ok(evaluateFormulaSet(set.value, cols, { units: 1, periods: 1 }).get('__preview')![0]!);
}
