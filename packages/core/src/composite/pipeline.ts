/**
 * The composite-index pipeline, described as data and run as a chain of pure steps in COINr's build
 * order: denominate → impute → screen → treat → normalise → aggregate (→ rank). Every step is
 * optional except normalise and aggregate (defaults: min-max 0–100, arithmetic mean, framework weights).
 * Reference: COINr 1.1.14 `build_example_coin()`; OECD/JRC Handbook 2008, the ten steps.
 */
import { err, ok, type Result } from '../shared/result.ts';
import { aggregateData, effectiveWeights, type AggregateSpec } from './aggregate.ts';
import { denominateData } from './denominate.ts';
import { overrideWeights, type Framework } from './framework.ts';
import { imputeData, type ImputeSpec } from './impute.ts';
import { selectUnits, type DataMatrix } from './matrix.ts';
import { normaliseData, type NormaliseOptions, type NormaliseSpec } from './normalise.ts';
import { rankData } from './rank.ts';
import { screenUnits, type ScreenResult } from './screen.ts';
import { treatData, type TreatResult, type TreatSpec } from './treat.ts';

/** Pipeline settings: plain data, so runs can be stored, hashed and replayed. */
export interface PipelineSpec {
  /** Divide indicators by their framework denominator (needs `denominators` in the input). */
  readonly denominate?: boolean;
  readonly impute?: ImputeSpec;
  /** Keep units whose data availability is ≥ datThresh. */
  readonly screen?: { readonly datThresh: number };
  readonly treat?: TreatSpec;
  /** Default min-max onto [0, 100]. For dist2ref, `refUnit` is a row of the input data. */
  readonly normalise?: NormaliseSpec;
  readonly normaliseOptions?: NormaliseOptions;
  /** Weight overrides by code; unlisted nodes keep the framework's weight. */
  readonly weights?: ReadonlyMap<string, number> | Readonly<Record<string, number>>;
  readonly aggregate?: AggregateSpec;
}

/** Inputs of a pipeline run. */
export interface PipelineInput {
  readonly framework: Framework;
  /** Units × indicators in framework order. */
  readonly data: DataMatrix;
  /** Denominator column per indicator (framework order) or null; used when `denominate`. */
  readonly denominators?: readonly (ArrayLike<number> | null)[];
}

/** Every stage's data set and the diagnostics of a run. */
export interface PipelineResult {
  readonly raw: DataMatrix;
  readonly denominated?: DataMatrix;
  readonly imputed?: DataMatrix;
  readonly screen?: ScreenResult;
  /** Rows of the input kept after screening (all rows without screening). */
  readonly kept: readonly number[];
  readonly treated?: DataMatrix;
  readonly treat?: TreatResult;
  readonly normalised: DataMatrix;
  /** COINr's `Aggregated`: indicators then aggregates, rows = kept units. */
  readonly aggregated: DataMatrix;
  /** Node weights used (framework order). */
  readonly weights: Float64Array;
  readonly effectiveWeights: Float64Array;
}

/** Runs the pipeline. Fails with the first step's `Problem` (codes `E_INDEX_*`). */
export function runPipeline(input: PipelineInput, spec: PipelineSpec = {}): Result<PipelineResult> {
  const fw = input.framework;
  const raw = input.data;
  if (raw.nCols !== fw.nIndicators)
    return err({
      code: 'E_INDEX_SHAPE',
      params: { columns: raw.nCols, indicators: fw.nIndicators },
      message: 'data columns must match the framework indicators',
    });
  let current = raw;
  let denominated: DataMatrix | undefined;
  if (spec.denominate) {
    if (!input.denominators)
      return err({ code: 'E_INDEX_DENOMINATOR_MISSING', message: 'denominate needs denominator columns' });
    denominated = denominateData(current, input.denominators);
    current = denominated;
  }
  let imputed: DataMatrix | undefined;
  if (spec.impute && spec.impute.method !== 'none') {
    imputed = imputeData(current, spec.impute);
    current = imputed;
  }
  let screen: ScreenResult | undefined;
  let kept: number[] = Array.from({ length: raw.nUnits }, (_, i) => i);
  if (spec.screen) {
    screen = screenUnits(current, spec.screen.datThresh);
    kept = screen.kept;
    if (kept.length === 0)
      return err({
        code: 'E_INDEX_ALL_SCREENED',
        params: { threshold: spec.screen.datThresh },
        message: 'every unit was screened out',
      });
    if (screen.removed.length > 0) current = selectUnits(current, kept);
  }
  let treated: DataMatrix | undefined;
  let treat: TreatResult | undefined;
  if (spec.treat && spec.treat.method !== 'none') {
    treat = treatData(current, spec.treat);
    treated = treat.data;
    current = treated;
  }
  let nspec: NormaliseSpec = spec.normalise ?? { method: 'minmax', lower: 0, upper: 100 };
  if (nspec.method === 'dist2ref') {
    const pos = kept.indexOf(nspec.refUnit ?? 0);
    if (pos < 0)
      return err({
        code: 'E_INDEX_REF_UNIT',
        params: { ref: nspec.refUnit ?? 0 },
        message: 'the reference unit was screened out',
      });
    nspec = { ...nspec, refUnit: pos };
  }
  const normalised = normaliseData(current, fw, nspec, spec.normaliseOptions);
  if (!normalised.ok) return normalised;
  const overrides = spec.weights instanceof Map ? spec.weights : new Map(Object.entries(spec.weights ?? {}));
  const weights = overrideWeights(fw, overrides as ReadonlyMap<string, number>);
  if (!weights.ok) return weights;
  const aggregated = aggregateData(normalised.value, fw, weights.value, spec.aggregate);
  if (!aggregated.ok) return aggregated;
  return ok({
    raw,
    ...(denominated ? { denominated } : {}),
    ...(imputed ? { imputed } : {}),
    ...(screen ? { screen } : {}),
    kept,
    ...(treated ? { treated } : {}),
    ...(treat ? { treat } : {}),
    normalised: normalised.value,
    aggregated: aggregated.value,
    weights: weights.value,
    effectiveWeights: effectiveWeights(fw, weights.value),
  });
}

/** Ranks of the `Aggregated` data set (every column; 1 = best, min ties, missing kept). */
export function rankAggregated(result: PipelineResult): DataMatrix {
  return rankData(result.aggregated);
}
