/** Public API of the composite-index engine (re-exported by the package barrel). */
export {
  createMatrix,
  matrixFromRows,
  getColumn,
  copyMatrix,
  selectUnits,
  type DataMatrix,
} from './matrix.ts';
export {
  buildFramework,
  nodesAtLevel,
  overrideWeights,
  type Framework,
  type FrameworkNodeInput,
  type Goalposts,
} from './framework.ts';
export { skewness, kurtosis, quantileSorted, rankAscendingMin, rankDescendingMin } from './stats.ts';
export { denominateData } from './denominate.ts';
export { imputeData, imputeColumn, type ImputeSpec } from './impute.ts';
export { screenUnits, type ScreenResult } from './screen.ts';
export { transformLogCT, transformLogCTPlus, transformLogCTOrig, transformBoxCox } from './transforms.ts';
export {
  checkSkewKurt,
  winsorise,
  treatColumn,
  treatData,
  type TreatSpec,
  type TreatFallback,
  type TreatDetails,
  type TreatResult,
  type TreatColumnResult,
  type SkewKurtCheck,
  type WinsoriseResult,
} from './treat.ts';
export * from './normalise-column.ts';
export { normaliseData, NORMALISE_METHODS, type NormaliseSpec, type NormaliseOptions } from './normalise.ts';
export {
  aggregateArithmetic,
  aggregateGeometric,
  aggregateHarmonic,
  aggregateGeneralised,
  aggregateCopeland,
  type CopelandResult,
} from './aggregate-functions.ts';
export { aggregateData, effectiveWeights, type AggregateSpec, type AggregationMethod } from './aggregate.ts';
export { rankData } from './rank.ts';
export { entropyWeights, type EntropyWeights } from './weights-entropy.ts';
export { ahpWeights, SAATY_RI, type AhpResult, type AhpOptions } from './weights-ahp.ts';
export {
  principalComponents,
  correlationMatrix,
  pcaWeightsFirstComponent,
  pcaWeightsHandbook,
  varimax,
  type PcaResult,
} from './pca.ts';
export {
  runPipeline,
  rankAggregated,
  type PipelineSpec,
  type PipelineInput,
  type PipelineResult,
} from './pipeline.ts';
