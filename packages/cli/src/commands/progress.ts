// `scimon progress`: the Open SDG 2.4 / Statistics Canada progress measure, CSV file in, CSV file out.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { openSdgProgress, type OpenSdgResult } from '@scimon/core';
import { CliExit, EXIT_INVALID, EXIT_USAGE } from '../exit.ts';
import { msg, type Lang } from '../lang.ts';

const REQUIRED = [
  'base_year',
  'base_value',
  'current_year',
  'current_value',
  'target',
  'target_year',
  'direction',
  'limit',
] as const;
const YEARS = new Set(['base_year', 'current_year', 'target_year']);
const NUMBER_RE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

interface CellProblem {
  line: number;
  column: string;
  value: string;
  kind: 'number' | 'year' | 'direction';
}

function problemText(lang: Lang, p: CellProblem): string {
  if (p.kind === 'direction') {
    return msg(
      lang,
      `第 ${p.line} 行，${p.column} 列：“${p.value}”无效，应为 1 或 -1`,
      `row ${p.line}, column ${p.column}: "${p.value}" is invalid, expected 1 or -1`,
    );
  }
  if (p.kind === 'year') {
    return msg(
      lang,
      `第 ${p.line} 行，${p.column} 列：“${p.value}”不是年份（整数，如 2015 或 2015.0）`,
      `row ${p.line}, column ${p.column}: "${p.value}" is not a year (a whole number such as 2015 or 2015.0)`,
    );
  }
  return msg(
    lang,
    `第 ${p.line} 行，${p.column} 列：“${p.value}”不是数字`,
    `row ${p.line}, column ${p.column}: "${p.value}" is not a number`,
  );
}

/** Reads one optional numeric cell: blank → null; otherwise a plain decimal number or a problem. */
function readCell(raw: string, column: string, line: number, problems: CellProblem[]): number | null {
  const s = raw.trim();
  if (s === '') return null;
  if (!NUMBER_RE.test(s)) {
    problems.push({ line, column, value: raw, kind: YEARS.has(column) ? 'year' : 'number' });
    return null;
  }
  const x = Number(s);
  if (!Number.isFinite(x) || (YEARS.has(column) && !Number.isInteger(x))) {
    problems.push({ line, column, value: raw, kind: YEARS.has(column) ? 'year' : 'number' });
    return null;
  }
  return x;
}

const cell = (x: number | null): string => (x === null ? '' : String(x));

/** Computes the output rows (input cells, then progress_value, score, status) or the list of problems. */
export function progressTable(text: string, lang: Lang): { rows: string[][] } | { problems: string[] } {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: false,
    }) as unknown as typeof records;
  } catch (e) {
    return {
      problems: [
        msg(lang, `CSV 格式错误：${(e as Error).message}`, `malformed CSV: ${(e as Error).message}`),
      ],
    };
  }
  const [head, ...body] = records;
  if (!head)
    return {
      problems: [
        msg(lang, '输入文件为空（需要表头行）', 'the input file is empty (a header row is required)'),
      ],
    };
  const header = head.record;
  const index = new Map<string, number>();
  header.forEach((h, i) => index.set(h.trim(), i));
  const missing = REQUIRED.filter((c) => !index.has(c));
  if (missing.length > 0) {
    return {
      problems: [
        msg(lang, `缺少必需的列：${missing.join(', ')}`, `required columns missing: ${missing.join(', ')}`),
      ],
    };
  }
  const problems: CellProblem[] = [];
  const out: string[][] = [[...header, 'progress_value', 'score', 'status']];
  for (const { record, info } of body) {
    const line = info.lines;
    const get = (c: (typeof REQUIRED)[number]): number | null =>
      readCell(record[index.get(c)!] ?? '', c, line, problems);
    const baseYear = get('base_year');
    const baseValue = get('base_value');
    const currentYear = get('current_year');
    const currentValue = get('current_value');
    const target = get('target');
    const targetYear = get('target_year');
    const limit = get('limit');
    const dRaw = record[index.get('direction')!] ?? '';
    const d = dRaw.trim() === '' || !NUMBER_RE.test(dRaw.trim()) ? NaN : Number(dRaw.trim());
    if (d !== 1 && d !== -1) problems.push({ line, column: 'direction', value: dRaw, kind: 'direction' });
    let res: Pick<OpenSdgResult, 'progressValue' | 'score' | 'status'> = {
      progressValue: null,
      score: null,
      status: 'not_available',
    };
    if (d === 1 || d === -1) {
      res = openSdgProgress({
        baseYear,
        baseValue,
        currentYear,
        currentValue,
        target,
        targetYear,
        direction: d,
        limit,
      });
    }
    out.push([...record, cell(res.progressValue), cell(res.score), res.status]);
  }
  if (problems.length > 0) return { problems: problems.map((p) => problemText(lang, p)) };
  return { rows: out };
}

/** Registers `scimon progress --input FILE.csv [--out FILE.csv]`. */
export function registerProgress(program: Command, lang: Lang): void {
  program
    .command('progress')
    .description(
      msg(
        lang,
        '按 Open SDG 2.4（加拿大统计局）方法计算进展值、得分和状态：CSV 输入，CSV 输出，不用数据库',
        'Open SDG 2.4 (Statistics Canada) progress value, score and status: CSV in, CSV out, no database',
      ),
    )
    .requiredOption('--input <file>', msg(lang, '输入 CSV 文件', 'input CSV file'))
    .option(
      '--out <file>',
      msg(lang, '输出 CSV 文件（默认标准输出）', 'output CSV file (default: standard output)'),
    )
    .action((opts: { input: string; out?: string }) => {
      if (!existsSync(opts.input)) {
        throw new CliExit(
          EXIT_USAGE,
          msg(lang, `找不到输入文件：${opts.input}`, `input file not found: ${opts.input}`),
        );
      }
      const result = progressTable(readFileSync(opts.input, 'utf8'), lang);
      if ('problems' in result) {
        const shown = result.problems.slice(0, 100);
        const more = result.problems.length - shown.length;
        if (more > 0) shown.push(msg(lang, `……另有 ${more} 个问题`, `… and ${more} more problems`));
        throw new CliExit(EXIT_INVALID, shown.join('\n'));
      }
      const csv = stringify(result.rows, { record_delimiter: '\n' });
      if (opts.out) writeFileSync(opts.out, csv, 'utf8');
      else process.stdout.write(csv);
    });
}
