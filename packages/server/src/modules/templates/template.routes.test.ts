// The template's "previous period" column takes the source first in the coordination's precedence (the
// configured one, PUT /api/coordination/settings), on both dialects. 明月湖 LJ-MYH's GDP for 2025 gets a
// provincial 120 and a park report 100: the 2026 template shows 120 by default, 100 once report leads.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../../../test-support/databases.ts';
import { fixedClock, type SeededApp } from '../../../../../test-support/app.ts';
import { seededAppWithAdmin, type Client } from '../../../../../test-support/http-client.ts';

const CELL = { indicator: 'gdp', orgUnit: 'LJ-MYH', period: '2025' };

describe.each(testDialects())('template previous values follow the precedence on %s', (dialect) => {
  let s: SeededApp;
  let admin: Client;
  beforeAll(async () => {
    ({ s, admin } = await seededAppWithAdmin(dialect, fixedClock('2026-11-28')));
  });
  afterAll(async () => s.close());

  /** The gdp row's previous-period cell of the 2026 template for LJ-MYH. */
  const previousGdp = async () => {
    const r = await admin.send('GET', '/api/templates?orgUnit=LJ-MYH&period=2026');
    expect(r.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.raw as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('数据')!;
    let col = 0;
    ws.getRow(1).eachCell((c, k) => {
      if (String(c.value).startsWith('LJ-MYH 2025 上期值')) col = k;
    });
    expect(col).toBeGreaterThan(0);
    for (let r = 2; r <= ws.rowCount; r++)
      if (ws.getRow(r).getCell(1).value === 'gdp') return ws.getRow(r).getCell(col).value;
    throw new Error('gdp row missing');
  };

  it('uses the default precedence, then the configured one', async () => {
    const w = await admin.send('POST', '/api/data-values/batch', {
      items: [
        { ...CELL, value: 120, source: 'provincial' },
        { ...CELL, value: 100, source: 'report' },
      ],
      acceptWarnings: true,
    });
    expect(w.status, JSON.stringify(w.body)).toBe(200);
    expect(await previousGdp()).toBe(120);
    const put = await admin.send('PUT', '/api/coordination/settings', {
      relativeTolerance: 0.05,
      precedence: ['report', 'national', 'provincial', 'published', 'sample'],
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(await previousGdp()).toBe(100);
  });
});
