// Resolves the weights of a run: framework, equal, entropy (熵权法), PCA (COINr's first component or the
// Handbook's rotated loadings), AHP pairwise matrices, then explicit overrides. Data-driven weights are
// computed once on the nominal pipeline's data and then fixed (the Monte Carlo perturbs them).
import {
  ahpWeights,
  entropyWeights,
  err,
  getColumn,
  normaliseData,
  ok,
  pcaWeightsFirstComponent,
  pcaWeightsHandbook,
  selectUnits,
  type Framework,
  type PipelineResult,
  type PipelineSpec,
  type Problem,
  type Result,
} from '@scimon/core';
import type { EvaluationResults, EvaluationSettings } from '@scimon/contracts';

export interface ResolvedWeights {
  /** Every node's weight by code (relative within its parent). */
  weights: Record<string, number>;
  weighting: EvaluationResults['weighting'];
}

const bad = (detail: string) => err({ code: 'E_EVALUATION_SETTINGS', params: { detail } });
const refused = (p: Problem, where: string) =>
  err({ code: 'E_EVALUATION_PIPELINE', params: { problem: p.code, detail: `${where}: ${p.message ?? ''}` } });

/** Applies one AHP matrix to a parent's children (which it must list exactly). */
function applyAhp(
  fw: Framework,
  parent: string,
  s: EvaluationSettings['weights'],
  out: Record<string, number>,
  log: EvaluationResults['weighting']['ahp'],
): Result<true> {
  const k = fw.indexOf.get(parent);
  const kids = (k === undefined ? [] : (fw.children[k] ?? [])).map((c) => fw.nodes[c]?.code ?? '');
  if (kids.length === 1) {
    out[kids[0] as string] = 1;
    return ok(true);
  }
  const entry = s.ahp.find((a) => a.parent === parent);
  if (!entry) return bad(`ahp: no pairwise matrix for ${parent}`);
  const same = entry.children.length === kids.length && kids.every((c) => entry.children.includes(c));
  if (!same) return bad(`ahp: the matrix of ${parent} must list its children ${kids.join(', ')}`);
  const r = ahpWeights(entry.matrix, { allowInconsistent: s.allowInconsistent });
  if (!r.ok) {
    if (r.error.code === 'E_INDEX_AHP_INCONSISTENT')
      return err({
        code: 'E_EVALUATION_AHP_INCONSISTENT',
        params: { parent, cr: Number((r.error.params?.cr as number).toFixed(4)), threshold: 0.1 },
      });
    return err({
      code: 'E_EVALUATION_AHP_MATRIX',
      params: {
        parent,
        row: r.error.params?.row ?? 1,
        col: r.error.params?.col ?? 1,
        detail: r.error.message ?? '',
      },
    });
  }
  entry.children.forEach((c, i) => (out[c] = r.value.weights[i] as number));
  log.push({
    parent,
    children: [...entry.children],
    weights: Array.from(r.value.weights),
    lambdaMax: r.value.lambdaMax,
    ci: r.value.ci,
    cr: r.value.cr,
    consistent: r.value.consistent,
  });
  return ok(true);
}

/** PCA weights of each dimension's indicators from the nominal normalised data. */
function pcaWeights(
  fw: Framework,
  base: PipelineResult,
  variant: 'pca-first' | 'pca-handbook',
  out: Record<string, number>,
): Result<true> {
  for (let k = fw.nIndicators; k < fw.nodes.length; k++) {
    if (fw.nodes[k]?.level !== 2) continue;
    const kids = fw.children[k] ?? [];
    if (kids.length < 2) {
      for (const c of kids) out[fw.nodes[c]?.code ?? ''] = 1;
      continue;
    }
    const cols = kids.map((c) => getColumn(base.normalised, c));
    const r = variant === 'pca-first' ? pcaWeightsFirstComponent(cols) : pcaWeightsHandbook(cols);
    if (!r.ok) return refused(r.error, fw.nodes[k]?.code ?? '');
    let w = 'weights' in r.value ? r.value.weights : r.value;
    // The first component's sign is arbitrary: orient it so the loadings sum to a positive number.
    if (w.reduce((a, b) => a + b, 0) < 0) w = w.map((v) => -v);
    if (w.some((v) => v < 0))
      return bad(`PCA loadings of ${fw.nodes[k]?.code} have mixed signs: choose another weighting`);
    kids.forEach((c, i) => (out[fw.nodes[c]?.code ?? ''] = w[i] as number));
  }
  return ok(true);
}

/** Entropy weights on min-max [0, 1] data after direction (the data entering normalisation). */
function entropy(
  fw: Framework,
  base: PipelineResult,
  spec: PipelineSpec,
  out: Record<string, number>,
  log: EvaluationResults['weighting']['entropy'],
): Result<true> {
  const before =
    base.treated ?? selectUnits(base.imputed ?? base.denominated ?? base.raw, base.kept as number[]);
  const unit = normaliseData(before, fw, { method: 'minmax', lower: 0, upper: 1 }, spec.normaliseOptions);
  if (!unit.ok) return refused(unit.error, 'entropy');
  const e = entropyWeights(unit.value);
  if (!e.ok) return refused(e.error, 'entropy');
  for (let j = 0; j < fw.nIndicators; j++) {
    const code = fw.nodes[j]?.code ?? '';
    out[code] = e.value.w[j] as number;
    log.push({
      indicator: code,
      e: e.value.e[j] as number,
      d: e.value.d[j] as number,
      w: e.value.w[j] as number,
    });
  }
  return ok(true);
}

/** Resolves every node's weight from the settings and the nominal pipeline (run with framework weights). */
export function resolveWeights(
  fw: Framework,
  s: EvaluationSettings['weights'],
  base: PipelineResult,
  spec: PipelineSpec,
): Result<ResolvedWeights> {
  const out: Record<string, number> = {};
  fw.nodes.forEach((n) => (out[n.code] = n.weight));
  const weighting: ResolvedWeights['weighting'] = { ahp: [], entropy: [] };
  const dims = fw.nodes.filter((n) => n.level === 2).map((n) => n.code);
  const top = fw.nodes[fw.nodes.length - 1]?.code ?? '';
  let r: Result<true> = ok(true);
  if (s.indicators === 'equal') for (let j = 0; j < fw.nIndicators; j++) out[fw.nodes[j]?.code ?? ''] = 1;
  else if (s.indicators === 'entropy') r = entropy(fw, base, spec, out, weighting.entropy);
  else if (s.indicators === 'pca-first' || s.indicators === 'pca-handbook')
    r = pcaWeights(fw, base, s.indicators, out);
  else if (s.indicators === 'ahp') for (const d of dims) if (r.ok) r = applyAhp(fw, d, s, out, weighting.ahp);
  if (!r.ok) return r;
  if (s.dimensions === 'equal' || s.dimensions === 'framework') for (const d of dims) out[d] = 1;
  else if (s.dimensions === 'ahp') r = applyAhp(fw, top, s, out, weighting.ahp);
  else {
    // Dimension = the sum of its indicators' weights: effective weights equal the flat indicator weights.
    for (const d of dims) {
      const k = fw.indexOf.get(d) as number;
      out[d] = (fw.children[k] ?? []).reduce((a, c) => a + (out[fw.nodes[c]?.code ?? ''] ?? 0), 0);
    }
  }
  if (!r.ok) return r;
  for (const [code, w] of Object.entries(s.overrides)) {
    if (!fw.indexOf.has(code)) return bad(`weights.overrides: ${code} is not a node of this run`);
    out[code] = w;
  }
  return ok({ weights: out, weighting });
}
