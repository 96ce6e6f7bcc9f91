// `scimon submissions list`: the submission workflow's state per (framework, org unit, period) on the
// local database, read as the local administrator (every unit).
import type { Command } from 'commander';
import { SUBMISSION_STATUSES } from '@scimon/contracts';
import { msg, type Lang } from '../lang.ts';
import { CliExit, EXIT_INVALID, EXIT_USAGE } from '../exit.ts';

/** The local administrator reads every unit. */
const LOCAL_ADMIN = { roles: [{ role: 'admin' as const, scope: '*' }] };

const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
const padEnd = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - width(s)));

export function registerSubmissions(program: Command, lang: Lang): void {
  const submissions = program
    .command('submissions')
    .description(msg(lang, '数据报送审核流程', 'the data submission workflow'));

  submissions
    .command('list')
    .description(msg(lang, '列出报送及其状态', 'list submissions and their status'))
    .option('--period <code>', msg(lang, '期间，如 2024', 'period, e.g. 2024'))
    .option('--status <status>', SUBMISSION_STATUSES.join(' | '))
    .option('--framework <code>', msg(lang, '指标体系代码', 'framework code'))
    .option('--format <format>', 'table | json', 'table')
    .action(async (opts: { period?: string; status?: string; framework?: string; format: string }) => {
      if (!['table', 'json'].includes(opts.format))
        throw new CliExit(
          EXIT_USAGE,
          msg(
            lang,
            `--format 应为 table 或 json：${opts.format}`,
            `--format must be table or json: ${opts.format}`,
          ),
        );
      if (opts.status && !(SUBMISSION_STATUSES as readonly string[]).includes(opts.status))
        throw new CliExit(
          EXIT_USAGE,
          msg(lang, `--status 无效：${opts.status}`, `invalid --status: ${opts.status}`),
        );
      const { migrate, openConfiguredDb } = await import('@scimon/server/bootstrap');
      const { listSubmissions } = await import('@scimon/server/modules/workflow/workflow.service');
      const { errorMessage } = await import('@scimon/contracts');
      const handle = openConfiguredDb();
      try {
        await migrate(handle);
        const result = await listSubmissions(handle.db, LOCAL_ADMIN, {
          period: opts.period,
          status: opts.status,
          framework: opts.framework,
        });
        if (!result.ok) {
          const code = result.error.code as Parameters<typeof errorMessage>[0];
          throw new CliExit(EXIT_INVALID, errorMessage(code, lang, result.error.params));
        }
        const items = result.value.map(({ allowedActions: _a, ...s }) => s);
        if (opts.format === 'json') {
          process.stdout.write(`${JSON.stringify(items, null, 2)}\n`);
          return;
        }
        const head = msg(
          lang,
          'ID|体系|组织单元|期间|状态|数值|缺报|截止|报送时间|按时|理由',
          'id|framework|org unit|period|status|values|missing|deadline|submitted|on time|reason',
        ).split('|');
        const rows = items.map((s) => [
          String(s.id),
          s.framework,
          s.orgUnit.code,
          s.period,
          s.status,
          String(s.valueCount),
          String(s.missingCount),
          s.deadline,
          s.submittedAt ?? '',
          s.onTime === null ? '' : s.onTime ? msg(lang, '是', 'yes') : msg(lang, '否', 'no'),
          s.reason ?? '',
        ]);
        const all = [head, ...rows];
        const widths = head.map((_, i) => Math.max(...all.map((r) => width(r[i]!))));
        process.stdout.write(
          `${all
            .map((r) =>
              r
                .map((c, i) => padEnd(c, widths[i]!))
                .join('  ')
                .trimEnd(),
            )
            .join('\n')}\n`,
        );
      } finally {
        await handle.close();
      }
    });
}
