// Monitoring: the overview of an org unit (target cards, dimensions, warnings), series and warnings.
// Everything is computed from the stored values on demand and cached per data version.
import type { Kysely } from 'kysely';
import type { Database } from '@scimon/db';
import type {
  DimensionCard,
  IndicatorStatusItem,
  MonitoringOverview,
  MonitoringSeries,
  MonitoringWarning,
  MonitoringWarnings,
  TargetCard,
} from '@scimon/contracts';
import {
  dimensionStatus,
  err,
  ok,
  parseIsoDate,
  PLAN_BANDS,
  type DateParts,
  type Result,
} from '@scimon/core';
import * as repo from './monitoring.repository.ts';
import {
  buildPanel,
  cellOf,
  provenanceOf,
  reportingUnitsBelow,
  type Panel,
  type PanelUnit,
} from './monitoring.panel.ts';
import { evaluateTarget, evaluateTrend } from './monitoring.evaluate.ts';
import {
  discrepancyWarnings,
  lowCompletenessWarnings,
  missingDataWarnings,
  sortWarnings,
  targetWarnings,
  trendWarnings,
  type TargetOutcome,
} from './monitoring.warnings.ts';
import { readDataVersion } from './data-version.ts';
import { isAllowed, type PrincipalGrants } from '../auth/policy.ts';
import { MonitoringCache } from './monitoring.cache.ts';
import { loadPanelCoordination } from '../coordination/coordination.repository.ts';

/** published: anonymous and most callers; reviewed: also approved values (readers of the whole tree). */
export type Visibility = 'published' | 'reviewed';
const STATUSES: Record<Visibility, readonly string[]> = {
  published: ['published'],
  reviewed: ['approved', 'published'],
};

export interface MonitoringParams {
  orgUnit?: string;
  year?: number;
  asOf: string;
  framework?: string;
  visibility: Visibility;
}

/** What every call needs: the database and a cache (one per server; the CLI passes a fresh one). */
export interface MonitoringContext {
  db: Kysely<Database>;
  cache: MonitoringCache;
}

export const createMonitoringContext = (db: Kysely<Database>): MonitoringContext => ({
  db,
  cache: new MonitoringCache(),
});

/**
 * Approved (not yet published) values count only for callers allowed to read unpublished data on the
 * whole tree: a roll-up mixes every park, so a reader scoped to one park would see others' values.
 */
export async function visibilityOf(
  ctx: MonitoringContext,
  principal: PrincipalGrants | null,
): Promise<Visibility> {
  if (!principal) return 'published';
  const root = await repo.findRootCode(ctx.db);
  return root && isAllowed(principal, 'data.read_unpublished', { orgUnitPath: [root] })
    ? 'reviewed'
    : 'published';
}

async function loadPanel(
  db: Kysely<Database>,
  visibility: Visibility,
  framework?: string,
): Promise<Result<Panel>> {
  const fw = await repo.findActiveFramework(db, framework);
  if (!fw) return err({ code: 'E_FRAMEWORK_NOT_FOUND', params: { code: framework ?? '—' } });
  const [indicators, dimensions, links, targets, units, values, coordination] = await Promise.all([
    repo.listFrameworkIndicators(db, fw.id),
    repo.listFrameworkDimensions(db, fw.id),
    repo.listDimensionLinks(db, fw.id),
    repo.listFrameworkTargets(db, fw.id),
    repo.listUnits(db),
    repo.listValues(db, STATUSES[visibility]),
    loadPanelCoordination(db),
  ]);
  return buildPanel({ framework: fw, indicators, dimensions, links, targets, units, values, coordination });
}

/** The panel of the current data version (computed once per version, visibility and framework). */
async function panelFor(ctx: MonitoringContext, version: number, visibility: Visibility, framework?: string) {
  return ctx.cache.get(version, `panel|${visibility}|${framework ?? ''}`, () =>
    loadPanel(ctx.db, visibility, framework),
  );
}

