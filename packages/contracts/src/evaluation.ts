// Evaluation runs (issue 6 item 5): a composite index over parks or zones from the platform's data.
// A run = framework version + year(s) + org-unit level + pipeline settings; its results are shaped for
// a ranking with rank-interval bars, a radar per unit (dimension scores) and a sensitivity chart.
// Names are prefixed `evaluation` to stay clear of the catalogue's Framework/Indicator exports.
import { z } from 'zod';

const code = z.string().min(1).max(60);
// JSON cannot carry NaN or ±Infinity, and zod 4 numbers refuse them.
const finite = z.number();
const year = z.number().int().min(1900).max(2100);

export const EVALUATION_LEVELS = ['park', 'zone'] as const;
export const EVALUATION_RUN_STATUSES = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;
export const EVALUATION_AGGREGATIONS = ['amean', 'gmean', 'hmean', 'genmean', 'copeland'] as const;
export const EVALUATION_INDICATOR_WEIGHTS = [
  'framework',
  'equal',
  'entropy',
  'pca-first',
  'pca-handbook',
  'ahp',
] as const;
export const EVALUATION_DIMENSION_WEIGHTS = ['framework', 'equal', 'ahp', 'sum-of-children'] as const;

/** Normalisation (docs/methodology/evaluation.md §5); every indicator is multiplied by its direction first. */
export const evaluationNormalise = z.discriminatedUnion('method', [
  z.object({ method: z.literal('minmax'), lower: finite.default(0), upper: finite.default(100) }),
  z.object({ method: z.literal('zscore'), mean: finite.default(0), sd: finite.positive().default(1) }),
  z.object({ method: z.enum(['rank', 'borda', 'prank', 'fracmax', 'dist2max']) }),
  /** refUnit: an org-unit code of the run (default the first unit). */
  z.object({ method: z.literal('dist2ref'), refUnit: code.optional(), cap: z.boolean().default(false) }),
  /** Targets per indicator in `indicatorParams`. */
  z.object({ method: z.literal('dist2targ'), cap: z.boolean().default(false) }),
  /** Goalposts per indicator in `indicatorParams`. */
  z.object({ method: z.literal('goalposts'), trunc: z.boolean().default(true) }),
  z.object({
    method: z.literal('scaled'),
    lower: finite,
    upper: finite,
    scaleFactor: finite.default(100),
  }),
  /** 监测标准: actual ÷ standard capped at 100 %; standards per indicator in `indicatorParams`. */
  z.object({ method: z.literal('standard'), cap: z.boolean().default(true) }),
]);
export type EvaluationNormalise = z.infer<typeof evaluationNormalise>;

const ahpMatrix = z.array(z.array(finite.positive()).min(1).max(15)).min(1).max(15);

/** One AHP pairwise matrix: the weights of `parent`'s children, listed in matrix order. */
export const evaluationAhpEntry = z.object({
  parent: code,
  children: z.array(code).min(1).max(15),
  matrix: ahpMatrix,
});

export const evaluationWeights = z.object({
  /** How the indicators' weights within each dimension are set. */
  indicators: z.enum(EVALUATION_INDICATOR_WEIGHTS).default('framework'),
  /** How the dimensions' weights are set ('framework' = the framework's, equal: it stores none). */
  dimensions: z.enum(EVALUATION_DIMENSION_WEIGHTS).default('framework'),
  ahp: z.array(evaluationAhpEntry).max(20).default([]),
  /** Accept AHP matrices with CR ≥ 0.10 (refused otherwise). */
  allowInconsistent: z.boolean().default(false),
  /** Final say: node code → weight (relative within its parent). */
  overrides: z.record(code, finite.nonnegative()).default({}),
});

export const evaluationUncertainty = z.object({
  runs: z.number().int().min(10).max(50_000),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1),
  /** Each weight below the index × U(1 − f, 1 + f). */
  weightNoise: finite.min(0).max(1).default(0.25),
  normalisations: z.array(evaluationNormalise).max(6).default([]),
  aggregations: z.array(z.enum(EVALUATION_AGGREGATIONS)).max(5).default([]),
  winmax: z.array(z.number().int().min(0).max(50)).max(6).default([]),
  /** Saltelli/Jansen indices over the uncertain inputs (needs ≥ 2 of them); N base samples. */
  sensitivity: z
    .object({
      n: z.number().int().min(10).max(5000),
      bootstrap: z.number().int().min(0).max(1000).default(0),
    })
    .optional(),
  /** The year analysed (default the run's last year): ranks compete within one year. */
  year: year.optional(),
});

