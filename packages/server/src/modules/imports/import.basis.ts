// The basis (口径) of written values, applied after the writer in the same transaction: only the rows
// that carry one (an import without a basis column, or a batch item without `basis`, keeps the stored
// basis). The value's history row of the version just written gets the same basis. One statement pair per
// chunk on both dialects (JSON unpacked by json_each / json_array_elements).
import { sql, type Transaction } from 'kysely';
import type { Database } from '@scimon/db';
import type { Change } from './import.plan.ts';

const CHUNK = 20_000;

export async function applyBasis(
  tx: Transaction<Database>,
  pg: boolean,
  changes: readonly Change[],
): Promise<void> {
  const rows: [string, number, string, string, string][] = [];
  for (const ch of changes)
    if (ch.c.basis !== undefined)
      rows.push([ch.c.indicator.code, ch.c.orgUnit.id, ch.c.periodCode, ch.c.source, ch.c.basis]);
  for (let i = 0; i < rows.length; i += CHUNK) {
    const json = JSON.stringify(rows.slice(i, i + CHUNK));
    if (pg) {
      const j = sql`json_array_elements(${json}::json) AS j(v)`;
      const match = sql`d.indicator_code = j.v ->> 0 AND d.org_unit_id = (j.v ->> 1)::integer
        AND d.period_code = j.v ->> 2 AND d.source = j.v ->> 3`;
      await sql`UPDATE data_value AS d SET basis = j.v ->> 4 FROM ${j} WHERE ${match}`.execute(tx);
      await sql`UPDATE data_value_history AS h SET basis = d.basis FROM data_value AS d, ${j}
        WHERE ${match} AND h.data_value_id = d.id AND h.version = d.version`.execute(tx);
    } else {
      const match = sql`d.indicator_code = j.value ->> 0 AND d.org_unit_id = j.value ->> 1
        AND d.period_code = j.value ->> 2 AND d.source = j.value ->> 3`;
      await sql`UPDATE data_value AS d SET basis = j.value ->> 4 FROM json_each(${json}) AS j
        WHERE ${match}`.execute(tx);
      await sql`UPDATE data_value_history AS h SET basis = d.basis FROM data_value AS d, json_each(${json}) AS j
        WHERE ${match} AND h.data_value_id = d.id AND h.version = d.version`.execute(tx);
    }
  }
}