const unitRef = (u: PanelUnit) => ({
  code: u.code,
  nameZh: u.nameZh,
  nameEn: u.nameEn,
  level: u.level,
  kind: u.kind,
});

/** The root of the tree: the first area unit without a parent. */
const rootOf = (panel: Panel) => panel.units.find((u) => u.parentCode === null && u.kind !== 'reference');

/** Rows of the unit and every tree unit below it (contributing or not: sites and planning areas too). */
function subtreeRows(panel: Panel, unit: PanelUnit): number[] {
  const inside = (u: PanelUnit): boolean => {
    if (u.code === unit.code) return true;
    if (u.kind === 'reference') return false;
    let c = u.parentCode;
    for (let hops = 0; c !== null && hops < 64; hops++) {
      if (c === unit.code) return true;
      c = panel.unitByCode.get(c)?.parentCode ?? null;
    }
    return false;
  };
  return panel.units.filter(inside).map((u) => u.row);
}

/** Latest year with a stored value at or below the unit. */
function latestYear(panel: Panel, row: number): number | null {
  const P = panel.years.length;
  for (let p = P - 1; p >= 0; p--) {
    if (reportingUnitsBelow(panel.plan, row, p).some((r) => panel.hasData[r * P + p])) return panel.years[p]!;
  }
  return null;
}

function hasDataIn(panel: Panel, row: number, year: number): boolean {
  const P = panel.years.length;
  const p = year - (panel.years[0] ?? year);
  if (p < 0 || p >= P) return false;
  return reportingUnitsBelow(panel.plan, row, p).some((r) => panel.hasData[r * P + p]);
}

interface Resolved {
  panel: Panel;
  unit: PanelUnit;
  year: number;
  asOf: DateParts;
  version: number;
}

/** Resolves unit, year and date; `requireData`: the year must hold data (the overview; not the warnings). */
async function resolve(
  ctx: MonitoringContext,
  q: MonitoringParams,
  requireData = true,
): Promise<Result<Resolved>> {
  const asOf = parseIsoDate(q.asOf);
  if (!asOf.ok) return err({ code: 'E_REQUEST_INVALID', params: { detail: `asOf: ${q.asOf}` } });
  const version = await readDataVersion(ctx.db);
  const panel = await panelFor(ctx, version, q.visibility, q.framework);
  if (!panel.ok) return panel;
  const p = panel.value;
  const unit = q.orgUnit ? p.unitByCode.get(q.orgUnit) : rootOf(p);
  if (!unit) return err({ code: 'E_ORG_UNIT_NOT_FOUND', params: { code: q.orgUnit ?? '—' } });
  const year = q.year ?? latestYear(p, unit.row) ?? (requireData ? null : (p.years.at(-1) ?? null));
  if (year === null || (requireData && !hasDataIn(p, unit.row, year)))
    return err({ code: 'E_MONITORING_NO_DATA', params: { orgUnit: unit.code, year: year ?? '—' } });
  return ok({ panel: p, unit, year, asOf: asOf.value, version });
}

const seriesAt = (panel: Panel, code: string, row: number) => (y: number) => cellOf(panel, code, row, y);

/** Default base year for indicators without a target: the earliest stated base year, else the first year. */
const defaultBaseYear = (panel: Panel) =>
  panel.targets.length ? Math.min(...panel.targets.map((t) => t.base_year)) : (panel.years[0] ?? 0);

