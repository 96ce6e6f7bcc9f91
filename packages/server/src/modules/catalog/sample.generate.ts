import type { SampleConfig, SampleValue } from '@scimon/contracts/catalog/index';

/**
 * mulberry32: a small 32-bit seeded PRNG (public domain, Tommy Ettinger). Returns a function yielding floats in [0, 1).
 * Enough for reproducible sample data; not for cryptography or statistics.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Generates the sample dataset: every park of the config × every year × every recipe (raw indicator), minus the gaps.
 * One random draw per cell in that order (gap cells draw too). Throws if a recipe names a missing park magnitude.
 */
export function generateSampleValues(config: SampleConfig): SampleValue[] {
  const next = mulberry32(config.seed);
  const values: SampleValue[] = [];
  for (const park of config.parks) {
    for (let year = config.firstYear; year <= config.lastYear; year++) {
      for (const [indicatorCode, recipe] of Object.entries(config.recipes)) {
        const u = next() * 2 - 1;
        if (isGap(config, park.code, year, indicatorCode)) continue;
        const base = recipe.params.reduce((product, name) => product * magnitude(park, name), 1);
        const raw =
          base * recipe.factor * (1 + recipe.growth) ** (year - config.firstYear) * (1 + recipe.noise * u);
        values.push({
          indicatorCode,
          orgUnitCode: park.code,
          period: String(year),
          value: round(raw, recipe.decimals),
        });
      }
    }
  }
  return values;
}

function magnitude(park: SampleConfig['parks'][number], name: string): number {
  const value = park[name];
  if (typeof value !== 'number') throw new Error(`sample.yaml: park ${park.code} has no magnitude "${name}"`);
  return value;
}

function isGap(config: SampleConfig, park: string, year: number, indicatorCode: string): boolean {
  return config.gaps.some(
    (g) =>
      g.park === park &&
      g.year === year &&
      (g.indicators === undefined || g.indicators.includes(indicatorCode)),
  );
}

function round(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
}

/** Header of `sample-values.csv`. */
export const SAMPLE_CSV_HEADER = 'indicatorCode,orgUnitCode,period,value';

/** Writes sample values as the CSV committed under `data/sample/` (LF line ends, final newline). */
export function formatSampleCsv(values: readonly SampleValue[]): string {
  return (
    [
      SAMPLE_CSV_HEADER,
      ...values.map((v) => `${v.indicatorCode},${v.orgUnitCode},${v.period},${v.value}`),
    ].join('\n') + '\n'
  );
}
