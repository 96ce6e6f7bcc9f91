// `scimon catalog validate [dir]`: checks the catalogue files; never touches the database.
import path from 'node:path';
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { loadCatalogue, formatProblem } from '@scimon/server/modules/catalog/catalog.loader';
import { msg, type Lang } from '../lang.ts';
import { CliExit, EXIT_INVALID, EXIT_USAGE } from '../exit.ts';

export function registerCatalog(program: Command, lang: Lang): void {
  const catalog = program
    .command('catalog')
    .description(msg(lang, '目录数据（data/）', 'the catalogue files (data/)'));
  catalog
    .command('validate')
    .description(
      msg(
        lang,
        '校验目录数据，每个问题一行：文件:行: 字段: 说明',
        'validate the catalogue; one line per problem: file:line: field: message',
      ),
    )
    .argument('[dir]', msg(lang, '目录数据文件夹', 'catalogue folder'), 'data')
    .option('--format <format>', 'text | json', 'text')
    .action(async (dir: string, opts: { format: string }) => {
      const abs = path.resolve(dir);
      if (!existsSync(abs))
        throw new CliExit(EXIT_USAGE, `${msg(lang, '找不到文件夹', 'folder not found')}: ${dir}`);
      const result = await loadCatalogue(abs);
      const problems = result.ok ? [] : result.error;
      if (opts.format === 'json') {
        process.stdout.write(`${JSON.stringify({ ok: result.ok, problems }, null, 2)}\n`);
      } else if (problems.length) {
        process.stdout.write(`${problems.map((p) => formatProblem(p, lang)).join('\n')}\n`);
      } else {
        process.stdout.write(`${msg(lang, '目录数据有效', 'catalogue is valid')}: ${dir}\n`);
      }
      if (problems.length)
        throw new CliExit(
          EXIT_INVALID,
          msg(lang, `发现 ${problems.length} 个问题`, `${problems.length} problem(s) found`),
        );
    });
}
