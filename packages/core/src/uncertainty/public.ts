/** Public API of uncertainty and sensitivity analysis (re-exported by the package barrel). */
export {
  prepareUncertainty,
  runMonteCarloChunk,
  drawRunChoice,
  evaluateRun,
  createRunBuffers,
  createMonteCarloRunner,
  type MonteCarloRunner,
  type UncertaintySpec,
  type PreparedUncertainty,
  type UncertainFactor,
  type ChunkResult,
  type ChunkHooks,
  type RunChoice,
  type RunBuffers,
} from './monte-carlo.ts';
export {
  createRankHistogram,
  mergeRankHistograms,
  rankRun,
  addRanks,
  createRankWorkspace,
  rankBucketed,
  addRunRanks,
  flushRanks,
  type RankWorkspace,
  rankStatsFromHistogram,
  quantileType7,
  type RankHistogram,
  type RankStats,
} from './rank-histogram.ts';
export { summariseRanks, type UnitRankStats } from './rank-stats.ts';
export { indexFromEffectiveWeights, indexFromUnitMajor, toUnitMajor, isComplete } from './linear.ts';
export {
  saltelliSample,
  estimateSensitivity,
  runSensitivity,
  type SensitivityIndices,
  type SensitivityResult,
} from './sensitivity.ts';
