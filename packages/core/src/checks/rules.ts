// Validation rules across indicators of one (org unit, period, source), written in the formula
// language (`rd_expenditure <= gdp`). Evaluated column-wise over many groups at once.
import { err, ok, type Problem, type Result } from '../shared/result.ts';
import { parseFormula } from '../formula/parse.ts';
import { checkFormula } from '../formula/check.ts';
import { compileFormula, type Kernel } from '../formula/compile.ts';
import { collectRefs } from '../formula/ast.ts';

export interface ValidationRule {
  readonly code: string;
  /** A boolean formula that must hold. */
  readonly expression: string;
  /** skip: the rule is not checked when an operand is missing; zero: missing operands count as 0. */
  readonly missing: 'skip' | 'zero';
  /** error refuses the rows; warning asks for a comment. */
  readonly importance: 'error' | 'warning';
}

export interface CompiledRule extends ValidationRule {
  readonly refs: readonly string[];
  readonly kernel: Kernel;
}

/** Parses and type-checks rules; a rule must be boolean and may only name known indicator codes. */
export function compileRules(
  rules: readonly ValidationRule[],
  known: ReadonlySet<string>,
): Result<CompiledRule[]> {
  const out: CompiledRule[] = [];
  for (const r of rules) {
    const parsed = parseFormula(r.expression);
    if (!parsed.ok) return err({ ...parsed.error, params: { ...parsed.error.params, rule: r.code } });
    const typed = checkFormula(parsed.value);
    if (!typed.ok) return err({ ...typed.error, params: { ...typed.error.params, rule: r.code } });
    if (typed.value !== 'boolean')
      return err({
        code: 'E_FORMULA_TYPE',
        params: { rule: r.code, expected: 'boolean', got: 'number' },
      } as Problem);
    const refs = [...new Set(collectRefs(parsed.value))];
    const unknown = refs.find((c) => !known.has(c));
    if (unknown) return err({ code: 'E_FORMULA_UNKNOWN_REF', params: { rule: r.code, name: unknown } });
    out.push({ ...r, refs, kernel: compileFormula(parsed.value) });
  }
  return ok(out);
}

/**
 * Evaluates every rule on `groups` (each a map of indicator code → value; absent or NaN = missing) and
 * returns, per group index, the codes of the rules it breaks.
 */
export function failingRules(
  rules: readonly CompiledRule[],
  groups: readonly ReadonlyMap<string, number>[],
): Map<number, CompiledRule[]> {
  const failures = new Map<number, CompiledRule[]>();
  const n = groups.length;
  for (const rule of rules) {
    const cols = new Map<string, Float64Array>();
    for (const ref of rule.refs) {
      const col = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const v = groups[i]!.get(ref);
        col[i] = v === undefined || Number.isNaN(v) ? (rule.missing === 'zero' ? 0 : NaN) : v;
      }
      cols.set(ref, col);
    }
    const result = rule.kernel({ units: n, periods: 1, column: (c) => cols.get(c) });
    for (let i = 0; i < n; i++) {
      if (result[i] === 0) {
        const list = failures.get(i) ?? [];
        list.push(rule);
        failures.set(i, list);
      }
    }
  }
  return failures;
}
