// Nothing submitted is ever lost: an accepted upload's bytes are kept with their hash, a large CSV
// compressed, and they come back byte for byte, on SQLite and PostgreSQL.
import { createHash } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../../test-support/databases.ts';
import { createSeededApp, fixedClock, type SeededApp } from '../../../../test-support/app.ts';
import { importFile, type ImportOptions } from '../../src/modules/imports/import.service.ts';
import { DEFAULT_IMPORT_LIMITS } from '../../src/modules/imports/import.limits.ts';

const opts: ImportOptions = {
  principal: { username: 'admin', roles: [{ role: 'admin', scope: 'WSC' }] },
  channel: 'cli',
  acceptWarnings: true,
  audit: { actor: 'admin', at: '2026-11-28T10:00:00+08:00' },
  limits: DEFAULT_IMPORT_LIMITS,
};

describe.each(testDialects())('kept uploads on %s', (dialect) => {
  let s: SeededApp;
  beforeAll(async () => {
    s = await createSeededApp(dialect, fixedClock());
  });
  afterAll(async () => s.close());

  async function keptOf(importId: number) {
    const row = await s.t.db
      .selectFrom('data_import')
      .innerJoin('stored_file', 'stored_file.id', 'data_import.file_id')
      .select(['content', 'content_encoding', 'content_hash', 'size_bytes'])
      .where('data_import.id', '=', importId)
      .executeTakeFirstOrThrow();
    const stored = Buffer.from(row.content);
    const bytes = row.content_encoding === 'deflate' ? inflateSync(stored) : stored;
    return { ...row, stored, bytes };
  }

  it('keeps a large CSV deflated, and it inflates to the upload byte for byte', async () => {
    // Twelve values with long comments: over the 64 KB from which a CSV is compressed.
    const note = '园区统计口径说明，按吸纳地统计。'.repeat(400);
    const lines = ['indicator,org_unit,period,value,source,comment'];
    for (let y = 2001; y <= 2012; y++) lines.push(`tech_smes,CD-XLH,${y},${100 + y - 2001},report,${note}`);
    const buffer = Buffer.from(`${lines.join('\n')}\n`);
    expect(buffer.length).toBeGreaterThan(64 * 1024);
    const r = await importFile(s.t, { buffer, filename: 'long.csv', mediaType: 'text/csv' }, opts);
    expect(r.problems).toEqual([]);
    expect(r.summary.created).toBe(12);
    const kept = await keptOf(r.importId!);
    expect(kept.content_encoding).toBe('deflate');
    expect(kept.stored.length).toBeLessThan(buffer.length / 10);
    expect(kept.bytes.equals(buffer)).toBe(true);
    expect(Number(kept.size_bytes)).toBe(buffer.length);
    expect(kept.content_hash).toBe(createHash('sha256').update(buffer).digest('hex'));
  });

  it('keeps a small CSV as uploaded', async () => {
    const buffer = Buffer.from('indicator,org_unit,period,value\ntech_smes,CD-XLH,2013,120\n');
    const r = await importFile(s.t, { buffer, filename: 'small.csv', mediaType: 'text/csv' }, opts);
    expect(r.ok).toBe(true);
    const kept = await keptOf(r.importId!);
    expect(kept.content_encoding).toBeNull();
    expect(kept.stored.equals(buffer)).toBe(true);
  });
});
