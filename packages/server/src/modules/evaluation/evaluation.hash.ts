// The input hash of a run: SHA-256 of a canonical JSON (sorted keys) of everything the result depends
// on — framework version, hierarchy and weights, units and years, every value fed to the engine, and
// the settings. Equal hashes mean the same computation; publication compares it with the published data.
import { createHash } from 'node:crypto';
import type { EvaluationSettings } from '@scimon/contracts';
import type { EvaluationInputs } from './evaluation.inputs.ts';

/** JSON with object keys sorted at every depth; NaN → null. */
export function canonicalJson(v: unknown): string {
  if (typeof v === 'number') return Number.isFinite(v) ? JSON.stringify(v) : 'null';
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v) || ArrayBuffer.isView(v))
    return `[${Array.from(v as ArrayLike<unknown>, canonicalJson).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
    .join(',')}}`;
}

export function inputHash(
  framework: { code: string; version: number; contentHash: string },
  level: string,
  inputs: EvaluationInputs,
  settings: EvaluationSettings,
): string {
  const doc = {
    framework,
    level,
    years: inputs.years,
    nodes: inputs.framework.nodes,
    rows: inputs.rows.map((r) => [r.unit.code, r.unit.parentCode, r.year]),
    values: inputs.data.values,
    denominators: inputs.denominators ?? null,
    settings,
  };
  return createHash('sha256').update(canonicalJson(doc)).digest('hex');
}