/** Pipeline settings (COINr build order: denominate → impute → screen → treat → normalise → aggregate). */
export const evaluationSettings = z.object({
  /** indicator → denominator indicator (any indicator of the framework, e.g. gdp). */
  denominate: z.object({ by: z.record(code, code), scaleFactor: finite.positive().default(1) }).optional(),
  impute: z
    .object({
      method: z.enum(['none', 'mean', 'median', 'mean-by', 'median-by']),
      /** Groups for mean-by / median-by: the unit's parent org unit, the year, or both. */
      groupBy: z.enum(['parent', 'year', 'parent-year']).default('parent'),
    })
    .default({ method: 'none', groupBy: 'parent' }),
  screen: z.object({ datThresh: finite.min(0).max(1) }).optional(),
  treat: z
    .object({
      method: z.enum(['none', 'winsorise']),
      winmax: z.number().int().min(0).max(50).default(5),
      skewThresh: finite.positive().default(2),
      kurtThresh: finite.positive().default(3.5),
      fallback: z.enum(['log_CT', 'log_CT_plus', 'log_CT_orig', 'boxcox', 'none']).default('log_CT'),
      boxcoxLambda: finite.default(0.5),
      forceWin: z.boolean().default(false),
    })
    .default({
      method: 'none',
      winmax: 5,
      skewThresh: 2,
      kurtThresh: 3.5,
      fallback: 'log_CT',
      boxcoxLambda: 0.5,
      forceWin: false,
    }),
  normalise: evaluationNormalise.default({ method: 'minmax', lower: 0, upper: 100 }),
  /** Several years: 'global' normalises all years together (scores comparable across years). */
  panel: z.enum(['global', 'per-period']).default('global'),
  /** Per-indicator parameters of dist2targ, goalposts and standard. */
  indicatorParams: z
    .record(
      code,
      z.object({
        target: finite.optional(),
        standard: finite.optional(),
        goalposts: z
          .object({ lower: finite, upper: finite, scale: finite.optional(), trunc: z.boolean().optional() })
          .optional(),
      }),
    )
    .default({}),
  weights: evaluationWeights.default({
    indicators: 'framework',
    dimensions: 'framework',
    ahp: [],
    allowInconsistent: false,
    overrides: {},
  }),
  aggregate: z
    .object({
      /** One method, or one per level from the dimensions up ([dimensions, index]). */
      method: z.union([
        z.enum(EVALUATION_AGGREGATIONS),
        z.array(z.enum(EVALUATION_AGGREGATIONS)).min(1).max(2),
      ]),
      p: finite.optional(),
      datThresh: finite.min(0).max(1).optional(),
    })
    .default({ method: 'amean' }),
  uncertainty: evaluationUncertainty.optional(),
});
export type EvaluationSettings = z.infer<typeof evaluationSettings>;

export const evaluationRunCreate = z.object({
  name: z.string().min(1).max(200).optional(),
  /** Framework code (default the active one) and version (default its active version). */
  framework: code.optional(),
  frameworkVersion: z.number().int().min(1).optional(),
  years: z.array(year).min(1).max(15),
  level: z.enum(EVALUATION_LEVELS),
  /** 'reviewed' (approved and published values; callers allowed to read unpublished data) or 'published'. */
  dataStatus: z.enum(['published', 'reviewed']).default('reviewed'),
  settings: evaluationSettings.default(() => evaluationSettings.parse({})),
});
export type EvaluationRunCreate = z.infer<typeof evaluationRunCreate>;

