// SQL for statistics coordination: settings (one row), resolutions (append-only), the source values of
// cells holding at least two, and the names the queue shows.
import type { Kysely, Selectable } from 'kysely';
import type { CoordinationResolutionTable, Database } from '@scimon/db';
import { SOURCE_CODES } from '@scimon/contracts';
import {
  cellIdKey,
  DEFAULT_COORDINATION_RULES,
  type CoordinationRules,
  type ResolutionRef,
} from './coordination.compare.ts';

/** Statuses whose values take part in the coordination: those that can reach monitoring (reviewed). */
export const COORDINATED_STATUSES = ['approved', 'published'] as const;

export interface SettingsRow {
  rules: CoordinationRules;
  updatedBy: string | null;
  updatedAt: string | null;
}

/** The settings in force (the defaults without a stored row; an unknown stored source falls back too). */
export async function readSettings(db: Kysely<Database>): Promise<SettingsRow> {
  const row = await db.selectFrom('coordination_setting').selectAll().where('id', '=', 1).executeTakeFirst();
  if (!row) return { rules: DEFAULT_COORDINATION_RULES, updatedBy: null, updatedAt: null };
  const precedence = row.precedence.split(',').filter(Boolean);
  const valid =
    precedence.length === SOURCE_CODES.length && SOURCE_CODES.every((s) => precedence.includes(s));
  return {
    rules: {
      relativeTolerance: Number(row.relative_tolerance),
      precedence: valid ? precedence : DEFAULT_COORDINATION_RULES.precedence,
    },
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
  };
}

