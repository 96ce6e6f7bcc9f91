// Exports stored values in the long layout: UTF-8 with BOM, LF, RFC 4180 quoting, the exact header,
// rows sorted by indicator, org unit, period and source (by code point, the same on both dialects),
// values in their shortest round-trip decimal form. Two exports of the same data are byte-identical.
import type { Kysely } from 'kysely';
import type { Database } from '@scimon/db';
import { err, formatPlainDecimal, ok, type Result } from '@scimon/core';
import { EXPORT_HEADER } from '@scimon/contracts';
import { selectExportRows, subtreeIds, type ExportRow } from './export.repository.ts';

export interface ExportFilter {
  orgUnit?: string;
  period?: string;
  source?: string;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export async function exportRows(db: Kysely<Database>, f: ExportFilter): Promise<Result<ExportRow[]>> {
  let orgUnitIds: number[] | undefined;
  if (f.orgUnit) {
    const ids = await subtreeIds(db, f.orgUnit);
    if (!ids) return err({ code: 'E_ORG_UNIT_NOT_FOUND', params: { code: f.orgUnit } });
    orgUnitIds = ids;
  }
  const rows = await selectExportRows(db, { orgUnitIds, period: f.period, source: f.source });
  rows.sort(
    (a, b) =>
      cmp(a.indicator, b.indicator) ||
      cmp(a.orgUnit, b.orgUnit) ||
      cmp(a.period, b.period) ||
      cmp(a.source, b.source),
  );
  return ok(rows);
}

/** RFC 4180: quote a field holding a comma, a quote, CR or LF; double the quotes inside. */
export function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(rows: readonly ExportRow[]): Buffer {
  const lines = [EXPORT_HEADER];
  for (const r of rows)
    lines.push(
      [
        r.indicator,
        r.orgUnit,
        r.period,
        r.value === null ? '' : formatPlainDecimal(r.value),
        r.source,
        r.comment ?? '',
      ]
        .map(csvField)
        .join(','),
    );
  return Buffer.from(`\uFEFF${lines.join('\n')}\n`, 'utf8');
}
