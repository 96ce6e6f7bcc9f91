// `scimon export --out F.csv|F.xlsx`: every stored value (all sources and statuses) in the long layout;
// what it writes, `scimon import` accepts back unchanged.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { SOURCE_CODES } from '@scimon/contracts';
import { msg, type Lang } from '../lang.ts';
import { CliExit, EXIT_INVALID, EXIT_USAGE } from '../exit.ts';
import { describeProblem } from './problem-text.ts';

export function registerExport(program: Command, lang: Lang): void {
  program
    .command('export')
    .description(
      msg(
        lang,
        '导出已存储的数据（长表格式，.csv 或 .xlsx）',
        'export stored values (long layout, .csv or .xlsx)',
      ),
    )
    .option('--org-unit <code>', msg(lang, '组织单元及其下级', 'an org unit and the units below it'))
    .option('--period <code>', msg(lang, '期间，如 2024', 'period, e.g. 2024'))
    .option('--source <code>', SOURCE_CODES.join(' | '))
    .requiredOption('--out <file>', msg(lang, '输出文件 .csv 或 .xlsx', 'output file .csv or .xlsx'))
    .action(async (opts: { orgUnit?: string; period?: string; source?: string; out: string }) => {
      const ext = path.extname(opts.out).toLowerCase();
      if (ext !== '.csv' && ext !== '.xlsx')
        throw new CliExit(EXIT_USAGE, `--out: .csv | .xlsx (${opts.out})`);
      if (opts.source !== undefined && !(SOURCE_CODES as readonly string[]).includes(opts.source))
        throw new CliExit(EXIT_USAGE, `${msg(lang, '来源无效', 'invalid source')}: ${opts.source}`);
      const { migrate, openConfiguredDb } = await import('@scimon/server/bootstrap');
      const { exportRows, toCsv } = await import('@scimon/server/modules/exports/export.service');
      const { toXlsx } = await import('@scimon/server/modules/exports/export.xlsx');
      const handle = openConfiguredDb();
      try {
        await migrate(handle);
        const rows = await exportRows(handle.db, {
          orgUnit: opts.orgUnit,
          period: opts.period,
          source: opts.source,
        });
        if (!rows.ok) throw new CliExit(EXIT_INVALID, describeProblem(rows.error, lang));
        await writeFile(opts.out, ext === '.csv' ? toCsv(rows.value) : await toXlsx(rows.value));
        process.stderr.write(
          `${msg(lang, '已导出', 'exported')} ${rows.value.length} ${msg(lang, '行', 'rows')} → ${opts.out}\n`,
        );
      } finally {
        await handle.close();
      }
    });
}
