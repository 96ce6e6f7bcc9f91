// `scimon index` and `scimon uncertainty` as processes: output files against the COINr reference
// (read in place) and the exit codes of the contract.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { referenceDir, repoRoot } from '../../../../test-support/reference.ts';

const bin = path.join(repoRoot, 'packages/cli/bin/scimon.mjs');
const run = (args: string[]) =>
  spawnSync(process.execPath, [bin, '--lang', 'en-US', ...args], { encoding: 'utf8', timeout: 60_000 });
const dir = referenceDir('coinr');
const ref = (f: string) => path.join(dir as string, f);
const tmp = mkdtempSync(path.join(tmpdir(), 'scimon-index-'));

function parse(text: string): { header: string[]; rows: Map<string, string[]> } {
  const lines = text
    .trim()
    .split('\n')
    .map((l) => l.split(',').map((c) => c.replace(/^"|"$/g, '')));
  const [header = [], ...rows] = lines;
  return { header, rows: new Map(rows.map((r) => [r[0] as string, r])) };
}

/** Compares an output CSV with a reference CSV by uCode and column name (1e-9 relative). */
function compare(outFile: string, refFile: string, accept: ReadonlySet<string> = new Set()): string[] {
  const got = parse(readFileSync(outFile, 'utf8'));
  const want = parse(readFileSync(refFile, 'utf8'));
  const bad: string[] = [];
  for (const [u, wr] of want.rows) {
    const gr = got.rows.get(u);
    if (!gr) {
      bad.push(`missing ${u}`);
      continue;
    }
    want.header.forEach((h, j) => {
      if (j === 0) return;
      const gj = got.header.indexOf(h);
      const a = gr[gj];
      const b = wr[j];
      if (a === b || accept.has(`${u}/${h}`)) return;
      const x = Number(a);
      const y = Number(b);
      if (a === 'NA' || b === 'NA' || !(Math.abs(x - y) <= Math.max(1e-9 * Math.abs(y), 1e-12)))
        bad.push(`${u}/${h}: ${a} vs ${b}`);
    });
  }
  return bad;
}

// R's TolMin values of these units differ beyond write.csv's 15 digits: ties in the CSV only.
const CSV_TIES = new Set(['GRC/TolMin', 'BGR/TolMin', 'CZE/TolMin', 'JPN/TolMin', 'NOR/TolMin']);

