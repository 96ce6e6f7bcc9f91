// SQL for one value's history (append-only rows, oldest first) and its current row.
import type { Kysely } from 'kysely';
import type { Database } from '@scimon/db';

export async function findValueWithHistory(
  db: Kysely<Database>,
  k: { indicator: string; orgUnit: string; period: string; source: string },
) {
  const current = await db
    .selectFrom('data_value as v')
    .innerJoin('org_unit as o', 'o.id', 'v.org_unit_id')
    .select(['v.id', 'v.value', 'v.version', 'v.status'])
    .where('v.indicator_code', '=', k.indicator)
    .where('o.code', '=', k.orgUnit)
    .where('v.period_code', '=', k.period)
    .where('v.source', '=', k.source)
    .executeTakeFirst();
  if (!current) return null;
  const history = await db
    .selectFrom('data_value_history')
    .select([
      'version',
      'action',
      'value',
      'status',
      'comment',
      'basis',
      'source_ref',
      'changed_by',
      'changed_at',
    ])
    .where('data_value_id', '=', current.id)
    .orderBy('id')
    .execute();
  return { current, history };
}
