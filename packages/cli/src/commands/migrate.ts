// `scimon migrate`: brings the configured database to the latest schema.
import type { Command } from 'commander';
import { msg, type Lang } from '../lang.ts';

export function registerMigrate(program: Command, lang: Lang): void {
  program
    .command('migrate')
    .description(
      msg(
        lang,
        '将数据库迁移到最新结构（DATABASE_URL 选择 PostgreSQL）',
        'migrate the database to the latest schema (DATABASE_URL selects PostgreSQL)',
      ),
    )
    .action(async () => {
      const { migrate, openConfiguredDb } = await import('@scimon/server/bootstrap');
      const handle = openConfiguredDb();
      try {
        const applied = await migrate(handle);
        process.stderr.write(`${handle.dialect} ${handle.location}\n`);
        process.stdout.write(
          applied.length
            ? `${msg(lang, '已执行迁移', 'applied')}: ${applied.join(', ')}\n`
            : `${msg(lang, '数据库已是最新结构', 'database is up to date')}\n`,
        );
      } finally {
        await handle.close();
      }
    });
}
