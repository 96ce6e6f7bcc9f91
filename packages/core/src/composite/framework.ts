import { err, ok, type Result } from '../shared/result.ts';

/** Goalposts of one indicator (COINr iMeta `goalpost_lower/upper/scale/trunc2posts`). */
export interface Goalposts {
  readonly lower: number;
  readonly upper: number;
  /** Multiplier applied after scaling onto [0, 1]; default 1. */
  readonly scale?: number;
  /** Clip to [0, 1] before scaling; default true. */
  readonly trunc?: boolean;
}

/** One row of an indicator framework (a COINr iMeta row of Type Indicator or Aggregate). */
export interface FrameworkNodeInput {
  readonly code: string;
  /** 1 = indicator; the top aggregate has the highest level. */
  readonly level: number;
  /** Parent code; null only for the top aggregate (the index). */
  readonly parent: string | null;
  /** Weight relative to its siblings (any positive scale). */
  readonly weight: number;
  /** +1 higher is better, −1 lower is better; indicators only (aggregates default to +1). */
  readonly direction?: number;
  /** Target for distance-to-target normalisation. */
  readonly target?: number | null;
  /** Standard (监测标准) for standard-value scoring. */
  readonly standard?: number | null;
  readonly goalposts?: Goalposts | null;
  /** Code of the denominator column used by `denominate`. */
  readonly denominator?: string | null;
}

/**
 * A validated hierarchy. Nodes are ordered as COINr's `Aggregated` data set: indicators in input
 * order, then the aggregates level by level (input order within a level). `children[k]` lists the
 * node positions of aggregate k's children; indicators have none.
 */
export interface Framework {
  readonly nodes: readonly FrameworkNodeInput[];
  /** Number of indicators (the first nIndicators nodes). */
  readonly nIndicators: number;
  /** Highest level (the index). */
  readonly maxLevel: number;
  /** Position of each node's parent, −1 for the top. */
  readonly parentOf: Int32Array;
  /** Children positions per node (empty for indicators). */
  readonly children: readonly (readonly number[])[];
  /** Node weights in node order. */
  readonly weights: Float64Array;
  /** Directions of the indicators (+1/−1), length nIndicators. */
  readonly directions: Float64Array;
  /** Position of each code. */
  readonly indexOf: ReadonlyMap<string, number>;
}

/**
 * Validates and orders a framework. Refuses (`E_INDEX_FRAMEWORK`) duplicate codes, unknown parents,
 * a parent not exactly one level up, several or no top nodes, aggregates without children,
 * non-finite or negative weights, and directions other than ±1.
 */
export function buildFramework(input: readonly FrameworkNodeInput[]): Result<Framework> {
  const fail = (message: string, where: string) =>
    err({ code: 'E_INDEX_FRAMEWORK', where, message, params: { where } });
  const byCode = new Map<string, FrameworkNodeInput>();
  for (const n of input) {
    if (byCode.has(n.code)) return fail(`duplicate code ${n.code}`, n.code);
    if (!Number.isInteger(n.level) || n.level < 1)
      return fail(`level of ${n.code} must be an integer ≥ 1`, n.code);
    if (!Number.isFinite(n.weight)) return fail(`weight of ${n.code} is not a number`, n.code);
    const d = n.direction ?? 1;
    if (n.level === 1 && d !== 1 && d !== -1) return fail(`direction of ${n.code} must be 1 or -1`, n.code);
    byCode.set(n.code, n);
  }
  const maxLevel = input.reduce((m, n) => Math.max(m, n.level), 0);
  if (maxLevel < 2)
    return fail('the framework needs indicators (level 1) and at least one aggregate', 'Level');
  const tops = input.filter((n) => n.parent === null || n.parent === undefined);
  if (tops.length !== 1 || tops[0]?.level !== maxLevel)
    return fail('exactly one top aggregate (Parent NA) at the highest level is required', 'Parent');
  for (const n of input) {
    if (n.parent === null || n.parent === undefined) continue;
    const p = byCode.get(n.parent);
    if (!p) return fail(`parent ${n.parent} of ${n.code} is not in the framework`, n.code);
    if (p.level !== n.level + 1) return fail(`parent ${n.parent} of ${n.code} must be one level up`, n.code);
  }
  const nodes: FrameworkNodeInput[] = [];
  for (let L = 1; L <= maxLevel; L++) for (const n of input) if (n.level === L) nodes.push(n);
  const indexOf = new Map<string, number>();
  nodes.forEach((n, k) => indexOf.set(n.code, k));
  const parentOf = new Int32Array(nodes.length).fill(-1);
  const children: number[][] = nodes.map(() => []);
  nodes.forEach((n, k) => {
    if (n.parent !== null && n.parent !== undefined) {
      const p = indexOf.get(n.parent) as number;
      parentOf[k] = p;
      children[p]?.push(k);
    }
  });
  for (let k = 0; k < nodes.length; k++) {
    const n = nodes[k] as FrameworkNodeInput;
    if (n.level > 1 && (children[k]?.length ?? 0) === 0)
      return fail(`aggregate ${n.code} has no children`, n.code);
  }
  const nIndicators = nodes.filter((n) => n.level === 1).length;
  const weights = Float64Array.from(nodes, (n) => n.weight);
  const directions = Float64Array.from(nodes.slice(0, nIndicators), (n) => n.direction ?? 1);
  return ok({ nodes, nIndicators, maxLevel, parentOf, children, weights, directions, indexOf });
}

/** The positions of the nodes at a level, in framework order. */
export function nodesAtLevel(fw: Framework, level: number): number[] {
  const out: number[] = [];
  fw.nodes.forEach((n, k) => {
    if (n.level === level) out.push(k);
  });
  return out;
}

/**
 * Replaces node weights by code (e.g. from a `--weights iCode,Weight` file). Unknown codes are refused
 * with `E_INDEX_WEIGHT_CODE`; unlisted nodes keep their weight.
 */
export function overrideWeights(fw: Framework, weights: ReadonlyMap<string, number>): Result<Float64Array> {
  const out = fw.weights.slice();
  for (const [code, w] of weights) {
    const k = fw.indexOf.get(code);
    if (k === undefined)
      return err({
        code: 'E_INDEX_WEIGHT_CODE',
        where: code,
        params: { code },
        message: `unknown code ${code} in weights`,
      });
    if (!Number.isFinite(w))
      return err({
        code: 'E_INDEX_WEIGHT_VALUE',
        where: code,
        params: { code },
        message: `weight of ${code} is not a number`,
      });
    out[k] = w;
  }
  return ok(out);
}
