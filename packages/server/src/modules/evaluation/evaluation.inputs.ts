// Turns platform data into the engine's input: the framework's hierarchy (indicator → dimension → index)
// and a units × indicators matrix. Values come from the monitoring panel (stored values by source
// precedence, derived indicators recomputed, zones rolled up), so nothing is re-implemented here.
import {
  buildFramework,
  err,
  matrixFromRows,
  ok,
  selectUnits,
  type DataMatrix,
  type Framework,
  type FrameworkNodeInput,
  type Result,
} from '@scimon/core';
import type { EvaluationSettings } from '@scimon/contracts';
import { cellOf, type Panel, type PanelUnit } from '../monitoring/monitoring.panel.ts';

/** The index's node code (the framework's top aggregate). */
export const INDEX_CODE = 'INDEX';

export interface EvaluationNodeMeta {
  code: string;
  kind: 'indicator' | 'dimension' | 'index';
  nameZh: string;
  nameEn: string;
}

export interface EvaluationRowRef {
  unit: PanelUnit;
  year: number;
}

export interface EvaluationInputs {
  framework: Framework;
  /** Per framework node (framework order). */
  meta: EvaluationNodeMeta[];
  years: number[];
  rows: EvaluationRowRef[];
  /** rows × indicators in framework order, NaN = missing. */
  data: DataMatrix;
  /** Denominator column per indicator (framework order) when `denominate` names one. */
  denominators: (Float64Array | null)[] | undefined;
  /** Cells whose value is a partial roll-up (completeness < 1). */
  partialCells: number;
}

export interface InputRequest {
  years: readonly number[];
  level: 'park' | 'zone';
  settings: EvaluationSettings;
  /** Framework weights of the indicators (the panel does not carry them). */
  indicatorWeights: ReadonlyMap<string, number>;
  frameworkName: { zh: string; en: string };
}

const bad = (detail: string) => err({ code: 'E_EVALUATION_SETTINGS', params: { detail } });

/**
 * The hierarchy: every indicator with framework weight > 0 under its first dimension (by sequence) of
 * kind 'dimension', dimensions with equal weight 1 (the framework stores none), one index on top.
 */
function frameworkOf(panel: Panel, req: InputRequest): Result<{ fw: Framework; meta: EvaluationNodeMeta[] }> {
  const dims = panel.dimensions.filter((d) => d.kind === 'dimension');
  const params = req.settings.indicatorParams;
  const nodes: FrameworkNodeInput[] = [];
  const meta: EvaluationNodeMeta[] = [];
  const used = new Set<string>();
  for (const ind of panel.indicators) {
    const w = req.indicatorWeights.get(ind.code) ?? 0;
    const dim = dims.find((d) => d.indicators.includes(ind.code));
    if (!(w > 0) || !dim) continue;
    const p = params[ind.code];
    used.add(dim.code);
    nodes.push({
      code: ind.code,
      level: 1,
      parent: dim.code,
      weight: w,
      direction: ind.direction,
      target: p?.target ?? null,
      standard: p?.standard ?? null,
      goalposts: p?.goalposts ?? null,
    });
    meta.push({ code: ind.code, kind: 'indicator', nameZh: ind.nameZh, nameEn: ind.nameEn });
  }
  for (const d of dims) {
    if (!used.has(d.code)) continue;
    nodes.push({ code: d.code, level: 2, parent: INDEX_CODE, weight: 1 });
    meta.push({ code: d.code, kind: 'dimension', nameZh: d.nameZh, nameEn: d.nameEn });
  }
  nodes.push({ code: INDEX_CODE, level: 3, parent: null, weight: 1 });
  meta.push({ code: INDEX_CODE, kind: 'index', nameZh: req.frameworkName.zh, nameEn: req.frameworkName.en });
  for (const c of Object.keys(params))
    if (!nodes.some((n) => n.code === c && n.level === 1))
      return bad(`indicatorParams: ${c} is not evaluated`);
  const fw = buildFramework(nodes);
  if (!fw.ok)
    return err({
      code: 'E_EVALUATION_PIPELINE',
      params: { problem: fw.error.code, detail: fw.error.message ?? '' },
    });
  // buildFramework orders nodes by level; meta was built in the same order.
  return ok({ fw: fw.value, meta });
}

/** Units of the level that exist in the year: park leaves of kind area, or zones. */
function unitsIn(panel: Panel, level: 'park' | 'zone', year: number): PanelUnit[] {
  const p = year - (panel.years[0] ?? year);
  const tree = panel.plan.trees[p];
  if (!tree) return [];
  return panel.units.filter((u) => u.level === level && u.kind === 'area' && tree.active[u.row] === 1);
}

/** Builds the engine input. Errors: E_EVALUATION_NO_UNITS, E_EVALUATION_SETTINGS, E_EVALUATION_PIPELINE. */
export function buildInputs(panel: Panel, req: InputRequest): Result<EvaluationInputs> {
  const f = frameworkOf(panel, req);
  if (!f.ok) return f;
  const fw = f.value.fw;
  const codes = fw.nodes.slice(0, fw.nIndicators).map((n) => n.code);
  const years = [...new Set(req.years)].sort((a, b) => a - b);
  const rows: EvaluationRowRef[] = [];
  const values: number[][] = [];
  let partialCells = 0;
  for (const year of years) {
    const units = unitsIn(panel, req.level, year);
    const cells = units.map((u) =>
      codes.map((c) => {
        const cell = cellOf(panel, c, u.row, year);
        if (cell.value !== null && cell.completeness !== null && cell.completeness < 1) partialCells++;
        return cell.value ?? Number.NaN;
      }),
    );
    // A year without any value is a wrong choice, not a row of missing values.
    if (!cells.some((r) => r.some((v) => !Number.isNaN(v))))
      return err({ code: 'E_EVALUATION_NO_UNITS', params: { level: req.level, years: String(year) } });
    units.forEach((unit, i) => {
      rows.push({ unit, year });
      values.push(cells[i] as number[]);
    });
  }
  let denominators: (Float64Array | null)[] | undefined;
  const by = req.settings.denominate?.by;
  if (by) {
    const scale = req.settings.denominate?.scaleFactor ?? 1;
    for (const [ind, den] of Object.entries(by)) {
      if (!codes.includes(ind)) return bad(`denominate: ${ind} is not evaluated`);
      if (!panel.indicatorByCode.has(den)) return bad(`denominate: no indicator ${den}`);
    }
    denominators = codes.map((c) => {
      const den = by[c];
      return den === undefined
        ? null
        : // The engine divides by the denominator as given: fold the scale factor in here.
          Float64Array.from(
            rows,
            (r) => (cellOf(panel, den, r.unit.row, r.year).value ?? Number.NaN) / scale,
          );
    });
  }
  return ok({
    framework: fw,
    meta: f.value.meta,
    years,
    rows,
    data: matrixFromRows(values, codes.length),
    denominators,
    partialCells,
  });
}

/** The inputs restricted to one year's rows (the Monte Carlo analysis ranks units within a year). */
export function sliceYear(inputs: EvaluationInputs, year: number): EvaluationInputs {
  const keep = inputs.rows.flatMap((r, i) => (r.year === year ? [i] : []));
  return {
    ...inputs,
    years: [year],
    rows: keep.map((i) => inputs.rows[i] as EvaluationRowRef),
    data: selectUnits(inputs.data, keep),
    denominators: inputs.denominators?.map((d) =>
      d ? Float64Array.from(keep, (i) => d[i] as number) : null,
    ),
  };
}
