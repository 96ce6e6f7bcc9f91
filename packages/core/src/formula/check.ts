import { err, ok, type Problem, type Result } from '../shared/result.ts';
import { FORMULA_FUNCTIONS, type FormulaNode } from './ast.ts';

/** The two value types of the language. Indicator references and numbers are `number`. */
export type FormulaType = 'number' | 'boolean';

function at(
  code: string,
  node: { start: number },
  message: string,
  params: Record<string, string | number> = {},
): Problem {
  return {
    code,
    params: { position: node.start, ...params },
    where: `formula:${node.start}`,
    message: `${message} at character ${node.start}`,
  };
}

const ARITY: Record<string, [number, number]> = {
  min: [2, Infinity],
  max: [2, Infinity],
  abs: [1, 1],
  if: [3, 3],
  lag: [2, 2],
};

/**
 * Type-checks a parsed formula and returns the type of its result.
 *
 * Rules: arithmetic (`+ - * / ^`, unary `-`), comparisons and `min`/`max`/`abs` take numbers; `&&`,
 * `||`, `!` and the condition of `if` take booleans; `==`/`!=` take two values of one type; the two
 * branches of `if` have one type. `min`/`max` take ≥ 2 arguments, `abs` 1, `if` 3, `lag` 2, and the
 * second argument of `lag` must be a literal whole number ≥ 0 (periods back).
 *
 * Errors (with the character position of the offending node): `E_FORMULA_TYPE` (params expected, got),
 * `E_FORMULA_ARITY` (fn, expected, got), `E_FORMULA_UNKNOWN_FUNCTION` (fn), `E_FORMULA_LAG`.
 */
export function checkFormula(node: FormulaNode): Result<FormulaType> {
  try {
    return ok(typeOf(node));
  } catch (e) {
    if (e instanceof CheckError) return err(e.problem);
    throw e;
  }
}

class CheckError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message);
  }
}

function expect(node: FormulaNode, want: FormulaType): void {
  const got = typeOf(node);
  if (got !== want) {
    throw new CheckError(
      at('E_FORMULA_TYPE', node, `expected a ${want}, got a ${got}`, { expected: want, got }),
    );
  }
}

function typeOf(node: FormulaNode): FormulaType {
  switch (node.kind) {
    case 'number':
    case 'ref':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'unary':
      expect(node.arg, node.op === '!' ? 'boolean' : 'number');
      return node.op === '!' ? 'boolean' : 'number';
    case 'binary':
      switch (node.op) {
        case '+':
        case '-':
        case '*':
        case '/':
        case '^':
          expect(node.left, 'number');
          expect(node.right, 'number');
          return 'number';
        case '<':
        case '<=':
        case '>':
        case '>=':
          expect(node.left, 'number');
          expect(node.right, 'number');
          return 'boolean';
        case '==':
        case '!=':
          expect(node.right, typeOf(node.left));
          return 'boolean';
        case '&&':
        case '||':
          expect(node.left, 'boolean');
          expect(node.right, 'boolean');
          return 'boolean';
      }
      break;
    case 'call': {
      if (!(FORMULA_FUNCTIONS as readonly string[]).includes(node.fn)) {
        throw new CheckError(
          at('E_FORMULA_UNKNOWN_FUNCTION', node, `unknown function ${node.fn}`, { fn: node.fn }),
        );
      }
      const [lo, hi] = ARITY[node.fn] ?? [0, 0];
      const n = node.args.length;
      if (n < lo || n > hi) {
        const expected = hi === Infinity ? `${lo}+` : String(lo);
        throw new CheckError(
          at('E_FORMULA_ARITY', node, `${node.fn} takes ${expected} arguments, got ${n}`, {
            fn: node.fn,
            expected,
            got: n,
          }),
        );
      }
      if (node.fn === 'if') {
        const [c, a, b] = node.args as [FormulaNode, FormulaNode, FormulaNode];
        expect(c, 'boolean');
        const t = typeOf(a);
        expect(b, t);
        return t;
      }
      if (node.fn === 'lag') {
        const [x, k] = node.args as [FormulaNode, FormulaNode];
        expect(x, 'number');
        if (k.kind !== 'number' || !Number.isInteger(k.value) || k.value < 0) {
          throw new CheckError(
            at('E_FORMULA_LAG', k, 'lag(x, k) needs k as a whole number ≥ 0 written in the formula'),
          );
        }
        return 'number';
      }
      for (const a of node.args) expect(a, 'number');
      return 'number';
    }
  }
  return 'number';
}
