// The deterministic part of a run (milliseconds, run inline): weights, pipeline, ranks within each year,
// treatment report and statistical audit, shaped as the API's results.
import {
  auditIndex,
  err,
  getColumn,
  ok,
  rankDescendingMin,
  runPipeline,
  type PipelineResult,
  type PipelineSpec,
  type Problem,
  type Result,
} from '@scimon/core';
import type { EvaluationResults, EvaluationSettings } from '@scimon/contracts';
import type { EvaluationInputs } from './evaluation.inputs.ts';
import { pipelineSpec } from './evaluation.spec.ts';
import { resolveWeights } from './evaluation.weights.ts';

/** JSON has no NaN or Infinity: missing numbers are null. */
export const num = (x: number | undefined): number | null =>
  x !== undefined && Number.isFinite(x) ? x : null;

export function pipelineProblem(p: Problem): Problem {
  const where = p.where ?? (p.params?.iCode as string | undefined);
  return {
    code: 'E_EVALUATION_PIPELINE',
    params: { problem: p.code, detail: [where, p.message].filter(Boolean).join(': ') },
  };
}

export interface Computed {
  results: EvaluationResults;
  /** The spec with resolved weights (the Monte Carlo starts from it). */
  spec: PipelineSpec;
  weights: Record<string, number>;
}

/** Ranks every column within each year (units compete within a year; 1 = best, min ties). */
function ranksWithinYears(inputs: EvaluationInputs, r: PipelineResult): Float64Array[] {
  const m = r.aggregated;
  const ranks = Array.from({ length: m.nCols }, () => new Float64Array(m.nUnits).fill(Number.NaN));
  for (const year of inputs.years) {
    const pos = r.kept.flatMap((row, i) => (inputs.rows[row]?.year === year ? [i] : []));
    for (let j = 0; j < m.nCols; j++) {
      const col = getColumn(m, j);
      const rk = rankDescendingMin(Float64Array.from(pos, (i) => col[i] as number));
      pos.forEach((i, q) => ((ranks[j] as Float64Array)[i] = rk[q] as number));
    }
  }
  return ranks;
}

function warningsOf(inputs: EvaluationInputs, s: EvaluationSettings, r: PipelineResult): string[] {
  const w: string[] = [];
  if (inputs.years.length > 1 && s.panel === 'per-period') w.push('W_EVAL_PER_PERIOD_RANKS_ONLY');
  if (inputs.data.values.some((v) => Number.isNaN(v))) w.push('W_EVAL_MISSING_VALUES');
  if (inputs.partialCells > 0) w.push('W_EVAL_PARTIAL_ROLLUP');
  if (r.kept.length < 3 * inputs.framework.nIndicators) w.push('W_EVAL_FEW_UNITS');
  return w;
}

/** Runs the nominal pipeline: framework weights first (data-driven weights need its data), then resolved. */
export function computeRun(inputs: EvaluationInputs, s: EvaluationSettings): Result<Computed> {
  const fw = inputs.framework;
  const input = {
    framework: fw,
    data: inputs.data,
    ...(inputs.denominators ? { denominators: inputs.denominators } : {}),
  };
  const spec0 = pipelineSpec(s, inputs);
  if (!spec0.ok) return spec0;
  const base = runPipeline(input, spec0.value);
  if (!base.ok) return err(pipelineProblem(base.error));
  const resolved = resolveWeights(fw, s.weights, base.value, spec0.value);
  if (!resolved.ok) return resolved;
  const spec = { ...spec0.value, weights: resolved.value.weights };
  const run = runPipeline(input, spec);
  if (!run.ok) return err(pipelineProblem(run.error));
  const r = run.value;
  const ranks = ranksWithinYears(inputs, r);
  const codes = fw.nodes.map((n) => n.code);
  const rowOf = (i: number) => inputs.rows[r.kept[i] as number]!;
  const rows = r.kept.map((row, i) => {
    const ref = inputs.rows[row]!;
    const pick = (f: (j: number) => number, n = codes.length) =>
      Object.fromEntries(codes.slice(0, n).map((c, j) => [c, num(f(j))]));
    return {
      orgUnit: ref.unit.code,
      nameZh: ref.unit.nameZh,
      nameEn: ref.unit.nameEn,
      parent: ref.unit.parentCode,
      year: ref.year,
      values: pick((j) => inputs.data.values[j * inputs.data.nUnits + row] as number, fw.nIndicators),
      scores: pick((j) => r.aggregated.values[j * r.aggregated.nUnits + i] as number),
      ranks: pick((j) => (ranks[j] as Float64Array)[i] as number),
    };
  });
  const kept = new Set(r.kept);
  const results: EvaluationResults = {
    nodes: fw.nodes.map((n, k) => ({
      code: n.code,
      kind: inputs.meta[k]?.kind ?? 'indicator',
      level: n.level,
      parent: n.parent,
      nameZh: inputs.meta[k]?.nameZh ?? n.code,
      nameEn: inputs.meta[k]?.nameEn ?? n.code,
      direction: n.level === 1 ? (fw.directions[k] ?? 1) : 1,
      weight: r.weights[k] as number,
      // 0/0 under a parent whose children all weigh 0: such a node contributes nothing.
      effectiveWeight: num(r.effectiveWeights[k]) ?? 0,
    })),
    rows,
    screenedOut: inputs.rows.flatMap((ref, row) =>
      kept.has(row) ? [] : [{ orgUnit: ref.unit.code, year: ref.year }],
    ),
    treatment: (r.treat?.details ?? []).map((d, j) => {
      const last = d.check2 ?? d.check1 ?? d.check0;
      return {
        indicator: codes[j] ?? '',
        skewBefore: num(d.check0.skew),
        kurtBefore: num(d.check0.kurt),
        skewAfter: num(last.skew),
        kurtAfter: num(last.kurt),
        winsorised: d.nwin ?? 0,
        transformed: d.transformed ?? null,
      };
    }),
    treatedPoints: (r.treat?.points ?? []).map((p) => ({
      orgUnit: rowOf(p.unit).unit.code,
      year: rowOf(p.unit).year,
      indicator: codes[p.indicator] ?? '',
      treatment: p.treatment,
    })),
    weighting: resolved.value.weighting,
    audit: auditIndex(r.aggregated, fw).map((a) => ({
      code: a.code,
      children: [...a.children],
      correlations: a.correlations.map((row) => row.map(num)),
      withParent: a.withParent.map(num),
      cronbachAlpha: num(a.cronbachAlpha),
      explainedVariance: a.explainedVariance.filter(Number.isFinite),
      warnings: a.warnings,
    })),
    warnings: warningsOf(inputs, s, r),
  };
  return ok({ results, spec, weights: resolved.value.weights });
}
