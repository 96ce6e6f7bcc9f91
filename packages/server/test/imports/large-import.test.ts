// A large import (at least 20,000 changes) has its warnings and rules computed on a worker thread while it
// writes (SQLite) or while its insert runs (PostgreSQL). The verdicts must be the ones a small import gets:
// a broken rule refuses everything, a warned value without a comment too, and a warned value with one is
// counted in the import's row. On SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { testDialects } from '../../../../test-support/databases.ts';
import { createSeededApp, fixedClock, type SeededApp } from '../../../../test-support/app.ts';
import { parkRow } from '../../../../test-support/rows.ts';
import { importFile, type ImportOptions } from '../../src/modules/imports/import.service.ts';
import { DEFAULT_IMPORT_LIMITS } from '../../src/modules/imports/import.limits.ts';
import { dumpTables } from './dump.ts';

const opts = (acceptWarnings: boolean): ImportOptions => ({
  principal: { username: 'admin', roles: [{ role: 'admin', scope: 'WSC' }] },
  channel: 'cli',
  acceptWarnings,
  audit: { actor: 'admin', at: '2026-11-28T10:00:00+08:00' },
  limits: DEFAULT_IMPORT_LIMITS,
});

// Levels that keep every rule (R01–R04) and, constant over the years, raise no warning.
const LEVELS: [string, number][] = [
  ['gdp', 800],
  ['rd_expenditure', 20],
  ['enterprise_rd_expenditure', 12],
  ['basic_research_expenditure', 2],
  ['tech_contract_turnover', 60],
  ['cross_region_contract_turnover', 6],
  ['high_value_patents', 300],
  ['hitech_enterprises', 120],
  ['tech_smes', 200],
  ['incubators', 8],
];
const UNITS = 700;
const YEARS = [2001, 2002, 2003];

/** The CSV (21,000 values) and the row number (as a spreadsheet shows it) of each (indicator, unit, year). */
function largeCsv(change: (ind: string, unit: number, year: number) => string | null = () => null) {
  const lines = ['indicator,org_unit,period,value,source,comment'];
  for (const year of YEARS)
    for (let u = 0; u < UNITS; u++)
      for (const [ind, level] of LEVELS)
        lines.push(change(ind, u, year) ?? `${ind},LARGE-${u},${year},${level},report,`);
  return Buffer.from(`${lines.join('\n')}\n`);
}
const rowOf = (ind: string, unit: number, year: number) =>
  2 +
  YEARS.indexOf(year) * UNITS * LEVELS.length +
  unit * LEVELS.length +
  LEVELS.findIndex(([i]) => i === ind);

describe.each(testDialects())('a large import on %s', (dialect) => {
  let s: SeededApp;
  beforeAll(async () => {
    s = await createSeededApp(dialect, fixedClock());
    const root = await s.t.db
      .selectFrom('org_unit')
      .select('id')
      .where('code', '=', 'CD-KXC')
      .executeTakeFirstOrThrow();
    const units = Array.from({ length: UNITS }, (_, u) =>
      parkRow(`LARGE-${u}`, {
        parent_id: root.id,
        name_zh: `大批园区${u}`,
        name_en: `Large park ${u}`,
        valid_from: '2000-01-01',
        seq: 5000 + u,
      }),
    );
    for (let i = 0; i < units.length; i += 200)
      await s.t.db
        .insertInto('org_unit')
        .values(units.slice(i, i + 200))
        .execute();
  });
  afterAll(async () => s.close());

  const upload = (buffer: Buffer, acceptWarnings = false) =>
    importFile(s.t, { buffer, filename: 'large.csv', mediaType: 'text/csv' }, opts(acceptWarnings));

  it('refuses the whole file for one broken rule, located at its row, and writes nothing', async () => {
    const before = await dumpTables(s.t.db, dialect, ['audit_event']);
    // R01: R&D expenditure 900 > GDP 800 for LARGE-345 in 2002.
    const r = await upload(
      largeCsv((ind, u, y) =>
        ind === 'rd_expenditure' && u === 345 && y === 2002 ? `${ind},LARGE-345,2002,900,report,` : null,
      ),
    );
    expect(r.ok).toBe(false);
    // R01 names both rows of the group; and 900 is a jump on 20 (2002), 20 a fall on 900 (2003).
    expect(r.problems.map((p) => [p.row, p.code, p.value])).toEqual([
      [rowOf('gdp', 345, 2002), 'E_IMPORT_RULE_FAILED', '800'],
      [rowOf('rd_expenditure', 345, 2002), 'E_IMPORT_RULE_FAILED', '900'],
      [rowOf('rd_expenditure', 345, 2002), 'E_IMPORT_COMMENT_REQUIRED', '900'],
      [rowOf('rd_expenditure', 345, 2003), 'E_IMPORT_COMMENT_REQUIRED', '20'],
    ]);
    expect(r.problems[0]!.message['en-US']).toContain('R01');
    expect(await dumpTables(s.t.db, dialect, ['audit_event'])).toEqual(before);
  });

  it('refuses a warned value without a comment, and takes it with one (counted in the import row)', async () => {
    // tech_smes of LARGE-12 jumps from 200 to 2,000 in 2003 (a change of more than 50 %).
    const jump = (comment: string) => (ind: string, u: number, y: number) =>
      ind === 'tech_smes' && u === 12 && y === 2003 ? `${ind},LARGE-12,2003,2000,report,${comment}` : null;
    const refused = await upload(largeCsv(jump('')));
    expect(refused.ok).toBe(false);
    expect(refused.problems.map((p) => [p.row, p.code])).toEqual([
      [rowOf('tech_smes', 12, 2003), 'E_IMPORT_COMMENT_REQUIRED'],
    ]);
    expect(refused.problems[0]!.message['en-US']).toContain('changes by more than 50 %');

    const taken = await upload(largeCsv(jump('新增孵化企业')));
    expect(taken.problems).toEqual([]);
    expect(taken.summary).toEqual({
      created: UNITS * LEVELS.length * YEARS.length,
      updated: 0,
      unchanged: 0,
      warned: 1,
    });
    const row = await s.t.db
      .selectFrom('data_import')
      .select(['warned', 'created'])
      .where('id', '=', taken.importId!)
      .executeTakeFirstOrThrow();
    expect({ warned: Number(row.warned), created: Number(row.created) }).toEqual({
      warned: 1,
      created: 21000,
    });
    const n = await sql<{ n: number }>`SELECT count(*) AS n FROM data_value WHERE org_unit_id IN
      (SELECT id FROM org_unit WHERE code LIKE 'LARGE-%')`.execute(s.t.db);
    expect(Number(n.rows[0]!.n)).toBe(21000);
  });
});
