import jsep from 'jsep';
import { err, ok, type Problem, type Result } from '../shared/result.ts';
import type { BinaryOp, FormulaNode } from './ast.ts';

// jsep is configured once, at module load: `^` becomes power, right-associative, binding tighter than
// `*` (jsep's own `^` is bitwise xor at precedence 4). The hooks below record source positions, which
// jsep does not keep. Hooks and operators are jsep-global; nothing else in the project uses jsep.
jsep.addBinaryOp('^', 11, true);

interface Positioned {
  __start?: number;
  __end?: number;
}
const starts = new WeakMap<object, number[]>();

jsep.hooks.add('gobble-token', function (this: jsep.HookScope, env: { node?: jsep.Expression }) {
  let stack = starts.get(this);
  if (!stack) starts.set(this, (stack = []));
  stack.push(this.index);
  const c = this.code;
  // Numeric literals skip jsep's after-token hook; parse them here so they pass through it.
  if ((c >= 48 && c <= 57) || c === 46) env.node = this.gobbleNumericLiteral();
});
jsep.hooks.add('after-token', function (this: jsep.HookScope, env: { node?: jsep.Expression }) {
  const start = starts.get(this)?.pop();
  if (env.node && start !== undefined) {
    const n = env.node as Positioned;
    n.__start = start;
    let end = this.index;
    while (end > start && /\s/.test(this.expr.charAt(end - 1))) end--;
    n.__end = end;
  }
});

const BINARY: ReadonlySet<string> = new Set([
  '+',
  '-',
  '*',
  '/',
  '^',
  '<',
  '<=',
  '>',
  '>=',
  '==',
  '!=',
  '&&',
  '||',
]);

/** Error codes of {@link parseFormula}. */
export type FormulaParseCode = 'E_FORMULA_SYNTAX' | 'E_FORMULA_UNSUPPORTED';

function problem(
  code: FormulaParseCode,
  position: number,
  message: string,
  extra: Record<string, string | number> = {},
): Problem {
  return {
    code,
    params: { position, ...extra },
    where: `formula:${position}`,
    message: `${message} at character ${position}`,
  };
}

/**
 * Parses a formula into the language's syntax tree.
 *
 * Grammar: numbers, `true`/`false`, indicator references (identifiers), parentheses; unary `-` `!`;
 * binary `^` (power, right-associative: `2^3^2` = 2^9) above `* /` above `+ -` above comparisons
 * `< <= > >= == !=` above `&&` above `||`; calls `min(…)`, `max(…)`, `abs(x)`, `if(c, a, b)`, `lag(x, k)`.
 * As in mathematics, `-x^2` = −(x²): a bare unary minus applies after the power (write `(-x)^2` otherwise).
 *
 * Refused (with the zero-based character position): syntax errors (`E_FORMULA_SYNTAX`); strings,
 * arrays, `null`, `this`, member/property access (`a.b`, `a[b]`), calls of anything but a bare name,
 * other operators (`%`, `**`, `===`, `~`, bitwise) (`E_FORMULA_UNSUPPORTED`). Type and arity checks
 * come later ({@link checkFormula}). Nothing is ever evaluated as JavaScript.
 */
export function parseFormula(source: string): Result<FormulaNode> {
  let tree: jsep.Expression;
  try {
    tree = jsep(source);
  } catch (e) {
    const index = typeof (e as { index?: unknown }).index === 'number' ? (e as { index: number }).index : 0;
    const desc = (e as { description?: string }).description ?? String(e);
    return err(problem('E_FORMULA_SYNTAX', index, desc));
  }
  if (!tree || (tree.type === 'Compound' && ((tree as jsep.Compound).body?.length ?? 0) === 0)) {
    return err(problem('E_FORMULA_SYNTAX', 0, 'empty formula'));
  }
  try {
    return ok(convert(tree, source));
  } catch (e) {
    if (e instanceof ConvertError) return err(e.problem);
    throw e;
  }
}