function targetOutcomes(r: Resolved, rows: readonly number[]): (TargetOutcome & { card: TargetCard })[] {
  const { panel, year, asOf } = r;
  const out: (TargetOutcome & { card: TargetCard })[] = [];
  const codes = new Set(rows.map((row) => panel.units[row]!.code));
  const targets = panel.targets
    .filter((t) => codes.has(t.org_unit_code) && panel.indicatorByCode.has(t.indicator_code))
    .sort(
      (a, b) =>
        panel.indicatorByCode.get(a.indicator_code)!.seq - panel.indicatorByCode.get(b.indicator_code)!.seq ||
        a.year - b.year,
    );
  for (const t of targets) {
    const unit = panel.unitByCode.get(t.org_unit_code)!;
    const ind = panel.indicatorByCode.get(t.indicator_code)!;
    const series = seriesAt(panel, ind.code, unit.row);
    const spec = {
      comparator: t.comparator,
      value: t.value,
      kind: t.kind,
      baseYear: t.base_year,
      year: t.year,
    };
    const e = evaluateTarget(series, ind.aggregation, ind.direction, spec, year, asOf);
    const prov = provenanceOf(panel, ind.code, unit.row, e.currentYear);
    const band = PLAN_BANDS[e.band];
    const all = panel.years
      .filter((y) => y <= Math.max(year, e.currentYear))
      .map((y) => ({ period: String(y), ...series(y) }));
    const first = all.findIndex((x) => x.value !== null);
    const trend = first < 0 ? [] : all.slice(first);
    const sample = prov.sources.includes('sample');
    out.push({
      unit,
      indicator: ind.code,
      nameZh: ind.nameZh,
      nameEn: ind.nameEn,
      targetYear: t.year,
      evaluation: e,
      sample,
      card: {
        indicator: ind.code,
        nameZh: ind.nameZh,
        nameEn: ind.nameEn,
        unit: { zh: ind.unitZh, en: ind.unitEn },
        aggregation: ind.aggregation,
        direction: ind.direction,
        currentYear: e.currentYear,
        value: e.value,
        target: t.value,
        targetYear: t.year,
        kind: t.kind,
        comparator: t.comparator,
        targetLevel: e.targetLevel,
        base: {
          year: e.base?.year ?? t.base_year,
          value: e.base?.value ?? null,
          stated: t.base_year,
          assumption: t.base_year_assumption === 1,
        },
        achievedGrowth: e.achievedGrowth,
        progressShare: e.progressShare,
        timeShare: e.timeShare,
        status: {
          openSdg: e.openSdg,
          score: e.score,
          progressValue: e.progressValue,
          band: e.band,
          bandZh: band.zh,
          bandEn: band.en,
          colour: e.colour,
          ratio: e.ratio,
          withheld: e.withheld,
        },
        trend,
        completeness: e.completeness,
        partial: e.partial,
        sources: prov.sources,
        sample,
        dataAsOf: prov.updatedAt,
        unresolved: prov.unresolved,
      },
    });
  }
  return out;
}

function indicatorStatuses(
  r: Resolved,
  row: number,
  cards: readonly TargetCard[],
): Map<string, IndicatorStatusItem & { targetAchieved: boolean }> {
  const { panel, year } = r;
  const baseYear = defaultBaseYear(panel);
  const byIndicator = new Map(cards.map((c) => [c.indicator, c]));
  const out = new Map<string, IndicatorStatusItem & { targetAchieved: boolean }>();
  for (const ind of panel.indicators) {
    const card = byIndicator.get(ind.code);
    const unit = { zh: ind.unitZh, en: ind.unitEn };
    if (card) {
      out.set(ind.code, {
        indicator: ind.code,
        nameZh: ind.nameZh,
        nameEn: ind.nameEn,
        unit,
        value: card.value,
        completeness: card.completeness,
        hasTarget: true,
        openSdg: card.status.openSdg,
        score: card.status.score,
        progressValue: card.status.progressValue,
        targetAchieved: card.status.openSdg === 'target_achieved',
      });
      continue;
    }
    const e = evaluateTrend(seriesAt(panel, ind.code, row), ind.direction, baseYear, year);
    out.set(ind.code, {
      indicator: ind.code,
      nameZh: ind.nameZh,
      nameEn: ind.nameEn,
      unit,
      value: e.value,
      completeness: e.completeness,
      hasTarget: false,
      openSdg: e.openSdg,
      score: e.score,
      progressValue: e.progressValue,
      targetAchieved: false,
    });
  }
  return out;
}

