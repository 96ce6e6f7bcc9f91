// `scimon template --org-unit CODE --period 2024 --out F.xlsx`: the reporting template for a scope.
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { msg, type Lang } from '../lang.ts';
import { CliExit, EXIT_INVALID } from '../exit.ts';
import { describeProblem } from './problem-text.ts';

export function registerTemplate(program: Command, lang: Lang): void {
  program
    .command('template')
    .description(msg(lang, '生成填报模板（.xlsx）', 'generate a reporting template (.xlsx)'))
    .requiredOption(
      '--org-unit <code>',
      msg(lang, '填报范围（园区，或片区下的全部园区）', 'scope (a park, or every park of a zone)'),
    )
    .requiredOption('--period <code>', msg(lang, '期间，如 2024', 'period, e.g. 2024'))
    .option(
      '--framework <code>',
      msg(lang, '指标体系代码（默认当前体系）', 'framework code (default: the active one)'),
    )
    .requiredOption('--out <file>', msg(lang, '输出文件 .xlsx', 'output file .xlsx'))
    .action(async (opts: { orgUnit: string; period: string; framework?: string; out: string }) => {
      const { migrate, openConfiguredDb } = await import('@scimon/server/bootstrap');
      const { buildTemplate } = await import('@scimon/server/modules/templates/template.service');
      const handle = openConfiguredDb();
      try {
        await migrate(handle);
        const r = await buildTemplate(handle.db, {
          orgUnit: opts.orgUnit,
          period: opts.period,
          framework: opts.framework,
        });
        if (!r.ok) throw new CliExit(EXIT_INVALID, describeProblem(r.error, lang));
        await writeFile(opts.out, r.value.buffer);
        process.stderr.write(`${msg(lang, '已生成模板', 'template written')} → ${opts.out}\n`);
      } finally {
        await handle.close();
      }
    });
}