describe.skipIf(!dir)('scimon index (process)', () => {
  it('default pipeline = COINr (a): --out and --ranks, iData order, iMeta column order', () => {
    const out = path.join(tmp, 'a.csv');
    const ranks = path.join(tmp, 'a_ranks.csv');
    const r = run([
      'index',
      '--idata',
      ref('iData.csv'),
      '--imeta',
      ref('iMeta.csv'),
      '--out',
      out,
      '--ranks',
      ranks,
    ]);
    expect(r.status, r.stderr).toBe(0);
    expect(compare(out, ref('a_minmax_amean_scores.csv'))).toEqual([]);
    expect(compare(ranks, ref('a_minmax_amean_ranks.csv'), CSV_TIES)).toEqual([]);
    const text = readFileSync(out, 'utf8').split('\n');
    expect(text[0]?.startsWith('"uCode","LPI","Flights"')).toBe(true);
    expect(text[0]?.endsWith('"Conn","Sust","Index"')).toBe(true);
    expect(text[1]?.startsWith('"AUT",')).toBe(true); // iData order
    expect(readFileSync(out, 'utf8')).toContain(',NA,');
  });

  it('(b) z-score, (c) gmean on --range 1,100, (c2) hmean', () => {
    for (const [args, file] of [
      [['--normalise', 'zscore'], 'b_zscore_amean_scores.csv'],
      [['--range', '1,100', '--aggregate', 'gmean'], 'c_minmax1_100_gmean_scores.csv'],
      [['--range', '1,100', '--aggregate', 'hmean'], 'c2_minmax1_100_hmean_scores.csv'],
    ] as const) {
      const out = path.join(tmp, file);
      const r = run([
        'index',
        '--idata',
        ref('iData.csv'),
        '--imeta',
        ref('iMeta.csv'),
        ...args,
        '--out',
        out,
      ]);
      expect(r.status, r.stderr).toBe(0);
      expect(compare(out, ref(file))).toEqual([]);
    }
  });

  it('(a2) --weights iCode,Weight', () => {
    const w = path.join(tmp, 'w.csv');
    const lines = readFileSync(ref('a2_weights_alt.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','));
    writeFileSync(w, `iCode,Weight\n${lines.map((c) => `${c[0]},${c[2]}`).join('\n')}\n`);
    const out = path.join(tmp, 'a2.csv');
    const r = run([
      'index',
      '--idata',
      ref('iData.csv'),
      '--imeta',
      ref('iMeta.csv'),
      '--weights',
      w,
      '--out',
      out,
    ]);
    expect(r.status, r.stderr).toBe(0);
    expect(compare(out, ref('a2_minmax_amean_altweights_scores.csv'))).toEqual([]);
  });

  it('(g) the full example through flags', () => {
    const out = path.join(tmp, 'g.csv');
    const r = run([
      'index',
      '--idata',
      ref('iData.csv'),
      '--imeta',
      ref('iMeta.csv'),
      '--denominate',
      '--impute',
      'mean-by:EurAsia_group',
      '--screen',
      '0.9',
      '--treat',
      'winsorise',
      '--winmax',
      '5',
      '--out',
      out,
    ]);
    expect(r.status, r.stderr).toBe(0);
    expect(compare(out, ref('g_example_Aggregated.csv'))).toEqual([]);
  });

  it('(h) dist2ref with --ref and dist2targ from iMeta Target: indicator columns', () => {
    for (const [args, file] of [
      [['--normalise', 'dist2ref', '--ref', 'AUS'], 'h_norm_n_dist2ref.csv'],
      [['--normalise', 'dist2targ'], 'h_norm_n_dist2targ_iMeta.csv'],
    ] as const) {
      const out = path.join(tmp, file);
      const r = run([
        'index',
        '--idata',
        ref('iData.csv'),
        '--imeta',
        ref('iMeta.csv'),
        ...args,
        '--out',
        out,
      ]);
      expect(r.status, r.stderr).toBe(0);
      expect(compare(out, ref(file))).toEqual([]);
    }
  });

  it('perf dataset: aggregates and index rank', () => {
    const out = path.join(tmp, 'perf.csv');
    const ranks = path.join(tmp, 'perf_ranks.csv');
    const r = run([
      'index',
      '--idata',
      ref('perf_iData.csv'),
      '--imeta',
      ref('perf_iMeta.csv'),
      '--out',
      out,
      '--ranks',
      ranks,
    ]);
    expect(r.status, r.stderr).toBe(0);
    const want = parse(readFileSync(ref('perf_minmax_amean_aggregates.csv'), 'utf8'));
    const got = parse(readFileSync(out, 'utf8'));
    const gotRanks = parse(readFileSync(ranks, 'utf8'));
    const ix = gotRanks.header.indexOf('Index');
    let bad = 0;
    for (const [u, wr] of want.rows) {
      want.header.forEach((h, j) => {
        if (j === 0) return;
        const a =
          h === 'Rank'
            ? Number(gotRanks.rows.get(u)?.[ix])
            : Number(got.rows.get(u)?.[got.header.indexOf(h)]);
        if (!(Math.abs(a - Number(wr[j])) <= 1e-9 * Math.abs(Number(wr[j])))) bad++;
      });
    }
    expect(bad).toBe(0);
  });

  it('exit codes: 1 for gmean over 0 (naming unit and indicator), 2 for a missing file or bad flag, 1 for a missing column', () => {
    const g = run([
      'index',
      '--idata',
      ref('iData.csv'),
      '--imeta',
      ref('iMeta.csv'),
      '--aggregate',
      'gmean',
    ]);
    expect(g.status).toBe(1);
    expect(g.stderr).toMatch(/E_INDEX_NONPOSITIVE: unit \w+, indicator \w+/);
    expect(run(['index', '--idata', path.join(tmp, 'nope.csv'), '--imeta', ref('iMeta.csv')]).status).toBe(2);
    expect(
      run(['index', '--idata', ref('iData.csv'), '--imeta', ref('iMeta.csv'), '--normalise', 'bogus']).status,
    ).toBe(2);
    expect(
      run(['index', '--idata', ref('iData.csv'), '--imeta', ref('iMeta.csv'), '--no-such-flag']).status,
    ).toBe(2);
    const bad = path.join(tmp, 'bad_idata.csv');
    writeFileSync(bad, 'uCode,LPI\nA,1\n');
    const m = run(['index', '--idata', bad, '--imeta', ref('iMeta.csv')]);
    expect(m.status).toBe(1);
    expect(m.stderr).toContain('Flights');
  });
});

describe.skipIf(!dir)('scimon uncertainty (process)', () => {
  it('writes uCode,Nominal,Mean,Median,Q5,Q95 in iData order, reproducibly, same with and without workers', () => {
    const a = path.join(tmp, 'u1.csv');
    const b = path.join(tmp, 'u2.csv');
    const common = [
      'uncertainty',
      '--idata',
      ref('iData.csv'),
      '--imeta',
      ref('iMeta.csv'),
      '--runs',
      '1200',
      '--seed',
      '7',
      '--weight-noise',
      '0.25',
    ];
    const r1 = run([...common, '--workers', '1', '--out', a]);
    expect(r1.status, r1.stderr).toBe(0);
    const r2 = run([...common, '--workers', '2', '--out', b]);
    expect(r2.status, r2.stderr).toBe(0);
    const text = readFileSync(a, 'utf8');
    expect(text).toBe(readFileSync(b, 'utf8'));
    const lines = text.trim().split('\n');
    expect(lines[0]).toBe('"uCode","Nominal","Mean","Median","Q5","Q95"');
    expect(lines[1]?.startsWith('"AUT",')).toBe(true);
    expect(lines).toHaveLength(52);
  });
  it('exit 2 without --runs', () => {
    expect(
      run([
        'uncertainty',
        '--idata',
        ref('iData.csv'),
        '--imeta',
        ref('iMeta.csv'),
        '--seed',
        '1',
        '--weight-noise',
        '0.1',
      ]).status,
    ).toBe(2);
  });
});
