import type { FormulaNode } from './ast.ts';

/**
 * The data a compiled formula reads. Columns are `Float64Array`s of `units × periods` cells laid out
 * unit-major: cell (u, p) is at index `u * periods + p`, periods in ascending time order. NaN = missing.
 */
export interface FormulaEnv {
  /** Number of rows (org units or any other series). */
  readonly units: number;
  /** Number of periods per row (consecutive periods of one kind; `lag` shifts along this axis). */
  readonly periods: number;
  /** The column of an indicator; `undefined` is read as all-missing. */
  column(name: string): Float64Array | undefined;
}

/** A formula compiled to a vectorised kernel: one call evaluates every cell. */
export type Kernel = (env: FormulaEnv) => Float64Array;

const clean = (x: number): number => (Number.isFinite(x) ? x : NaN);

function binaryKernel(op: string, f: Kernel, g: Kernel): Kernel {
  const loop =
    (fn: (a: number, b: number) => number): Kernel =>
    (env) => {
      const a = f(env);
      const b = g(env);
      const out = new Float64Array(a.length);
      for (let i = 0; i < out.length; i++) out[i] = fn(a[i]!, b[i]!);
      return out;
    };
  // Booleans are 1/0; any NaN input gives NaN (missing propagates), Infinity never leaves a kernel.
  const cmp = (t: (a: number, b: number) => boolean) => (a: number, b: number) =>
    a !== a || b !== b ? NaN : t(a, b) ? 1 : 0;
  switch (op) {
    case '+':
      return loop((a, b) => clean(a + b));
    case '-':
      return loop((a, b) => clean(a - b));
    case '*':
      return loop((a, b) => clean(a * b));
    case '/':
      return loop((a, b) => (b === 0 ? NaN : clean(a / b)));
    case '^':
      return loop((a, b) => clean(a ** b));
    case '<':
      return loop(cmp((a, b) => a < b));
    case '<=':
      return loop(cmp((a, b) => a <= b));
    case '>':
      return loop(cmp((a, b) => a > b));
    case '>=':
      return loop(cmp((a, b) => a >= b));
    case '==':
      return loop(cmp((a, b) => a === b));
    case '!=':
      return loop(cmp((a, b) => a !== b));
    case '&&':
      return loop(cmp((a, b) => a !== 0 && b !== 0));
    default:
      return loop(cmp((a, b) => a !== 0 || b !== 0));
  }
}

/**
 * Compiles a checked formula tree to a kernel (no `eval`, no `Function`: a tree of closures over typed
 * arrays). Semantics per cell: missing (NaN) in any input gives missing, except `if`, which reads only
 * its condition and the branch it takes; division by zero, overflow and invalid powers give missing,
 * never ±Infinity; booleans are 1/0. `lag(x, k)` at period p is x at period p − k of the same row, or
 * missing when p − k is before the first period. Call {@link checkFormula} first: this assumes a well-typed tree.
 */
export function compileFormula(node: FormulaNode): Kernel {
  switch (node.kind) {
    case 'number':
    case 'boolean': {
      const v = node.kind === 'number' ? node.value : node.value ? 1 : 0;
      return (env) => new Float64Array(env.units * env.periods).fill(v);
    }
    case 'ref': {
      const name = node.name;
      return (env) => env.column(name) ?? new Float64Array(env.units * env.periods).fill(NaN);
    }
    case 'unary': {
      const f = compileFormula(node.arg);
      const neg = node.op === '-';
      return (env) => {
        const a = f(env);
        const out = new Float64Array(a.length);
        for (let i = 0; i < a.length; i++) {
          const x = a[i]!;
          out[i] = neg ? -x : x !== x ? NaN : x === 0 ? 1 : 0;
        }
        return out;
      };
    }
    case 'binary':
      return binaryKernel(node.op, compileFormula(node.left), compileFormula(node.right));
    case 'call':
      return compileCall(node.fn, node.args);
  }
}

function compileCall(fn: string, argNodes: readonly FormulaNode[]): Kernel {
  const args = argNodes.map((a) => compileFormula(a));
  if (fn === 'lag') {
    const f = args[0]!;
    const k = (argNodes[1] as { value: number }).value;
    return (env) => {
      const a = f(env);
      const out = new Float64Array(a.length).fill(NaN);
      const P = env.periods;
      for (let u = 0; u < env.units; u++) {
        const row = u * P;
        for (let p = k; p < P; p++) out[row + p] = a[row + p - k]!;
      }
      return out;
    };
  }
  if (fn === 'if') {
    const [c, x, y] = args as [Kernel, Kernel, Kernel];
    return (env) => {
      const cv = c(env);
      const xv = x(env);
      const yv = y(env);
      const out = new Float64Array(cv.length);
      for (let i = 0; i < cv.length; i++) {
        const t = cv[i]!;
        out[i] = t !== t ? NaN : t !== 0 ? xv[i]! : yv[i]!;
      }
      return out;
    };
  }
  if (fn === 'abs') {
    const f = args[0]!;
    return (env) => {
      const a = f(env);
      const out = new Float64Array(a.length);
      for (let i = 0; i < a.length; i++) out[i] = Math.abs(a[i]!);
      return out;
    };
  }
  const isMin = fn === 'min';
  return (env) => {
    const first = args[0]!(env);
    const out = Float64Array.from(first);
    for (let j = 1; j < args.length; j++) {
      const b = args[j]!(env);
      for (let i = 0; i < out.length; i++) {
        const a = out[i]!;
        const v = b[i]!;
        out[i] = a !== a || v !== v ? NaN : isMin ? (v < a ? v : a) : v > a ? v : a;
      }
    }
    return out;
  };
}
