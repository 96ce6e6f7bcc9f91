// `scimon progress` as a process: exit codes, messages, pass-through columns and the 379 reference series.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { referenceDir, repoRoot } from '../../../../test-support/reference.ts';

// SCIMON_TEST_CLI overrides the command (space-separated), e.g. to run a harness while the tree is in flux.
const cmd = process.env.SCIMON_TEST_CLI?.split(' ') ?? [
  'node',
  path.join(repoRoot, 'packages/cli/bin/scimon.mjs'),
];
const work = mkdtempSync(path.join(tmpdir(), 'scimon-progress-'));

function run(args: string[]) {
  const r = spawnSync(cmd[0]!, [...cmd.slice(1), 'progress', ...args], {
    cwd: work,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
function file(name: string, text: string): string {
  const p = path.join(work, name);
  writeFileSync(p, text, 'utf8');
  return p;
}
const HEAD = 'base_year,base_value,current_year,current_value,target,target_year,direction,limit';

describe('scimon progress (process)', () => {
  it('computes, keeps extra columns in input order and prints at full precision', () => {
    const input = file(
      'a.csv',
      `name,${HEAD},note\n甲,2015.0,14.5,2023.0,10.2,7.25,2030.0,-1,,"x, y"\nB,2015,,2023,3,,2030,1,,\nC,2022,100,2022,100,,2025,1,,\n`,
    );
    const r = run(['--input', input]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`name,${HEAD},note,progress_value,score,status`);
    // Hand check (issue sample): CAGR_o = (10.2/14.5)^(1/8) − 1, CAGR_r = 0.5^(1/15) − 1, v = CAGR_o/|CAGR_r|
    const v = (((10.2 / 14.5) ** (1 / 8) - 1) / -(0.5 ** (1 / 15) - 1)) * -1;
    const row = parse(lines[1]!)[0] as string[];
    expect(row.slice(0, 10)).toEqual([
      '甲',
      '2015.0',
      '14.5',
      '2023.0',
      '10.2',
      '7.25',
      '2030.0',
      '-1',
      '',
      'x, y',
    ]);
    expect(Number(row[10])).toBeCloseTo(v, 12);
    expect(row[12]).toBe('substantial_progress');
    expect(lines[2]).toBe('B,2015,,2023,3,,2030,1,,,,,not_available');
    expect(lines[3]).toBe('C,2022,100,2022,100,,2025,1,,,,,not_available');
  });
  it('writes --out and marks a reached target achieved even for a single year', () => {
    const input = file('b.csv', `${HEAD}\n2022,5.1,2022,5.1,5,2025,1,\n`);
    const out = path.join(work, 'b.out.csv');
    const r = run(['--input', input, '--out', out]);
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(
      `${HEAD},progress_value,score,status\n2022,5.1,2022,5.1,5,2025,1,,,5,target_achieved\n`,
    );
  });
  it('exits 1 naming row and column for non-numeric text, in zh-CN by default and en-US on request', () => {
    const input = file(
      'c.csv',
      `${HEAD}\n2015,1,2020,2,,2030,1,\n2015,abc,2020,2,,2030,1,\n2015,1,2020,2,,2030,2,\n`,
    );
    const zh = run(['--input', input]);
    expect(zh.code).toBe(1);
    expect(zh.stderr).toContain('第 3 行，base_value 列');
    expect(zh.stderr).toContain('第 4 行，direction 列');
    expect(zh.stdout).toBe('');
    const en = run(['--input', input, '--lang', 'en-US']);
    expect(en.code).toBe(1);
    expect(en.stderr).toContain('row 3, column base_value: "abc" is not a number');
  });
  it('exits 1 for a missing direction or a missing required column, 2 for usage and a missing file', () => {
    expect(run(['--input', file('d.csv', `${HEAD}\n2015,1,2020,2,,2030,,\n`)]).code).toBe(1);
    expect(run(['--input', file('e.csv', 'base_year,base_value\n2015,1\n')]).code).toBe(1);
    expect(run(['--input', path.join(work, 'nope.csv')]).code).toBe(2);
    expect(run([]).code).toBe(2);
  });
  const dir = referenceDir('progress');
  it.skipIf(dir === null)('reproduces the 379 reference series from the published inputs', () => {
    const out = path.join(work, 'ref.out.csv');
    const r = run(['--input', path.join(dir!, 'progress_reference_series.csv'), '--out', out]);
    expect(r.code).toBe(0);
    const rows = parse(readFileSync(out, 'utf8'), { columns: true }) as Record<string, string>[];
    expect(rows.length).toBe(379);
    const close = (a: string, b: string) =>
      a === '' || b === ''
        ? a === b
        : Math.abs(Number(a) - Number(b)) <= 1e-9 * Math.max(1, Math.abs(Number(b)));
    const bad = rows.filter(
      (x) =>
        !(
          close(x.progress_value!, x.expected_progress_value!) &&
          close(x.score!, x.expected_score!) &&
          x.status === x.expected_status
        ),
    );
    expect(bad).toEqual([]);
  });
});
