import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUE_FILES } from './catalog.files.ts';
import { loadCatalogue } from './catalog.loader.ts';
import { DATA_DIR } from './catalog.test-helpers.ts';
import { isParkLeaf } from './catalog.validate.ts';
import { readSampleConfig } from './sample.config.ts';
import { formatSampleCsv, generateSampleValues, mulberry32 } from './sample.generate.ts';

describe('sample data generator', () => {
  it('mulberry32 is deterministic for a seed and stays in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(mulberry32(1)()).not.toBe(mulberry32(2)());
  });

  it('regenerating from sample.yaml gives the committed sample-values.csv byte for byte', async () => {
    const config = await readSampleConfig(DATA_DIR);
    const committed = await readFile(join(DATA_DIR, CATALOGUE_FILES.sampleValues), 'utf8');
    expect(formatSampleCsv(generateSampleValues(config))).toBe(committed);
  });

  it('covers every park leaf and every raw indicator of the framework, and nothing else', async () => {
    const config = await readSampleConfig(DATA_DIR);
    const result = await loadCatalogue(DATA_DIR);
    if (!result.ok) throw new Error('catalogue must load');
    const leaves = result.value.orgUnits
      .filter(isParkLeaf)
      .map((u) => u.code)
      .sort();
    const raw = result.value.framework.indicators
      .filter((i) => i.raw)
      .map((i) => i.code)
      .sort();
    expect(config.parks.map((p) => p.code).sort()).toEqual(leaves);
    expect(Object.keys(config.recipes).sort()).toEqual(raw);
    expect(config.firstYear).toBe(2019);
    expect(config.lastYear).toBe(2025);
  });

  it('leaves the deliberate gaps empty, without shifting other values', async () => {
    const config = await readSampleConfig(DATA_DIR);
    const values = generateSampleValues(config);
    for (const gap of config.gaps) {
      const inGap = values.filter((v) => v.orgUnitCode === gap.park && v.period === String(gap.year));
      if (gap.indicators) expect(inGap.some((v) => gap.indicators?.includes(v.indicatorCode))).toBe(false);
      else expect(inGap).toEqual([]);
    }
    const withoutGaps = generateSampleValues({ ...config, gaps: [] });
    const key = (v: { indicatorCode: string; orgUnitCode: string; period: string }) =>
      `${v.indicatorCode}@${v.orgUnitCode}@${v.period}`;
    const full = new Map(withoutGaps.map((v) => [key(v), v.value]));
    for (const v of values) expect(full.get(key(v))).toBe(v.value);
  });
});