export const evaluationRunQuery = z.object({
  status: z.enum(EVALUATION_RUN_STATUSES).optional(),
  published: z.enum(['true', 'false']).optional(),
  framework: code.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

const num = z.number().nullable();

export const evaluationRunSummary = z.object({
  id: z.number().int(),
  name: z.string().nullable(),
  framework: z.object({ code: z.string(), version: z.number().int() }),
  years: z.array(z.number().int()),
  level: z.enum(EVALUATION_LEVELS),
  dataStatus: z.enum(['published', 'reviewed']),
  inputHash: z.string(),
  status: z.enum(EVALUATION_RUN_STATUSES),
  progress: z.number(),
  published: z.boolean(),
  publishedAt: z.string().nullable(),
  publishedBy: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  error: z.object({ code: z.string(), params: z.record(z.string(), z.unknown()) }).nullable(),
});
export type EvaluationRunSummary = z.infer<typeof evaluationRunSummary>;

export const evaluationNode = z.object({
  code: z.string(),
  kind: z.enum(['indicator', 'dimension', 'index']),
  level: z.number().int(),
  parent: z.string().nullable(),
  nameZh: z.string(),
  nameEn: z.string(),
  direction: z.number().int(),
  /** Weight relative to its siblings, as used. */
  weight: z.number(),
  /** Product of the normalised weights down the lineage (indicators' sum to 1). */
  effectiveWeight: z.number(),
});

/** One unit in one year: raw inputs, scores and ranks of every node (keyed by node code). */
export const evaluationRow = z.object({
  orgUnit: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  parent: z.string().nullable(),
  year: z.number().int(),
  /** The indicator values fed to the pipeline (null = missing). */
  values: z.record(z.string(), num),
  /** Normalised indicators and aggregates (the radar reads the dimensions). */
  scores: z.record(z.string(), num),
  /** Within the year: 1 = best, ties share the smallest rank. */
  ranks: z.record(z.string(), num),
});

export const evaluationResults = z.object({
  nodes: z.array(evaluationNode),
  rows: z.array(evaluationRow),
  screenedOut: z.array(z.object({ orgUnit: z.string(), year: z.number().int() })),
  treatment: z.array(
    z.object({
      indicator: z.string(),
      skewBefore: num,
      kurtBefore: num,
      skewAfter: num,
      kurtAfter: num,
      winsorised: z.number().int(),
      transformed: z.string().nullable(),
    }),
  ),
  treatedPoints: z.array(
    z.object({ orgUnit: z.string(), year: z.number().int(), indicator: z.string(), treatment: z.string() }),
  ),
  weighting: z.object({
    ahp: z.array(
      z.object({
        parent: z.string(),
        children: z.array(z.string()),
        weights: z.array(z.number()),
        lambdaMax: z.number(),
        ci: z.number(),
        cr: z.number(),
        consistent: z.boolean(),
      }),
    ),
    entropy: z.array(z.object({ indicator: z.string(), e: z.number(), d: z.number(), w: z.number() })),
  }),
  audit: z.array(
    z.object({
      code: z.string(),
      children: z.array(z.string()),
      correlations: z.array(z.array(num)),
      withParent: z.array(num),
      cronbachAlpha: num,
      explainedVariance: z.array(z.number()),
      warnings: z.array(z.string()),
    }),
  ),
  /** W_EVAL_* codes: e.g. per-period normalisation compares ranks only. */
  warnings: z.array(z.string()),
});
export type EvaluationResults = z.infer<typeof evaluationResults>;

export const evaluationUncertaintyResult = z.object({
  year: z.number().int(),
  runs: z.number().int(),
  done: z.number().int(),
  failed: z.number().int(),
  factors: z.array(z.string()),
  /** Rank intervals per unit of `year` (5 %–95 % bars around the median). */
  ranks: z.array(
    z.object({
      orgUnit: z.string(),
      nominal: num,
      mean: num,
      median: num,
      q5: num,
      q95: num,
    }),
  ),
  sensitivity: z
    .object({
      variance: num,
      factors: z.array(
        z.object({
          name: z.string(),
          si: num,
          sti: num,
          siQ5: num,
          siQ95: num,
          stiQ5: num,
          stiQ95: num,
        }),
      ),
    })
    .nullable(),
});
export type EvaluationUncertaintyResult = z.infer<typeof evaluationUncertaintyResult>;

export const evaluationRunDetail = evaluationRunSummary.extend({
  settings: evaluationSettings,
  results: evaluationResults.nullable(),
  uncertainty: evaluationUncertaintyResult.nullable(),
});
export type EvaluationRunDetail = z.infer<typeof evaluationRunDetail>;

export const evaluationRunList = z.object({ total: z.number().int(), items: z.array(evaluationRunSummary) });

export const evaluationAhpCheck = z.object({
  matrix: ahpMatrix,
  threshold: finite.positive().max(1).default(0.1),
});
export const evaluationAhpResult = z.object({
  n: z.number().int(),
  weights: z.array(z.number()),
  lambdaMax: z.number(),
  ci: z.number(),
  ri: z.number(),
  cr: z.number(),
  threshold: z.number(),
  consistent: z.boolean(),
});
