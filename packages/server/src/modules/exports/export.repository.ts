// SQL for exports: every stored value (all sources, all statuses) with its org unit's code.
import type { Kysely } from 'kysely';
import type { Database } from '@scimon/db';

export interface ExportRow {
  indicator: string;
  orgUnit: string;
  period: string;
  source: string;
  value: number | null;
  comment: string | null;
}

export async function selectExportRows(
  db: Kysely<Database>,
  f: { orgUnitIds?: readonly number[]; period?: string; source?: string },
): Promise<ExportRow[]> {
  let q = db
    .selectFrom('data_value as v')
    .innerJoin('org_unit as o', 'o.id', 'v.org_unit_id')
    .select([
      'v.indicator_code',
      'o.code as org_unit_code',
      'v.period_code',
      'v.source',
      'v.value',
      'v.comment',
    ]);
  if (f.orgUnitIds) q = q.where('v.org_unit_id', 'in', f.orgUnitIds.length ? [...f.orgUnitIds] : [-1]);
  if (f.period) q = q.where('v.period_code', '=', f.period);
  if (f.source) q = q.where('v.source', '=', f.source);
  const rows = await q.execute();
  return rows.map((r) => ({
    indicator: r.indicator_code,
    orgUnit: r.org_unit_code,
    period: r.period_code,
    source: r.source,
    value: r.value === null ? null : Number(r.value),
    comment: r.comment,
  }));
}

/** The unit and every unit below it. */
export async function subtreeIds(db: Kysely<Database>, code: string): Promise<number[] | null> {
  const units = await db.selectFrom('org_unit').select(['id', 'code', 'parent_id']).execute();
  const root = units.find((u) => u.code === code);
  if (!root) return null;
  const children = new Map<number, number[]>();
  for (const u of units)
    if (u.parent_id !== null)
      children.set(Number(u.parent_id), [...(children.get(Number(u.parent_id)) ?? []), Number(u.id)]);
  const out: number[] = [];
  const stack = [Number(root.id)];
  while (stack.length) {
    const id = stack.pop()!;
    out.push(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}
