// The new-run form as data: its values, their defaults, and the request body of POST /api/evaluation/runs
// (packages/contracts/src/evaluation.ts). Also the hierarchy the run will evaluate, derived from the
// framework as the server does (docs/methodology/evaluation.md §11): indicators with weight > 0 under
// their first dimension of kind 'dimension', dimensions under the index.
import type {
  EvaluationNormalise,
  EvaluationRunCreate,
  EvaluationSettings,
  FrameworkDetail,
} from '@scimon/contracts';

export const INDEX_CODE = 'INDEX';

export type IndicatorWeighting = EvaluationSettings['weights']['indicators'];
export type DimensionWeighting = EvaluationSettings['weights']['dimensions'];
export type Aggregation = 'amean' | 'gmean' | 'hmean' | 'genmean' | 'copeland';
export type NormaliseMethod = EvaluationNormalise['method'];

export interface HierarchyNode {
  code: string;
  nameZh: string;
  nameEn: string;
  /** The framework's weight (indicators; dimensions weigh 1). */
  weight: number;
}
export interface HierarchyDimension extends HierarchyNode {
  indicators: HierarchyNode[];
}

export function hierarchyOf(fw: FrameworkDetail): HierarchyDimension[] {
  const dims = fw.dimensions.filter((d) => d.kind === 'dimension').sort((a, b) => a.seq - b.seq);
  const out: HierarchyDimension[] = dims.map((d) => ({
    code: d.code,
    nameZh: d.nameZh,
    nameEn: d.nameEn,
    weight: 1,
    indicators: [],
  }));
  for (const ind of [...fw.indicators].sort((a, b) => a.seq - b.seq)) {
    if (!(ind.weight > 0)) continue;
    const dim = out.find((d) => ind.dimensionCodes.includes(d.code));
    dim?.indicators.push({ code: ind.code, nameZh: ind.nameZh, nameEn: ind.nameEn, weight: ind.weight });
  }
  return out.filter((d) => d.indicators.length > 0);
}

export interface AhpEntryValue {
  parent: string;
  children: string[];
  matrix: number[][];
}

export interface RunFormValues {
  name: string;
  framework: string | undefined;
  years: number[];
  level: 'park' | 'zone';
  dataStatus: 'reviewed' | 'published';
  impute: 'none' | 'mean' | 'median' | 'mean-by' | 'median-by';
  imputeGroupBy: 'parent' | 'year' | 'parent-year';
  treat: 'none' | 'winsorise';
  winmax: number;
  treatFallback: 'log_CT' | 'log_CT_plus' | 'log_CT_orig' | 'boxcox' | 'none';
  normalise: NormaliseMethod;
  /** minmax / scaled range, zscore mean and sd. */
  rangeLower: number;
  rangeUpper: number;
  zMean: number;
  zSd: number;
  scaleFactor: number;
  refUnit: string | undefined;
  cap: boolean;
  trunc: boolean;
  /** dist2targ targets, standard values and goalposts per indicator code. */
  indicatorParams: Record<string, { target?: number; standard?: number; lower?: number; upper?: number }>;
  panel: 'global' | 'per-period';
  indicatorWeights: IndicatorWeighting;
  dimensionWeights: DimensionWeighting;
  /** Node code → relative weight within its parent (the editor's overrides). */
  overrides: Record<string, number>;
  ahp: Record<string, AhpEntryValue>;
  allowInconsistent: boolean;
  aggregateDimensions: Aggregation;
  aggregateIndex: Aggregation;
  genmeanP: number;
  mcEnabled: boolean;
  mcRuns: number;
  mcSeed: number;
  mcWeightNoise: number;
  mcNormalisations: ('minmax' | 'zscore' | 'rank' | 'prank' | 'fracmax')[];
  mcAggregations: Aggregation[];
  mcWinmax: number[];
  saEnabled: boolean;
  saN: number;
  saBootstrap: number;
  mcYear: number | undefined;
}

export function defaultFormValues(year: number): RunFormValues {
  return {
    name: '',
    framework: undefined,
    years: [year],
    level: 'park',
    dataStatus: 'reviewed',
    impute: 'none',
    imputeGroupBy: 'parent',
    treat: 'none',
    winmax: 5,
    treatFallback: 'log_CT',
    normalise: 'minmax',
    rangeLower: 0,
    rangeUpper: 100,
    zMean: 0,
    zSd: 1,
    scaleFactor: 100,
    refUnit: undefined,
    cap: false,
    trunc: true,
    indicatorParams: {},
    panel: 'global',
    indicatorWeights: 'framework',
    dimensionWeights: 'framework',
    overrides: {},
    ahp: {},
    allowInconsistent: false,
    aggregateDimensions: 'amean',
    aggregateIndex: 'amean',
    genmeanP: 2,
    mcEnabled: true,
    mcRuns: 1000,
    mcSeed: 1,
    mcWeightNoise: 0.25,
    mcNormalisations: [],
    mcAggregations: [],
    mcWinmax: [],
    saEnabled: false,
    saN: 100,
    saBootstrap: 0,
    mcYear: undefined,
  };
}