export async function writeSettings(
  db: Kysely<Database>,
  rules: CoordinationRules,
  by: string,
  at: string,
): Promise<void> {
  const values = {
    relative_tolerance: rules.relativeTolerance,
    precedence: rules.precedence.join(','),
    updated_by: by,
    updated_at: at,
  };
  await db
    .insertInto('coordination_setting')
    .values({ id: 1, ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
}

export interface ResolutionRow extends ResolutionRef {
  id: number;
  indicator: string;
  orgUnitId: number;
  period: string;
  reason: string;
  resolvedBy: string;
}

const toResolution = (r: Selectable<CoordinationResolutionTable>): ResolutionRow => ({
  id: Number(r.id),
  indicator: r.indicator_code,
  orgUnitId: Number(r.org_unit_id),
  period: r.period_code,
  acceptedValue: Number(r.accepted_value),
  source: r.chosen_source,
  reason: r.reason,
  resolvedBy: r.resolved_by,
  resolvedAt: r.resolved_at,
  fingerprint: r.values_fingerprint,
});

/** The latest resolution of every cell (the table is append-only: the highest id wins), key `cellIdKey`. */
export async function latestResolutions(db: Kysely<Database>): Promise<Map<string, ResolutionRow>> {
  const rows = await db.selectFrom('coordination_resolution').selectAll().orderBy('id').execute();
  const out = new Map<string, ResolutionRow>();
  for (const r of rows) {
    const x = toResolution(r);
    out.set(cellIdKey(x.indicator, x.orgUnitId, x.period), x);
  }
  return out;
}

/** The latest resolution of one cell. */
export async function latestResolution(
  db: Kysely<Database>,
  indicator: string,
  orgUnitId: number,
  period: string,
): Promise<ResolutionRow | null> {
  const r = await db
    .selectFrom('coordination_resolution')
    .selectAll()
    .where('indicator_code', '=', indicator)
    .where('org_unit_id', '=', orgUnitId)
    .where('period_code', '=', period)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return r ? toResolution(r) : null;
}

export async function insertResolution(db: Kysely<Database>, r: Omit<ResolutionRow, 'id'>): Promise<void> {
  await db
    .insertInto('coordination_resolution')
    .values({
      indicator_code: r.indicator,
      org_unit_id: r.orgUnitId,
      period_code: r.period,
      accepted_value: r.acceptedValue,
      chosen_source: r.source,
      reason: r.reason,
      resolved_by: r.resolvedBy,
      resolved_at: r.resolvedAt,
      values_fingerprint: r.fingerprint,
    })
    .execute();
}

export interface CellValueRow {
  indicator_code: string;
  org_unit_id: number;
  period_code: string;
  source: string;
  value: number | null;
  basis: string | null;
  status: string;
  comment: string | null;
  updated_at: string;
}

const VALUE_COLUMNS = [
  'dv.indicator_code',
  'dv.org_unit_id',
  'dv.period_code',
  'dv.source',
  'dv.value',
  'dv.basis',
  'dv.status',
  'dv.comment',
  'dv.updated_at',
] as const;

/**
 * Every value (of the coordinated statuses) of the cells that hold at least two values not missing,
 * optionally of one indicator and/or period.
 */
export async function listMultiSourceValues(
  db: Kysely<Database>,
  filter: { indicator?: string; period?: string },
): Promise<CellValueRow[]> {
  let cells = db
    .selectFrom('data_value')
    .select(['indicator_code', 'org_unit_id', 'period_code'])
    .where('value', 'is not', null)
    .where('status', 'in', COORDINATED_STATUSES)
    .groupBy(['indicator_code', 'org_unit_id', 'period_code'])
    .having((eb) => eb.fn.countAll(), '>=', 2);
  if (filter.indicator) cells = cells.where('indicator_code', '=', filter.indicator);
  if (filter.period) cells = cells.where('period_code', '=', filter.period);
  const rows = await db
    .selectFrom('data_value as dv')
    .innerJoin(cells.as('c'), (j) =>
      j
        .onRef('c.indicator_code', '=', 'dv.indicator_code')
        .onRef('c.org_unit_id', '=', 'dv.org_unit_id')
        .onRef('c.period_code', '=', 'dv.period_code'),
    )
    .select(VALUE_COLUMNS)
    .where('dv.status', 'in', COORDINATED_STATUSES)
    .execute();
  return rows.map(numeric);
}

/** The values (of the coordinated statuses) of one cell. */
export async function listCellValues(
  db: Kysely<Database>,
  indicator: string,
  orgUnitId: number,
  period: string,
): Promise<CellValueRow[]> {
  const rows = await db
    .selectFrom('data_value as dv')
    .select(VALUE_COLUMNS)
    .where('dv.indicator_code', '=', indicator)
    .where('dv.org_unit_id', '=', orgUnitId)
    .where('dv.period_code', '=', period)
    .where('dv.status', 'in', COORDINATED_STATUSES)
    .execute();
  return rows.map(numeric);
}

const numeric = (r: CellValueRow): CellValueRow => ({
  ...r,
  org_unit_id: Number(r.org_unit_id),
  value: r.value === null ? null : Number(r.value),
});

/** Every org unit with its parent (for scope paths and subtrees) and names. */
export async function listOrgUnits(db: Kysely<Database>) {
  const rows = await db
    .selectFrom('org_unit')
    .select(['id', 'code', 'parent_id', 'name_zh', 'name_en'])
    .execute();
  return rows.map((r) => ({
    ...r,
    id: Number(r.id),
    parent_id: r.parent_id === null ? null : Number(r.parent_id),
  }));
}

/** Names and units of indicators by code, from the active frameworks (the first by framework code). */
export async function indicatorNames(db: Kysely<Database>) {
  const rows = await db
    .selectFrom('indicator as i')
    .innerJoin('framework as f', 'f.id', 'i.framework_id')
    .select(['i.code', 'i.name_zh', 'i.name_en', 'i.unit_zh', 'i.unit_en'])
    .where('f.status', '=', 'active')
    .orderBy('f.code', 'desc')
    .execute();
  return new Map(rows.map((r) => [r.code, r]));
}

/** What the monitoring panel needs: the rules in force and the latest resolutions. */
export async function loadPanelCoordination(db: Kysely<Database>) {
  const [settings, resolutions] = await Promise.all([readSettings(db), latestResolutions(db)]);
  return { ...settings.rules, resolutions };
}
