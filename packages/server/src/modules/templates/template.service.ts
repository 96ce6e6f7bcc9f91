// The reporting template (.xlsx) for a scope, period and framework: a hidden _meta sheet (first, so the
// streaming importer reads it before the data) and sheet 数据 with one row per raw indicator, the
// previous period's value, and a value column per park (a zone's committee reports for all its parks).
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { Database } from '@scimon/db';
import { err, formatPeriod, ok, parsePeriod, shiftPeriod, type Result } from '@scimon/core';
import { templateColumns } from '../imports/import.layout.ts';
import { precedenceRank } from '../coordination/coordination.compare.ts';
import { sourcePrecedence } from '../coordination/coordination.service.ts';

export const TEMPLATE_VERSION = '1';

export interface TemplateRequest {
  orgUnit: string;
  period: string;
  framework?: string;
}

/** The parks a scope reports for: the unit itself if it is a park, else its area parks below it. */
async function reportingUnits(db: Kysely<Database>, code: string) {
  const units = await db
    .selectFrom('org_unit')
    .select(['id', 'code', 'parent_id', 'level', 'kind', 'name_zh', 'seq'])
    .orderBy('seq')
    .execute();
  const root = units.find((u) => u.code === code);
  if (!root) return null;
  if (root.level === 'park' || root.kind === 'reference') return [root];
  const below = new Set<number>([Number(root.id)]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const u of units)
      if (u.parent_id !== null && below.has(Number(u.parent_id)) && !below.has(Number(u.id))) {
        below.add(Number(u.id));
        grew = true;
      }
  }
  return units.filter(
    (u) => u.level === 'park' && u.kind === 'area' && below.has(Number(u.id)) && u.code !== code,
  );
}

export async function buildTemplate(
  db: Kysely<Database>,
  req: TemplateRequest,
): Promise<Result<{ buffer: Buffer; filename: string }>> {
  const p = parsePeriod(req.period);
  if (!p.ok) return err({ code: 'E_PERIOD_INVALID', params: { code: req.period } });
  const fw = await db
    .selectFrom('framework')
    .select(['id', 'code', 'version'])
    .where('status', '=', 'active')
    .$if(req.framework !== undefined, (q) => q.where('code', '=', req.framework!))
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (!fw) return err({ code: 'E_FRAMEWORK_NOT_FOUND', params: { code: req.framework ?? '' } });
  const units = await reportingUnits(db, req.orgUnit);
  if (!units || units.length === 0)
    return err({ code: 'E_ORG_UNIT_NOT_FOUND', params: { code: req.orgUnit } });
  const indicators = await db
    .selectFrom('indicator')
    .select(['code', 'name_zh', 'name_en', 'unit_zh', 'unit_en', 'value_type'])
    .where('framework_id', '=', fw.id)
    .where('raw', '=', 1)
    .orderBy('seq')
    .execute();
  const previous = formatPeriod(shiftPeriod(p.value, 1));
  // Which stored source fills the "previous period" column first: the coordination's precedence.
  const precedence = await sourcePrecedence(db);
  const prevRows = await db
    .selectFrom('data_value')
    .select(['indicator_code', 'org_unit_id', 'source', 'value'])
    .where('period_code', '=', previous)
    .where(
      'org_unit_id',
      'in',
      units.map((u) => Number(u.id)),
    )
    .execute();
  const prevOf = (ind: string, ouId: number) =>
    prevRows
      .filter((r) => r.indicator_code === ind && Number(r.org_unit_id) === ouId && r.value !== null)
      .sort((a, b) => precedenceRank(precedence, a.source) - precedenceRank(precedence, b.source))[0]
      ?.value ?? null;

  const wb = new ExcelJS.Workbook();
  wb.created = new Date('2000-01-01T00:00:00Z');
  wb.modified = wb.created;
  const meta = wb.addWorksheet('_meta', { state: 'hidden' });
  for (const [k, v] of [
    ['template_id', 'scimon-template'],
    ['version', TEMPLATE_VERSION],
    ['framework', `${fw.code}`],
    ['framework_version', String(fw.version)],
    ['scope', req.orgUnit],
    ['period', req.period],
    ['org_units', units.map((u) => u.code).join(',')],
  ])
    meta.addRow([k, v]);
  const ws = wb.addWorksheet('数据', { views: [{ state: 'frozen', xSplit: 3, ySplit: 1 }] });
  wb.views = [
    { x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 1, visibility: 'visible' },
  ];
  const cols = templateColumns(units.length);
  const header: string[] = ['指标代码 Code', '名称 Name', '单位 Unit'];
  units.forEach((u, k) => {
    header[cols.previous(k) - 1] = `${u.code} ${previous} 上期值 previous`;
    header[cols.value(k) - 1] = `${u.code} ${req.period} 填报值 value`;
  });
  header[cols.comment - 1] = '备注 Comment';
  ws.addRow(header).font = { bold: true };
  for (const ind of indicators) {
    const row: (string | number | null)[] = [
      ind.code,
      `${ind.name_zh} / ${ind.name_en}`,
      `${ind.unit_zh} / ${ind.unit_en}`,
    ];
    units.forEach((u, k) => {
      row[cols.previous(k) - 1] = prevOf(ind.code, Number(u.id));
      row[cols.value(k) - 1] = null;
    });
    row[cols.comment - 1] = null;
    const r = ws.addRow(row);
    units.forEach((_, k) => {
      const cell = r.getCell(cols.value(k));
      cell.protection = { locked: false };
      // A warning, not a stop: 无 / — / N/A mean "not reported" and must stay typeable.
      cell.dataValidation = {
        type: ind.value_type === 'integer' ? 'whole' : 'decimal',
        operator: 'greaterThanOrEqual',
        formulae: [ind.value_type === 'percent' ? -100 : 0],
        allowBlank: true,
        showErrorMessage: true,
        errorStyle: 'warning',
        errorTitle: '数值 / Number',
        error: '请输入数字；未填报可写“无” / Enter a number; write 无 when not reported',
      };
    });
    r.getCell(cols.comment).protection = { locked: false };
  }
  ws.getColumn(1).width = 30;
  ws.getColumn(2).width = 40;
  ws.getColumn(3).width = 18;
  for (let c = 4; c <= cols.comment; c++) ws.getColumn(c).width = 22;
  await ws.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
  });
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  return ok({ buffer, filename: `template-${req.orgUnit}-${req.period}.xlsx` });
}
