// Audit: Cronbach's alpha hand-computed; warnings on small samples; a run on the COINr example.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { referenceDir } from '../../../../test-support/reference.ts';
import { buildFramework } from '../composite/framework.ts';
import { matrixFromRows } from '../composite/matrix.ts';
import { frameworkFromIMeta, matrixFromTable, parseCsv } from '../composite/testing/coinr-csv.ts';
import { auditIndex } from './audit.ts';
import { cronbachAlpha } from './cronbach.ts';

describe('Cronbach alpha', () => {
  it('hand-computed 3 items × 4 respondents', () => {
    // items: [1,2,3,4], [2,3,4,5], [1,3,3,5]; var = 5/3, 5/3, 8/3; totals 4,8,10,14 → var 52/3.
    const a = cronbachAlpha([
      [1, 2, 3, 4],
      [2, 3, 4, 5],
      [1, 3, 3, 5],
    ]);
    expect(a).toBeCloseTo((3 / 2) * (1 - (5 / 3 + 5 / 3 + 8 / 3) / (52 / 3)), 12);
  });
  it('perfectly correlated items give 1', () => {
    expect(
      cronbachAlpha([
        [1, 2, 3],
        [2, 4, 6],
      ]),
    ).toBeCloseTo(2 * (1 - (1 + 4) / 9), 12);
  });
});

describe('audit', () => {
  it('warns on small samples and refuses PCA when units ≤ children', () => {
    const fw = buildFramework([
      { code: 'a', level: 1, parent: 'I', weight: 1 },
      { code: 'b', level: 1, parent: 'I', weight: 1 },
      { code: 'c', level: 1, parent: 'I', weight: 1 },
      { code: 'I', level: 2, parent: null, weight: 1 },
    ]);
    if (!fw.ok) throw new Error('fw');
    const m = matrixFromRows(
      [
        [1, 2, 3, 2],
        [2, 1, 4, 2.3],
        [3, 5, 1, 3],
      ],
      4,
    );
    const [g] = auditIndex(m, fw.value);
    expect(g?.warnings).toContain('W_INDEX_SMALL_SAMPLE');
    expect(g?.warnings).toContain('W_INDEX_PCA_REFUSED');
  });
  const dir = referenceDir('coinr');
  it.skipIf(!dir)('runs on the COINr example Aggregated data set', () => {
    const load = (f: string) => parseCsv(readFileSync(path.join(dir as string, f), 'utf8'));
    const fw = frameworkFromIMeta(load('iMeta.csv'));
    const m = matrixFromTable(
      load('g_example_Aggregated.csv'),
      fw.nodes.map((n) => n.code),
    );
    const audit = auditIndex(m, fw);
    expect(audit.map((a) => a.code)).toEqual([
      'Physical',
      'ConEcFin',
      'Political',
      'Instit',
      'P2P',
      'Environ',
      'Social',
      'SusEcFin',
      'Conn',
      'Sust',
      'Index',
    ]);
    for (const a of audit) {
      if (a.explainedVariance.length)
        expect(a.explainedVariance.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 10);
    }
    // The Social pillar's PCA loading is mixed-sign (reference j): some child correlates negatively.
    expect(audit.find((a) => a.code === 'Sust')?.warnings).toBeDefined();
  });
});
