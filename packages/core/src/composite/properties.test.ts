// Invariants (fast-check): min-max stays in range; weights sum to 1; arithmetic mean is monotone.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateArithmetic } from './aggregate-functions.ts';
import { effectiveWeights } from './aggregate.ts';
import { buildFramework } from './framework.ts';
import { normaliseMinMax } from './normalise-column.ts';
import { matrixFromRows } from './matrix.ts';
import { entropyWeights } from './weights-entropy.ts';

const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true });

describe('properties', () => {
  it('min-max output lies within [l, u]', () => {
    fc.assert(
      fc.property(
        fc.array(finite, { minLength: 2, maxLength: 30 }),
        finite,
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        (x, l, width) => {
          fc.pre(new Set(x).size > 1);
          const u = l + width;
          for (const v of normaliseMinMax(x, l, u))
            expect(
              v >= l - 1e-9 * Math.max(1, Math.abs(l), Math.abs(u)) &&
                v <= u + 1e-9 * Math.max(1, Math.abs(l), Math.abs(u)),
            ).toBe(true);
        },
      ),
    );
  });

  it('effective weights of the indicators sum to 1', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.01, max: 10, noNaN: true }), { minLength: 6, maxLength: 6 }),
        (w) => {
          const fw = buildFramework([
            ...w
              .slice(0, 4)
              .map((wt, k) => ({ code: `i${k}`, level: 1, parent: k < 2 ? 'A' : 'B', weight: wt })),
            { code: 'A', level: 2, parent: 'I', weight: w[4] as number },
            { code: 'B', level: 2, parent: 'I', weight: w[5] as number },
            { code: 'I', level: 3, parent: null, weight: 1 },
          ]);
          if (!fw.ok) throw new Error('fw');
          const eff = effectiveWeights(fw.value, fw.value.weights);
          expect(eff.slice(0, 4).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
        },
      ),
    );
  });

  it('entropy weights sum to 1', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 }), {
          minLength: 3,
          maxLength: 12,
        }),
        (rows) => {
          const r = entropyWeights(matrixFromRows(rows, 3));
          fc.pre(r.ok);
          if (r.ok) expect(r.value.w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
        },
      ),
    );
  });

  it('the arithmetic mean is monotone in every input', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(finite, fc.double({ min: 0.01, max: 10, noNaN: true })), {
          minLength: 1,
          maxLength: 10,
        }),
        fc.nat(),
        fc.double({ min: 0, max: 1e3, noNaN: true }),
        (pairs, k, delta) => {
          const x = pairs.map((p) => p[0]);
          const w = pairs.map((p) => p[1]);
          const i = k % x.length;
          const y = x.slice();
          y[i] = (y[i] as number) + delta;
          expect(aggregateArithmetic(y, w)).toBeGreaterThanOrEqual(
            aggregateArithmetic(x, w) - 1e-9 * (1 + Math.abs(aggregateArithmetic(x, w))),
          );
        },
      ),
    );
  });
});
