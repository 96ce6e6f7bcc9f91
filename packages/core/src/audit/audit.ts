/**
 * Statistical audit of a composite index (OECD/JRC Handbook 2008 §4 and §10; COINr `get_corr`,
 * `get_cronbach`, `get_PCA`): per aggregate, the Pearson correlations among its children and of each
 * child with the aggregate, Cronbach's alpha of the children, and the share of variance explained
 * by each principal component; small-sample warnings (complete units < 3 per variable; PCA refused
 * when units ≤ variables).
 */
import type { Framework } from '../composite/framework.ts';
import { getColumn, type DataMatrix } from '../composite/matrix.ts';
import { correlationMatrix, principalComponents } from '../composite/pca.ts';
import { cronbachAlpha } from './cronbach.ts';

/** The audit of one aggregate. */
export interface GroupAudit {
  readonly code: string;
  readonly children: readonly string[];
  /** Children × children Pearson correlations (complete rows). */
  readonly correlations: number[][];
  /** Correlation of each child with this aggregate. */
  readonly withParent: number[];
  readonly cronbachAlpha: number;
  /** Explained-variance shares of the principal components (empty if PCA was refused). */
  readonly explainedVariance: number[];
  readonly warnings: string[];
}

/**
 * Audits every aggregate of an `Aggregated` data set (columns in framework order). Warnings are
 * codes: `W_INDEX_SMALL_SAMPLE` (< 3 complete units per child), `W_INDEX_PCA_REFUSED` (units ≤
 * children), `W_INDEX_NEGATIVE_CORRELATION` (a child negatively correlated with its parent),
 * `W_INDEX_LOW_ALPHA` (α < 0.7).
 */
export function auditIndex(aggregated: DataMatrix, fw: Framework): GroupAudit[] {
  const out: GroupAudit[] = [];
  for (let k = fw.nIndicators; k < fw.nodes.length; k++) {
    const kids = fw.children[k] ?? [];
    const cols = kids.map((c) => getColumn(aggregated, c));
    const warnings: string[] = [];
    const { r, nUsed } = correlationMatrix(cols);
    const parent = getColumn(aggregated, k);
    const withParent = cols.map((c) => (correlationMatrix([c, parent]).r[0] as number[])[1] as number);
    if (nUsed < 3 * kids.length) warnings.push('W_INDEX_SMALL_SAMPLE');
    if (withParent.some((v) => v < 0)) warnings.push('W_INDEX_NEGATIVE_CORRELATION');
    const alpha = cronbachAlpha(cols);
    if (alpha < 0.7) warnings.push('W_INDEX_LOW_ALPHA');
    const pca = kids.length >= 2 ? principalComponents(cols) : null;
    if (pca && !pca.ok) warnings.push('W_INDEX_PCA_REFUSED');
    out.push({
      code: fw.nodes[k]?.code ?? '',
      children: kids.map((c) => fw.nodes[c]?.code ?? ''),
      correlations: r,
      withParent,
      cronbachAlpha: alpha,
      explainedVariance: pca && pca.ok ? Array.from(pca.value.explained) : [],
      warnings,
    });
  }
  return out;
}