class ConvertError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message);
  }
}

function pos(n: jsep.Expression, fallback: number): [number, number] {
  const p = n as Positioned;
  return [p.__start ?? fallback, p.__end ?? fallback];
}

function isParenthesised(n: jsep.Expression, source: string): boolean {
  const p = n as Positioned;
  return p.__start !== undefined && source.charAt(p.__start) === '(';
}

function convert(n: jsep.Expression, source: string): FormulaNode {
  const [s, e] = pos(n, 0);
  switch (n.type) {
    case 'Literal': {
      const v = (n as jsep.Literal).value;
      if (typeof v === 'number') return { kind: 'number', value: v, start: s, end: e };
      if (typeof v === 'boolean') return { kind: 'boolean', value: v, start: s, end: e };
      throw new ConvertError(
        problem('E_FORMULA_UNSUPPORTED', s, `unsupported literal ${String((n as jsep.Literal).raw)}`, {
          what: 'literal',
        }),
      );
    }
    case 'Identifier':
      return { kind: 'ref', name: (n as jsep.Identifier).name, start: s, end: e };
    case 'UnaryExpression': {
      const u = n as jsep.UnaryExpression;
      if (u.operator === '+') return convert(u.argument, source);
      if (u.operator !== '-' && u.operator !== '!') {
        throw new ConvertError(
          problem('E_FORMULA_UNSUPPORTED', s, `unsupported operator ${u.operator}`, { what: u.operator }),
        );
      }
      return { kind: 'unary', op: u.operator, arg: convert(u.argument, source), start: s, end: e };
    }
    case 'BinaryExpression': {
      const b = n as jsep.BinaryExpression;
      const left = convert(b.left, source);
      const right = convert(b.right, source);
      const opPos = source.indexOf(b.operator, left.end);
      if (!BINARY.has(b.operator)) {
        throw new ConvertError(
          problem('E_FORMULA_UNSUPPORTED', opPos, `unsupported operator ${b.operator}`, { what: b.operator }),
        );
      }
      const op = b.operator as BinaryOp;
      // -x^2 means -(x^2): jsep binds the unary minus to the token, so move it outside the power.
      if (op === '^' && left.kind === 'unary' && left.op === '-' && !isParenthesised(b.left, source)) {
        const inner: FormulaNode = {
          kind: 'binary',
          op,
          left: left.arg,
          right,
          start: left.arg.start,
          end: right.end,
        };
        return { kind: 'unary', op: '-', arg: inner, start: left.start, end: right.end };
      }
      const own = n as Positioned;
      return {
        kind: 'binary',
        op,
        left,
        right,
        start: own.__start ?? left.start,
        end: own.__end ?? right.end,
      };
    }
    case 'CallExpression': {
      const c = n as jsep.CallExpression;
      if (c.callee.type !== 'Identifier') {
        throw new ConvertError(
          problem('E_FORMULA_UNSUPPORTED', s, 'only named functions can be called', { what: 'call' }),
        );
      }
      const args = c.arguments.map((a) => convert(a, source));
      return { kind: 'call', fn: (c.callee as jsep.Identifier).name, args, start: s, end: e };
    }
    case 'MemberExpression':
      throw new ConvertError(
        problem('E_FORMULA_UNSUPPORTED', s, 'property access is not allowed', { what: 'member' }),
      );
    case 'Compound':
    case 'SequenceExpression':
      throw new ConvertError(problem('E_FORMULA_SYNTAX', s, 'one expression expected (operator missing?)'));
    case 'ThisExpression':
      throw new ConvertError(problem('E_FORMULA_UNSUPPORTED', s, '`this` is not allowed', { what: 'this' }));
    default:
      throw new ConvertError(
        problem('E_FORMULA_UNSUPPORTED', s, `unsupported expression (${n.type})`, { what: n.type }),
      );
  }
}
