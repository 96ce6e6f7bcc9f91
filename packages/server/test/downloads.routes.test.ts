// Indicator downloads on both dialects: public, published values only for anonymous callers, BOM, metadata.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test-support/databases.ts';
import { createSeededApp, fixedClock, type SeededApp } from '../../../test-support/app.ts';

describe.each(testDialects())('indicator downloads on %s', (dialect) => {
  let s: SeededApp;
  beforeAll(async () => {
    s = await createSeededApp(dialect, fixedClock('2026-11-28'));
  });
  afterAll(async () => s.close());

  it('serves a CSV with a BOM, metadata, a citation line and every area unit below the org unit', async () => {
    const res = await s.app.inject({
      method: 'GET',
      url: '/api/downloads/indicator/rd_intensity.csv?orgUnit=CD-KXC',
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('rd_intensity_CD-KXC.csv');
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const text = res.rawPayload.toString('utf8');
    expect(text).toContain('研发经费投入强度');
    expect(text).toContain('许可与引用');
    expect(text).toContain('仅已发布数据');
    expect(text).toContain('示例数据');
    // The zone and its five rolled-up parks (the planning area is left out), 2019–2025 each.
    const rows = text.split('\r\n').filter((l) => /^(')?CD-/.test(l));
    expect(new Set(rows.map((r) => r.split(',')[0]))).toEqual(
      new Set(['CD-KXC', 'CD-XLH', 'CD-XJJ', 'CD-SWC', 'CD-WLKJC', 'CD-XXJS']),
    );
    const zone2024 = rows.find((r) => r.startsWith('CD-KXC,') && r.includes(',2024,'));
    expect(Number(zone2024!.split(',')[4])).toBeGreaterThan(0);
  });

  it('serves an .xlsx with numeric value cells, in English on request', async () => {
    const res = await s.app.inject({
      method: 'GET',
      url: '/api/downloads/indicator/hitech_enterprises.xlsx?from=2024&to=2025&lang=en-US',
    });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    let header = 0;
    ws.eachRow((row, i) => {
      if (row.getCell(1).value === 'Org unit code') header = i;
    });
    expect(header).toBeGreaterThan(0);
    const first = ws.getRow(header + 1);
    expect(first.getCell(1).value).toBe('WSC');
    expect(first.getCell(4).value).toBe(2024);
    expect(typeof first.getCell(5).value).toBe('number');
    expect(ws.getCell('A1').value).toBe('Title');
  });

  it('answers 404 for an unknown indicator and 400 for a bad file name', async () => {
    expect((await s.app.inject({ method: 'GET', url: '/api/downloads/indicator/nope.csv' })).statusCode).toBe(
      404,
    );
    expect((await s.app.inject({ method: 'GET', url: '/api/downloads/indicator/x.exe' })).statusCode).toBe(
      400,
    );
  });

  it('is documented in OpenAPI', async () => {
    const doc = (await s.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(doc.paths)).toContain('/api/downloads/indicator/{file}');
  });
});