/** The normalisation of the settings from the form's method and parameters. */
export function normaliseOf(v: RunFormValues): EvaluationNormalise {
  switch (v.normalise) {
    case 'minmax':
      return { method: 'minmax', lower: v.rangeLower, upper: v.rangeUpper };
    case 'zscore':
      return { method: 'zscore', mean: v.zMean, sd: v.zSd };
    case 'dist2ref':
      return { method: 'dist2ref', cap: v.cap, ...(v.refUnit ? { refUnit: v.refUnit } : {}) };
    case 'dist2targ':
      return { method: 'dist2targ', cap: v.cap };
    case 'goalposts':
      return { method: 'goalposts', trunc: v.trunc };
    case 'scaled':
      return { method: 'scaled', lower: v.rangeLower, upper: v.rangeUpper, scaleFactor: v.scaleFactor };
    case 'standard':
      return { method: 'standard', cap: v.cap };
    default:
      return { method: v.normalise };
  }
}

/** Which per-indicator parameters the normalisation needs ('target', 'standard', 'goalposts' or none). */
export function indicatorParamKind(m: NormaliseMethod): 'target' | 'standard' | 'goalposts' | null {
  return m === 'dist2targ'
    ? 'target'
    : m === 'standard'
      ? 'standard'
      : m === 'goalposts'
        ? 'goalposts'
        : null;
}

/** The AHP matrices the chosen weightings need: one per dimension (indicators), one for the index. */
export function ahpParents(
  v: Pick<RunFormValues, 'indicatorWeights' | 'dimensionWeights'>,
  h: HierarchyDimension[],
) {
  const out: { parent: string; children: HierarchyNode[] }[] = [];
  if (v.dimensionWeights === 'ahp') out.push({ parent: INDEX_CODE, children: h });
  if (v.indicatorWeights === 'ahp') for (const d of h) out.push({ parent: d.code, children: d.indicators });
  return out;
}

const MC_NORMALISATIONS: Record<RunFormValues['mcNormalisations'][number], EvaluationNormalise> = {
  minmax: { method: 'minmax', lower: 0, upper: 100 },
  zscore: { method: 'zscore', mean: 0, sd: 1 },
  rank: { method: 'rank' },
  prank: { method: 'prank' },
  fracmax: { method: 'fracmax' },
};

export function toRunRequest(v: RunFormValues, h: HierarchyDimension[]): EvaluationRunCreate {
  const paramKind = indicatorParamKind(v.normalise);
  const evaluated = new Set(h.flatMap((d) => d.indicators.map((i) => i.code)));
  const indicatorParams: EvaluationSettings['indicatorParams'] = {};
  if (paramKind)
    for (const [code, p] of Object.entries(v.indicatorParams)) {
      if (!evaluated.has(code)) continue;
      if (paramKind === 'target' && p.target !== undefined) indicatorParams[code] = { target: p.target };
      if (paramKind === 'standard' && p.standard !== undefined)
        indicatorParams[code] = { standard: p.standard };
      if (paramKind === 'goalposts' && p.lower !== undefined && p.upper !== undefined)
        indicatorParams[code] = { goalposts: { lower: p.lower, upper: p.upper } };
    }
  const ahp = ahpParents(v, h)
    .map((p) => v.ahp[p.parent])
    .filter((e): e is AhpEntryValue => !!e);
  const overrides = Object.fromEntries(Object.entries(v.overrides).filter(([, w]) => Number.isFinite(w)));
  const aggregation =
    v.aggregateDimensions === v.aggregateIndex
      ? v.aggregateDimensions
      : [v.aggregateDimensions, v.aggregateIndex];
  const usesP = v.aggregateDimensions === 'genmean' || v.aggregateIndex === 'genmean';
  const settings: EvaluationSettings = {
    impute: { method: v.impute, groupBy: v.imputeGroupBy },
    treat: {
      method: v.treat,
      winmax: v.winmax,
      skewThresh: 2,
      kurtThresh: 3.5,
      fallback: v.treatFallback,
      boxcoxLambda: 0.5,
      forceWin: false,
    },
    normalise: normaliseOf(v),
    panel: v.panel,
    indicatorParams,
    weights: {
      indicators: v.indicatorWeights,
      dimensions: v.dimensionWeights,
      ahp,
      allowInconsistent: v.allowInconsistent,
      overrides,
    },
    aggregate: { method: aggregation, ...(usesP ? { p: v.genmeanP } : {}) },
  };
  if (v.mcEnabled) {
    settings.uncertainty = {
      runs: v.mcRuns,
      seed: v.mcSeed,
      weightNoise: v.mcWeightNoise,
      normalisations: v.mcNormalisations.map((m) => MC_NORMALISATIONS[m]),
      aggregations: v.mcAggregations,
      winmax: v.mcWinmax,
      ...(v.saEnabled ? { sensitivity: { n: v.saN, bootstrap: v.saBootstrap } } : {}),
      ...(v.mcYear !== undefined && v.years.includes(v.mcYear) ? { year: v.mcYear } : {}),
    };
  }
  const years = [...new Set(v.years)].sort((a, b) => a - b);
  return {
    ...(v.name.trim() ? { name: v.name.trim() } : {}),
    ...(v.framework ? { framework: v.framework } : {}),
    years,
    level: v.level,
    dataStatus: v.dataStatus,
    settings,
  };
}

/** How many uncertain inputs the Monte Carlo varies (the sensitivity analysis needs at least 2). */
export function uncertainFactors(v: RunFormValues): number {
  return (
    (v.mcWeightNoise > 0 ? 1 : 0) +
    (v.mcNormalisations.length > 1 ? 1 : 0) +
    (v.mcAggregations.length > 1 ? 1 : 0) +
    (v.mcWinmax.length > 1 ? 1 : 0)
  );
}
