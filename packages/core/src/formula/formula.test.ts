import { describe, expect, it } from 'vitest';
import { parseFormula } from './parse.ts';
import { checkFormula } from './check.ts';
import { compileFormulaSet, evaluateFormulaOnce, evaluateFormulaSet } from './graph.ts';

const val = (f: string, v: Record<string, number> = {}): number => {
  const r = evaluateFormulaOnce(f, v);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
const problemOf = (f: string, inputs: string[] = ['a', 'b', 'x']) => {
  const r = compileFormulaSet([{ code: 'd', formula: f }], inputs);
  if (r.ok) throw new Error(`expected a refusal for ${f}`);
  return r.error[0]!;
};

describe('formula language: arithmetic', () => {
  it('follows precedence and associativity', () => {
    expect(val('1 + 2 * 3')).toBe(7);
    expect(val('(1 + 2) * 3')).toBe(9);
    expect(val('10 - 4 - 3')).toBe(3);
    expect(val('2 ^ 3 ^ 2')).toBe(512); // right-associative: 2^(3^2)
    expect(val('2 * 3 ^ 2')).toBe(18); // ^ binds tighter than *
    expect(val('-2 ^ 2')).toBe(-4); // -(2^2)
    expect(val('(-2) ^ 2')).toBe(4);
    expect(val('-a ^ 2', { a: 3 })).toBe(-9);
  });
  it('gives missing for division by zero, overflow and missing inputs, never Infinity', () => {
    expect(val('a / b', { a: 1, b: 0 })).toBeNaN();
    expect(val('0 / 0')).toBeNaN();
    expect(val('0 ^ -1')).toBeNaN();
    expect(val('a * a', { a: 1e200 })).toBeNaN();
    expect(val('a + 1', { a: NaN })).toBeNaN();
    expect(val('(-8) ^ 0.5')).toBeNaN();
  });
  it('has min, max, abs, if and comparisons', () => {
    expect(val('min(3, a, 2)', { a: 5 })).toBe(2);
    expect(val('max(3, a, 2)', { a: 5 })).toBe(5);
    expect(val('abs(0 - 4.5)')).toBe(4.5);
    expect(val('if(a > 2 && !(a == 4), 10, 20)', { a: 3 })).toBe(10);
    expect(val('if(a > 2 || a < -1, 10, 20)', { a: 0 })).toBe(20);
    expect(val('if(a != 0, b / a, 0)', { a: 0, b: 5 })).toBe(0);
    expect(val('if(a >= 1, 1, 0) + if(a <= 1, 1, 0)', { a: 1 })).toBe(2);
    expect(val('if(a > 0, 1, 2)', { a: NaN })).toBeNaN();
  });
});

describe('formula language: refusals with positions', () => {
  it('refuses property access, this, strings and unknown operators', () => {
    expect(problemOf('a.constructor')).toMatchObject({
      code: 'E_FORMULA_UNSUPPORTED',
      params: { position: 0 },
    });
    expect(problemOf('1 + a["x"]').code).toBe('E_FORMULA_UNSUPPORTED');
    expect(problemOf('this').code).toBe('E_FORMULA_UNSUPPORTED');
    expect(problemOf('"abc"').code).toBe('E_FORMULA_UNSUPPORTED');
    expect(problemOf('a % 2')).toMatchObject({ code: 'E_FORMULA_UNSUPPORTED', params: { position: 2 } });
    expect(problemOf('a.b(1)').code).toBe('E_FORMULA_UNSUPPORTED');
  });
  it('refuses syntax errors with jsep position', () => {
    const p = problemOf('a + * b');
    expect(p.code).toBe('E_FORMULA_SYNTAX');
    expect(typeof p.params?.position).toBe('number');
    expect(problemOf('').code).toBe('E_FORMULA_SYNTAX');
    expect(problemOf('a b').code).toBe('E_FORMULA_SYNTAX');
  });
  it('refuses type errors at the offending node', () => {
    expect(problemOf('a + (b > 1)')).toMatchObject({
      code: 'E_FORMULA_TYPE',
      params: { position: 4, expected: 'number', got: 'boolean' },
    });
    expect(problemOf('if(a, 1, 2)')).toMatchObject({ code: 'E_FORMULA_TYPE', params: { position: 3 } });
    expect(problemOf('a > 1')).toMatchObject({ code: 'E_FORMULA_TYPE' });
    expect(problemOf('!a')).toMatchObject({ code: 'E_FORMULA_TYPE', params: { position: 1 } });
    expect(problemOf('a && true').code).toBe('E_FORMULA_TYPE');
  });
  it('refuses wrong argument counts and unknown functions', () => {
    expect(problemOf('1 + abs(a, b)')).toMatchObject({
      code: 'E_FORMULA_ARITY',
      params: { position: 4, fn: 'abs', got: 2 },
    });
    expect(problemOf('if(a > 1, 2)').code).toBe('E_FORMULA_ARITY');
    expect(problemOf('min(a)').code).toBe('E_FORMULA_ARITY');
    expect(problemOf('sqrt(a)')).toMatchObject({
      code: 'E_FORMULA_UNKNOWN_FUNCTION',
      params: { fn: 'sqrt' },
    });
    expect(problemOf('lag(a, b)').code).toBe('E_FORMULA_LAG');
    expect(problemOf('lag(a, 1.5)').code).toBe('E_FORMULA_LAG');
  });
  it('refuses unknown references and cycles with the position of the reference', () => {
    expect(problemOf('a + zz')).toMatchObject({
      code: 'E_FORMULA_UNKNOWN_REF',
      params: { name: 'zz', position: 4, indicator: 'd' },
    });
    const r = compileFormulaSet(
      [
        { code: 'p', formula: 'a + q' },
        { code: 'q', formula: '2 * r' },
        { code: 'r', formula: 'lag(p, 1)' },
      ],
      ['a'],
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error[0]).toMatchObject({
      code: 'E_FORMULA_CYCLE',
      params: { indicator: 'r', cycle: 'p → q → r → p', position: 4 },
    });
  });
  it('never evaluates JavaScript', () => {
    expect(problemOf('constructor.constructor("return 1")()').code).toBe('E_FORMULA_UNSUPPORTED');
    expect(problemOf('__proto__').code).toBe('E_FORMULA_UNKNOWN_REF');
  });
});

describe('formula sets: vectorised, in dependency order', () => {
  it('evaluates derived-of-derived in topological order with lag over the period axis', () => {
    const set = compileFormulaSet(
      [
        { code: 'growth', formula: 'rev / lag(rev, 1) - 1' },
        { code: 'intensity', formula: 'rd / gdp * 100' },
        { code: 'flag', formula: 'if(intensity > 5, 1, 0)' },
      ],
      ['rev', 'rd', 'gdp'],
    );
    expect(set.ok).toBe(true);
    if (!set.ok) return;
    expect(set.value.order.indexOf('intensity')).toBeLessThan(set.value.order.indexOf('flag'));
    // 2 units × 3 periods, unit-major
    const cols = new Map([
      ['rev', Float64Array.of(100, 110, 121, 50, NaN, 60)],
      ['rd', Float64Array.of(6, 6, 6, 1, 1, 1)],
      ['gdp', Float64Array.of(100, 200, 0, 100, 100, 100)],
    ]);
    const out = evaluateFormulaSet(set.value, cols, { units: 2, periods: 3 });
    const g = out.get('growth')!;
    expect(g[0]).toBeNaN();
    expect(g[1]).toBeCloseTo(0.1, 12);
    expect(g[2]).toBeCloseTo(0.1, 12);
    expect(g[3]).toBeNaN(); // no lag across rows
    expect(g[4]).toBeNaN();
    expect(g[5]).toBeNaN();
    expect(Array.from(out.get('intensity')!)).toEqual([6, 3, NaN, 1, 1, 1]);
    expect(Array.from(out.get('flag')!)).toEqual([1, 0, NaN, 0, 0, 0]);
  });
  it('parses without side effects and exposes the tree', () => {
    const t = parseFormula('x ^ 2');
    expect(t.ok && t.value.kind).toBe('binary');
    expect(t.ok && checkFormula(t.value)).toEqual({ ok: true, value: 'number' });
  });
});
