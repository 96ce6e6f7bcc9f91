// SQL for data values: reads filtered by indicator, org unit, period, source and status.
import type { Kysely } from 'kysely';
import type { Database } from '@scimon/db';

export interface DataValueFilter {
  indicator?: string;
  orgUnit?: string;
  period?: string;
  source?: string;
  statuses: readonly string[];
  limit: number;
  offset: number;
}

export async function findDataValues(db: Kysely<Database>, f: DataValueFilter) {
  let q = db
    .selectFrom('data_value as v')
    .innerJoin('org_unit as o', 'o.id', 'v.org_unit_id')
    .select([
      'v.id',
      'v.indicator_code',
      'o.code as org_unit_code',
      'v.period_code',
      'v.source',
      'v.value',
      'v.status',
      'v.version',
      'v.comment',
      'v.source_ref',
      'v.updated_at',
    ])
    .where('v.status', 'in', f.statuses);
  if (f.indicator) q = q.where('v.indicator_code', '=', f.indicator);
  if (f.orgUnit) q = q.where('o.code', '=', f.orgUnit);
  if (f.period) q = q.where('v.period_code', '=', f.period);
  if (f.source) q = q.where('v.source', '=', f.source);
  return q
    .orderBy('v.indicator_code')
    .orderBy('o.code')
    .orderBy('v.period_code')
    .orderBy('v.source')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
}
