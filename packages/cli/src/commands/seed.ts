// `scimon seed`: loads the catalogue (policy, org units, framework, sample and published data).
import type { Command } from 'commander';
import { msg, type Lang } from '../lang.ts';
import { CliExit, EXIT_INVALID } from '../exit.ts';

export function registerSeed(program: Command, lang: Lang): void {
  program
    .command('seed')
    .description(
      msg(
        lang,
        '载入目录数据；重复执行不改变任何内容，框架文件变更生成新版本',
        'load the catalogue; seeding again changes nothing, a changed framework file yields a new version',
      ),
    )
    .option('--format <format>', 'text | json', 'text')
    .action(async (opts: { format: string }) => {
      const { adminNotice, ensureAdminAccount, migrate, openConfiguredDb, seedFromCatalogue } =
        await import('@scimon/server/bootstrap');
      const { systemClock } = await import('@scimon/server/clock');
      const { formatProblem } = await import('@scimon/server/modules/catalog/catalog.loader');
      const handle = openConfiguredDb();
      try {
        await migrate(handle);
        const outcome = await seedFromCatalogue(handle, systemClock());
        if (!outcome.ok) {
          throw new CliExit(EXIT_INVALID, outcome.problems.map((p) => formatProblem(p, lang)).join('\n'));
        }
        const notice = adminNotice(await ensureAdminAccount(handle, systemClock()));
        if (notice) process.stderr.write(`${notice}\n`);
        const s = outcome.summary;
        if (opts.format === 'json') {
          process.stdout.write(`${JSON.stringify(s, null, 2)}\n`);
          return;
        }
        const lines = [
          s.changed
            ? msg(lang, '目录数据已载入', 'catalogue loaded')
            : msg(lang, '目录数据未变化，无需载入', 'catalogue unchanged, nothing to load'),
          `${msg(lang, '指标体系', 'framework')} ${s.framework.code} v${s.framework.version}${s.framework.created ? msg(lang, '（新版本）', ' (new version)') : ''}`,
          ...Object.entries(s.inserted).map(([t, n]) => `  ${t}: +${n}`),
          ...s.differences.map(
            (d) => `${msg(lang, '与数据库不同，未覆盖', 'differs from the database, not overwritten')}: ${d}`,
          ),
        ];
        process.stdout.write(`${lines.join('\n')}\n`);
      } finally {
        await handle.close();
      }
    });
}
