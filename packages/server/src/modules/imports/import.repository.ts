// SQL the importer reads: the active frameworks' indicators, the org units and the stored values of
// the units a file touches.
import type { Kysely } from 'kysely';
import type { Database } from '@scimon/db';

export interface IndicatorRef {
  code: string;
  valueType: string;
  unitZh: string;
  periodType: string;
  raw: boolean;
  framework: string;
}

export async function loadIndicators(db: Kysely<Database>): Promise<Map<string, IndicatorRef>> {
  const rows = await db
    .selectFrom('indicator as i')
    .innerJoin('framework as f', 'f.id', 'i.framework_id')
    .select(['i.code', 'i.value_type', 'i.unit_zh', 'i.period_type', 'i.raw', 'f.code as framework'])
    .where('f.status', '=', 'active')
    .orderBy('f.id')
    .execute();
  return new Map(
    rows.map((r) => [
      r.code,
      {
        code: r.code,
        valueType: r.value_type,
        unitZh: r.unit_zh,
        periodType: r.period_type,
        raw: Number(r.raw) === 1,
        framework: r.framework,
      },
    ]),
  );
}

export interface OrgUnitRef {
  id: number;
  code: string;
  parentId: number | null;
}

export async function loadOrgUnits(db: Kysely<Database>): Promise<OrgUnitRef[]> {
  const rows = await db.selectFrom('org_unit').select(['id', 'code', 'parent_id']).execute();
  return rows.map((r) => ({
    id: Number(r.id),
    code: r.code,
    parentId: r.parent_id === null ? null : Number(r.parent_id),
  }));
}

export interface StoredValue {
  id: number;
  indicator: string;
  orgUnitId: number;
  period: string;
  source: string;
  value: number | null;
  comment: string | null;
  status: string;
  version: number;
  basis: string | null;
}

/** Every stored value of the given org units (all periods: history feeds the warnings). */
export async function loadStoredValues(
  db: Kysely<Database>,
  orgUnitIds: readonly number[],
): Promise<StoredValue[]> {
  const out: StoredValue[] = [];
  for (let i = 0; i < orgUnitIds.length; i += 500) {
    const rows = await db
      .selectFrom('data_value')
      .select([
        'id',
        'indicator_code',
        'org_unit_id',
        'period_code',
        'source',
        'value',
        'comment',
        'status',
        'version',
        'basis',
      ])
      .where('org_unit_id', 'in', orgUnitIds.slice(i, i + 500))
      .execute();
    for (const r of rows)
      out.push({
        id: Number(r.id),
        indicator: r.indicator_code,
        orgUnitId: Number(r.org_unit_id),
        period: r.period_code,
        source: r.source,
        value: r.value === null ? null : Number(r.value),
        comment: r.comment,
        status: r.status,
        version: Number(r.version),
        basis: r.basis,
      });
  }
  return out;
}
