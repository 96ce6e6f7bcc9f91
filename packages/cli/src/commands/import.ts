// `scimon import FILE`: imports a .csv or .xlsx into the local database with every check of the web
// upload. Without --as it acts as the local administrator (`admin`) and is audited as such.
// Exit codes: 0 imported (or a dry run that would import); 1 refused; 2 usage.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { SOURCE_CODES, type ImportResult, type SourceCode } from '@scimon/contracts';
import { msg, type Lang } from '../lang.ts';
import { CliExit, EXIT_INVALID, EXIT_USAGE } from '../exit.ts';

interface ImportFlags {
  dryRun?: boolean;
  source?: string;
  as?: string;
  acceptWarnings?: boolean;
  format: string;
}

/** The human summary line (stdout). */
function summaryLine(r: ImportResult, lang: Lang): string {
  const s = r.summary;
  const head = r.dryRun
    ? msg(lang, '试运行（未写入）', 'dry run (nothing written)')
    : msg(lang, '已导入', 'imported');
  return `${head}: ${msg(lang, '新增', 'created')} ${s.created}, ${msg(lang, '更新', 'updated')} ${s.updated}, ${msg(lang, '未变', 'unchanged')} ${s.unchanged}, ${msg(lang, '预警', 'warned')} ${s.warned}`;
}

export function registerImport(program: Command, lang: Lang): void {
  program
    .command('import')
    .description(
      msg(
        lang,
        '导入 .csv 或 .xlsx 数据（模板或长表格式）',
        'import data from .csv or .xlsx (template or long layout)',
      ),
    )
    .argument('<file>')
    .option('--dry-run', msg(lang, '只检查，不写入', 'check only, write nothing'))
    .option(
      '--source <code>',
      `${msg(lang, '空白来源列的默认来源', 'source for rows without one')}: ${SOURCE_CODES.join(' | ')}`,
    )
    .option(
      '--as <user>',
      msg(lang, '以该用户身份导入（权限范围与审计）', 'import as this user (scope and audit)'),
    )
    .option('--accept-warnings', msg(lang, '接受预警，无需备注', 'accept warnings without comments'))
    .option('--format <format>', 'text | json', 'text')
    .action(async (file: string, opts: ImportFlags) => {
      if (opts.source !== undefined && !(SOURCE_CODES as readonly string[]).includes(opts.source))
        throw new CliExit(
          EXIT_USAGE,
          `${msg(lang, '来源无效', 'invalid source')}: ${opts.source} (${SOURCE_CODES.join(', ')})`,
        );
      if (opts.format !== 'text' && opts.format !== 'json')
        throw new CliExit(EXIT_USAGE, `--format: text | json`);
      let buffer: Buffer;
      try {
        buffer = await readFile(file);
      } catch {
        throw new CliExit(EXIT_USAGE, `${msg(lang, '无法读取文件', 'cannot read file')}: ${file}`);
      }
      const { migrate, openConfiguredDb } = await import('@scimon/server/bootstrap');
      const { systemClock } = await import('@scimon/server/clock');
      const { importFile } = await import('@scimon/server/modules/imports/import.service');
      const { importLimitsFromEnv } = await import('@scimon/server/modules/imports/import.limits');
      const { resolveCliPrincipal } = await import('@scimon/server/modules/imports/import.principal');
      const handle = openConfiguredDb();
      try {
        await migrate(handle);
        const principal = await resolveCliPrincipal(handle.db, opts.as);
        if (!principal)
          throw new CliExit(EXIT_USAGE, `${msg(lang, '用户不存在', 'no such user')}: ${opts.as}`);
        const clock = systemClock();
        const result = await importFile(
          handle,
          { buffer, filename: path.basename(file), mediaType: 'application/octet-stream' },
          {
            principal,
            channel: 'cli',
            defaultSource: opts.source as SourceCode | undefined,
            acceptWarnings: opts.acceptWarnings ?? false,
            dryRun: opts.dryRun ?? false,
            audit: { actor: principal.username, at: clock.now() },
            limits: importLimitsFromEnv(),
          },
        );
        if (opts.format === 'json') {
          process.stdout.write(
            `${JSON.stringify({ ok: result.ok, summary: result.summary, problems: result.problems })}\n`,
          );
          if (!result.ok) throw new CliExit(EXIT_INVALID, '');
          return;
        }
        for (const n of result.notices) process.stderr.write(`${n.message[lang]}\n`);
        if (!result.ok) {
          const lines = result.problems.map((p) => p.message[lang]);
          lines.push(
            msg(
              lang,
              `导入被拒绝：${lines.length} 个问题，未写入任何数据`,
              `import refused: ${lines.length} problems, nothing written`,
            ),
          );
          throw new CliExit(EXIT_INVALID, lines.join('\n'));
        }
        process.stdout.write(`${summaryLine(result, lang)}\n`);
      } finally {
        await handle.close();
      }
    });
}