function dimensionCards(
  r: Resolved,
  statuses: ReadonlyMap<string, IndicatorStatusItem & { targetAchieved: boolean }>,
): DimensionCard[] {
  return r.panel.dimensions.map((d) => {
    const items = d.indicators.flatMap((c) => statuses.get(c) ?? []);
    const s = dimensionStatus(items);
    return {
      code: d.code,
      kind: d.kind,
      nameZh: d.nameZh,
      nameEn: d.nameEn,
      score: s.score,
      openSdg: s.status,
      coverage: s.coverage,
      indicators: items.map(({ targetAchieved: _, ...i }) => i),
    };
  });
}

/** Every warning of the unit's subtree for the year. */
function collectWarnings(
  r: Resolved,
  rows: readonly number[],
  outcomes: readonly TargetOutcome[],
): MonitoringWarning[] {
  const { panel, year } = r;
  const asOf = `${r.asOf.year}-${String(r.asOf.month).padStart(2, '0')}-${String(r.asOf.day).padStart(2, '0')}`;
  const targeted = new Set(outcomes.map((o) => `${o.unit.code}|${o.indicator}`));
  const inDimension = new Set(
    panel.dimensions.filter((d) => d.kind === 'dimension').flatMap((d) => d.indicators),
  );
  const baseYear = defaultBaseYear(panel);
  const regressing = [];
  for (const row of rows) {
    const u = panel.units[row]!;
    if (u.kind !== 'area') continue;
    for (const ind of panel.indicators) {
      if (!inDimension.has(ind.code) || targeted.has(`${u.code}|${ind.code}`)) continue;
      const e = evaluateTrend(seriesAt(panel, ind.code, row), ind.direction, baseYear, year);
      if (e.openSdg !== 'deterioration') continue;
      const sample = provenanceOf(panel, ind.code, row, year).sources.includes('sample');
      regressing.push({
        unit: u,
        indicator: ind.code,
        nameZh: ind.nameZh,
        nameEn: ind.nameEn,
        year,
        score: e.score,
        sample,
      });
    }
  }
  const order = new Map(panel.units.map((u) => [u.code, u.row]));
  return sortWarnings(
    [
      ...targetWarnings(outcomes),
      ...trendWarnings(regressing),
      ...missingDataWarnings(panel, rows, year, asOf),
      ...lowCompletenessWarnings(panel, rows, year),
      ...discrepancyWarnings(panel, rows, year),
    ],
    order,
  );
}

/** GET /api/monitoring/overview: target cards, dimension statuses and warnings of one org unit in one year. */
export async function getOverview(
  ctx: MonitoringContext,
  q: MonitoringParams,
): Promise<Result<MonitoringOverview>> {
  const res = await resolve(ctx, q);
  if (!res.ok) return res;
  const r = res.value;
  const key = `overview|${q.visibility}|${q.framework ?? ''}|${r.unit.code}|${r.year}|${q.asOf}`;
  return ok(
    await ctx.cache.get(r.version, key, async () => {
      const rows = subtreeRows(r.panel, r.unit);
      const outcomes = targetOutcomes(r, rows);
      const own = outcomes.filter((o) => o.unit.code === r.unit.code);
      const cards = own.map((o) => o.card);
      const dims = dimensionCards(r, indicatorStatuses(r, r.unit.row, cards));
      const warnings = collectWarnings(r, rows, outcomes);
      const dimSample = dims.some((d) =>
        d.indicators.some((i) =>
          provenanceOf(r.panel, i.indicator, r.unit.row, r.year).sources.includes('sample'),
        ),
      );
      return {
        orgUnit: unitRef(r.unit),
        framework: { code: r.panel.framework.code, version: r.panel.framework.version },
        year: r.year,
        asOf: q.asOf,
        visibility: q.visibility,
        sample: cards.some((c) => c.sample) || dimSample,
        dataVersion: r.version,
        targets: cards,
        dimensions: dims,
        warnings,
      };
    }),
  );
}

