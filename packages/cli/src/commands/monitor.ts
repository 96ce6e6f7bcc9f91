// `scimon monitor`: the monitoring overview of one org unit and year from the local database, as a
// table, JSON (the API's overview) or CSV (one row per target, then the other framework indicators).
import type { Command } from 'commander';
import { stringify } from 'csv-stringify/sync';
import type { MonitoringOverview } from '@scimon/contracts';
import { CliExit, EXIT_INVALID, EXIT_USAGE } from '../exit.ts';
import { msg, type Lang } from '../lang.ts';

export const MONITOR_CSV_COLUMNS = [
  'indicator',
  'name_zh',
  'unit',
  'value',
  'target',
  'base_year',
  'base_value',
  'progress_value',
  'score',
  'status',
  'band',
  'colour',
  'completeness',
] as const;

const num = (x: number | null | undefined): string => (x === null || x === undefined ? '' : String(x));

/** CSV rows: every target card, then each dimension indicator without a target (once, framework order). */
export function monitorRows(o: MonitoringOverview): string[][] {
  const rows = o.targets.map((t) => [
    t.indicator,
    t.nameZh,
    t.unit.zh,
    num(t.value),
    num(t.target),
    num(t.base.year),
    num(t.base.value),
    num(t.status.progressValue),
    num(t.status.score),
    t.status.openSdg,
    t.status.band,
    t.status.colour,
    num(t.completeness),
  ]);
  const seen = new Set(o.targets.map((t) => t.indicator));
  for (const d of o.dimensions) {
    for (const i of d.indicators) {
      if (seen.has(i.indicator)) continue;
      seen.add(i.indicator);
      rows.push([
        i.indicator,
        i.nameZh,
        i.unit.zh,
        num(i.value),
        '',
        '',
        '',
        num(i.progressValue),
        num(i.score),
        i.openSdg,
        '',
        '',
        num(i.completeness),
      ]);
    }
  }
  return rows;
}

/** Display width: CJK and full-width characters take two columns. */
const width = (s: string) => [...s].reduce((w, c) => w + (/[\u1100-\uffdc]/.test(c) ? 2 : 1), 0);
const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - width(s)));
const short = (x: string) => (x === '' ? '' : String(Number(Number(x).toPrecision(6))));

function table(o: MonitoringOverview, lang: Lang): string {
  const head = msg(
    lang,
    '指标|名称|单位|当前值|目标|基期|基期值|进展值|得分|状态|评估|完整率',
    'indicator|name|unit|value|target|base year|base value|progress|score|status|band|completeness',
  ).split('|');
  const body = monitorRows(o).map((r) => {
    const target = o.targets.find((t) => t.indicator === r[0]);
    const band = target ? (lang === 'en-US' ? target.status.bandEn : target.status.bandZh) : '';
    const name = lang === 'en-US' ? (target?.nameEn ?? r[1]!) : r[1]!;
    return [
      r[0]!,
      name,
      r[2]!,
      short(r[3]!),
      r[4]!,
      r[5]!,
      short(r[6]!),
      short(r[7]!),
      short(r[8]!),
      r[9]!,
      band,
      short(r[12]!),
    ];
  });
  const widths = head.map((h, c) => Math.max(width(h), ...body.map((r) => width(r[c]!))));
  const line = (r: string[]) =>
    r
      .map((x, c) => pad(x, widths[c]!))
      .join('  ')
      .trimEnd();
  const title = `${lang === 'en-US' ? o.orgUnit.nameEn : o.orgUnit.nameZh} (${o.orgUnit.code}) ${o.year} · ${msg(lang, '截至', 'as of')} ${o.asOf}${o.sample ? msg(lang, ' · 含示例数据', ' · includes sample data') : ''}`;
  const warnings = o.warnings.map((w) => `  [${w.severity}] ${lang === 'en-US' ? w.messageEn : w.messageZh}`);
  return [
    title,
    line(head),
    ...body.map(line),
    ...(warnings.length ? ['', `${msg(lang, '预警', 'warnings')} (${warnings.length})`, ...warnings] : []),
  ].join('\n');
}

export function registerMonitor(program: Command, lang: Lang): void {
  program
    .command('monitor')
    .description(
      msg(
        lang,
        '某组织单元某年的监测概览：目标进展、状态与预警（读取本地数据库）',
        'monitoring overview of an org unit in a year: target progress, status and warnings (local database)',
      ),
    )
    .requiredOption('--org-unit <code>', msg(lang, '组织单元代码，如 WSC', 'org-unit code, e.g. WSC'))
    .requiredOption('--year <yyyy>', msg(lang, '年份', 'year'))
    .option(
      '--as-of <date>',
      msg(
        lang,
        '评估日期 YYYY-MM-DD（默认今天，上海时间）',
        'as-of date YYYY-MM-DD (default today, Asia/Shanghai)',
      ),
    )
    .option('--format <format>', 'table | json | csv', 'table')
    .action(async (opts: { orgUnit: string; year: string; asOf?: string; format: string }) => {
      if (!['table', 'json', 'csv'].includes(opts.format)) {
        throw new CliExit(
          EXIT_USAGE,
          msg(
            lang,
            `--format 应为 table、json 或 csv：${opts.format}`,
            `--format must be table, json or csv: ${opts.format}`,
          ),
        );
      }
      if (!/^\d{4}$/.test(opts.year)) {
        throw new CliExit(
          EXIT_INVALID,
          msg(lang, `--year 不是年份：${opts.year}`, `--year is not a year: ${opts.year}`),
        );
      }
      const { parseIsoDate } = await import('@scimon/core');
      if (opts.asOf !== undefined && !parseIsoDate(opts.asOf).ok) {
        throw new CliExit(
          EXIT_INVALID,
          msg(
            lang,
            `--as-of 不是日期（YYYY-MM-DD）：${opts.asOf}`,
            `--as-of is not a date (YYYY-MM-DD): ${opts.asOf}`,
          ),
        );
      }
      const { migrate, openConfiguredDb } = await import('@scimon/server/bootstrap');
      const { systemClock } = await import('@scimon/server/clock');
      const { createMonitoringContext, getOverview } =
        await import('@scimon/server/modules/monitoring/monitoring.service');
      const { errorMessage } = await import('@scimon/contracts');
      const handle = openConfiguredDb();
      try {
        await migrate(handle);
        const result = await getOverview(createMonitoringContext(handle.db), {
          orgUnit: opts.orgUnit,
          year: Number(opts.year),
          asOf: opts.asOf ?? systemClock().today(),
          visibility: 'published',
        });
        if (!result.ok) {
          const code = result.error.code as Parameters<typeof errorMessage>[0];
          throw new CliExit(EXIT_INVALID, errorMessage(code, lang, result.error.params));
        }
        const o = result.value;
        if (opts.format === 'json') process.stdout.write(`${JSON.stringify(o, null, 2)}\n`);
        else if (opts.format === 'csv')
          process.stdout.write(stringify([[...MONITOR_CSV_COLUMNS], ...monitorRows(o)]));
        else process.stdout.write(`${table(o, lang)}\n`);
      } finally {
        await handle.close();
      }
    });
}
