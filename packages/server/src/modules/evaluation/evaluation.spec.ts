// Evaluation settings (API, by org-unit code) → the engine's PipelineSpec (by matrix row).
import { err, ok, type NormaliseSpec, type PipelineSpec, type Result } from '@scimon/core';
import type { EvaluationNormalise, EvaluationSettings } from '@scimon/contracts';
import type { EvaluationInputs } from './evaluation.inputs.ts';

const bad = (detail: string) => err({ code: 'E_EVALUATION_SETTINGS', params: { detail } });

/** A normalisation; dist2ref's reference is the unit's row in the last year (default the first row). */
export function normaliseSpec(n: EvaluationNormalise, inputs: EvaluationInputs): Result<NormaliseSpec> {
  if (n.method !== 'dist2ref') return ok(n);
  if (n.refUnit === undefined) return ok({ method: 'dist2ref', refUnit: 0, cap: n.cap });
  let row = -1;
  inputs.rows.forEach((r, i) => {
    if (r.unit.code === n.refUnit) row = i;
  });
  if (row < 0) return bad(`dist2ref: ${n.refUnit} is not a unit of this run`);
  return ok({ method: 'dist2ref', refUnit: row, cap: n.cap });
}

/** Imputation groups per row: parent org unit, year, or both. */
function groupsOf(inputs: EvaluationInputs, by: 'parent' | 'year' | 'parent-year'): (string | null)[] {
  return inputs.rows.map((r) =>
    by === 'year'
      ? String(r.year)
      : by === 'parent'
        ? r.unit.parentCode
        : r.unit.parentCode === null
          ? null
          : `${r.unit.parentCode}|${r.year}`,
  );
}

/** The pipeline spec of a run; `weights` are the resolved node weights (evaluation.weights.ts). */
export function pipelineSpec(
  s: EvaluationSettings,
  inputs: EvaluationInputs,
  weights?: Readonly<Record<string, number>>,
): Result<PipelineSpec> {
  const normalise = normaliseSpec(s.normalise, inputs);
  if (!normalise.ok) return normalise;
  const im = s.impute;
  const yearIndex = new Map(inputs.years.map((y, p) => [y, p]));
  return ok({
    denominate: s.denominate !== undefined,
    impute:
      im.method === 'mean-by' || im.method === 'median-by'
        ? { method: im.method, groups: groupsOf(inputs, im.groupBy) }
        : { method: im.method },
    ...(s.screen ? { screen: { datThresh: s.screen.datThresh } } : {}),
    treat: s.treat.method === 'none' ? { method: 'none' } : { ...s.treat },
    normalise: normalise.value,
    ...(inputs.years.length > 1
      ? {
          normaliseOptions: {
            periodOf: Int32Array.from(inputs.rows, (r) => yearIndex.get(r.year) ?? 0),
            panel: s.panel,
          },
        }
      : {}),
    ...(weights ? { weights } : {}),
    aggregate: {
      method: s.aggregate.method,
      ...(s.aggregate.p === undefined ? {} : { p: s.aggregate.p }),
      ...(s.aggregate.datThresh === undefined ? {} : { datThresh: s.aggregate.datThresh }),
    },
  });
}