/** GET /api/monitoring/warnings: the warnings of an org unit's subtree (the whole tree by default). */
export async function getWarnings(
  ctx: MonitoringContext,
  q: MonitoringParams & { kind?: string },
): Promise<Result<MonitoringWarnings>> {
  const res = await resolve(ctx, q, false);
  if (!res.ok) return res;
  const r = res.value;
  const key = `warnings|${q.visibility}|${q.framework ?? ''}|${r.unit.code}|${r.year}|${q.asOf}`;
  const all = await ctx.cache.get(r.version, key, async () => {
    const rows = subtreeRows(r.panel, r.unit);
    return collectWarnings(r, rows, targetOutcomes(r, rows));
  });
  const items = q.kind ? all.filter((w) => w.kind === q.kind) : all;
  const counts: Record<string, number> = {};
  for (const w of items) counts[w.kind] = (counts[w.kind] ?? 0) + 1;
  return ok({
    orgUnit: unitRef(r.unit),
    year: r.year,
    asOf: q.asOf,
    visibility: q.visibility,
    counts,
    items,
  });
}

/** GET /api/monitoring/series: one indicator at one org unit, every year (stored, derived or rolled up). */
export async function getSeries(
  ctx: MonitoringContext,
  q: {
    indicator: string;
    orgUnit?: string;
    from?: number;
    to?: number;
    framework?: string;
    visibility: Visibility;
  },
): Promise<Result<MonitoringSeries>> {
  const version = await readDataVersion(ctx.db);
  const loaded = await panelFor(ctx, version, q.visibility, q.framework);
  if (!loaded.ok) return loaded;
  const panel = loaded.value;
  const unit = q.orgUnit ? panel.unitByCode.get(q.orgUnit) : rootOf(panel);
  if (!unit) return err({ code: 'E_ORG_UNIT_NOT_FOUND', params: { code: q.orgUnit ?? '—' } });
  const ind = panel.indicatorByCode.get(q.indicator);
  if (!ind) return err({ code: 'E_MONITORING_INDICATOR_NOT_FOUND', params: { code: q.indicator } });
  const P = panel.years.length;
  const items = panel.years
    .filter((y) => (q.from === undefined || y >= q.from) && (q.to === undefined || y <= q.to))
    .map((y) => {
      const p = y - panel.years[0]!;
      const c = cellOf(panel, ind.code, unit.row, y);
      const t = panel.plan.trees[p]!;
      const reporting = t.active[unit.row] === 1 && t.childStart[unit.row] === t.childStart[unit.row + 1];
      const origin =
        c.value === null
          ? 'none'
          : panel.fallback.get(ind.code)?.has(unit.row * P + p)
            ? 'fallback'
            : reporting && ind.formula === null
              ? 'stored'
              : 'computed';
      const prov = c.value === null ? null : provenanceOf(panel, ind.code, unit.row, y);
      return {
        period: String(y),
        value: c.value,
        completeness: c.completeness,
        partial: c.value !== null && c.completeness !== null && c.completeness < 1,
        origin: origin as 'none' | 'fallback' | 'stored' | 'computed',
        sources: prov?.sources ?? [],
        unresolved: prov?.unresolved ?? false,
        stored: (panel.stored.get(`${ind.code}|${unit.row}|${p}`) ?? []).map((s) => ({
          source: s.source,
          value: s.value,
        })),
      };
    });
  return ok({
    indicator: ind.code,
    nameZh: ind.nameZh,
    nameEn: ind.nameEn,
    unit: { zh: ind.unitZh, en: ind.unitEn },
    aggregation: ind.aggregation,
    orgUnit: unitRef(unit),
    visibility: q.visibility,
    sample: items.some((i) => i.sources.includes('sample')),
    items,
  });
}
