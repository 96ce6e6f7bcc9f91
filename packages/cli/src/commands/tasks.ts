// `scimon tasks list|export|remind`: task supervision on the local database. "Today" is SCIMON_NOW when set.
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { TASK_COLOURS, type TaskColour } from '@scimon/contracts';
import { msg, type Lang } from '../lang.ts';
import { CliExit, EXIT_INVALID, EXIT_USAGE } from '../exit.ts';
import { describeProblem } from './problem-text.ts';

async function withDb<T>(fn: (s: Awaited<ReturnType<typeof open>>) => Promise<T>): Promise<T> {
  const s = await open();
  try {
    return await fn(s);
  } finally {
    await s.handle.close();
  }
}

async function open() {
  const { migrate, openConfiguredDb } = await import('@scimon/server/bootstrap');
  const { systemClock } = await import('@scimon/server/clock');
  const handle = openConfiguredDb();
  await migrate(handle);
  return { handle, clock: systemClock() };
}

/** Display width with CJK characters counted double, so table columns line up in a terminal. */
const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
const padEnd = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - width(s)));

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => width(r[i] ?? ''))));
  return rows
    .map((r) =>
      r
        .map((c, i) => (i === r.length - 1 ? c : padEnd(c, widths[i]!)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** The local administrator reads as an admin (reviewed values count for linked indicators). */
const LOCAL_ADMIN = { roles: [{ role: 'admin' as const, scope: '*' }] };

export function registerTasks(program: Command, lang: Lang): void {
  const tasks = program
    .command('tasks')
    .description(msg(lang, '任务督办与考核', 'task supervision and assessment'));

  tasks
    .command('list')
    .description(
      msg(
        lang,
        '列出任务及其四色状态（子任务嵌套在 children 中）',
        'list tasks with their colour (sub-tasks under children)',
      ),
    )
    .option('--lead-unit <code>', msg(lang, '只列该牵头单位的任务', 'only tasks led by this unit'))
    .option('--colour <colour>', TASK_COLOURS.join(' | '))
    .option('--format <format>', 'table | json | csv', 'table')
    .action(async (opts: { leadUnit?: string; colour?: string; format: string }) => {
      if (opts.colour !== undefined && !(TASK_COLOURS as readonly string[]).includes(opts.colour))
        throw new CliExit(
          EXIT_USAGE,
          `${msg(lang, '颜色无效', 'invalid colour')}: ${opts.colour} (${TASK_COLOURS.join(', ')})`,
        );
      if (!['table', 'json', 'csv'].includes(opts.format))
        throw new CliExit(
          EXIT_USAGE,
          `${msg(lang, '格式无效', 'invalid format')}: ${opts.format} (table, json, csv)`,
        );
      const { listTasks } = await import('@scimon/server/modules/tasks/tasks.service');
      const { taskTree, flatten, tableRow, TABLE_COLUMNS } =
        await import('@scimon/server/modules/tasks/tasks.export');
      const { listLeadUnits } = await import('@scimon/server/modules/tasks/tasks.repository');
      await withDb(async ({ handle, clock }) => {
        if (opts.leadUnit && !(await listLeadUnits(handle.db)).some((u) => u.code === opts.leadUnit))
          throw new CliExit(
            EXIT_INVALID,
            describeProblem({ code: 'E_TASK_LEAD_UNIT_UNKNOWN', params: { code: opts.leadUnit } }, lang),
          );
        const list = await listTasks(handle.db, clock.today(), {
          leadUnit: opts.leadUnit,
          colour: opts.colour as TaskColour | undefined,
        });
        const tree = taskTree(list.items);
        if (opts.format === 'json') {
          process.stdout.write(`${JSON.stringify(tree, null, 2)}\n`);
          return;
        }
        const rows = flatten(tree).map((n) => tableRow(n, lang));
        if (opts.format === 'csv') {
          const { stringify } = await import('csv-stringify/sync');
          process.stdout.write(stringify([[...TABLE_COLUMNS], ...rows]));
          return;
        }
        process.stdout.write(`${table([[...TABLE_COLUMNS], ...rows])}\n`);
      });
    });

  tasks
    .command('export')
    .description(
      msg(
        lang,
        '导出任务、考核记分表和评分规则（.xlsx）',
        'export tasks, the scoreboard and the scoring rules (.xlsx)',
      ),
    )
    .requiredOption('--out <file>', msg(lang, '输出文件（.xlsx）', 'output file (.xlsx)'))
    .action(async (opts: { out: string }) => {
      if (!opts.out.toLowerCase().endsWith('.xlsx'))
        throw new CliExit(
          EXIT_USAGE,
          msg(lang, '输出文件须以 .xlsx 结尾', 'the output file must end in .xlsx'),
        );
      const { listTasks } = await import('@scimon/server/modules/tasks/tasks.service');
      const { getScoreboard } = await import('@scimon/server/modules/tasks/tasks.scoreboard');
      const { workbook } = await import('@scimon/server/modules/tasks/tasks.export');
      const { createMonitoringContext } =
        await import('@scimon/server/modules/monitoring/monitoring.service');
      await withDb(async ({ handle, clock }) => {
        const today = clock.today();
        const list = await listTasks(handle.db, today, {});
        const board = await getScoreboard(handle.db, createMonitoringContext(handle.db), today, LOCAL_ADMIN);
        await writeFile(opts.out, await workbook(list.items, board));
        process.stderr.write(
          `${msg(lang, '已导出', 'exported')} ${list.items.length} ${msg(lang, '项任务、', 'tasks and ')}${board.items.length} ${msg(lang, '个牵头单位', 'lead units')} → ${opts.out}\n`,
        );
      });
    });

  tasks
    .command('remind')
    .description(
      msg(
        lang,
        '生成今日督办提醒摘要并写入发件箱（每天每人一条）',
        "build today's reminder digest per user and write it to the outbox (one per user per day)",
      ),
    )
    .option('--dry-run', msg(lang, '只打印将要发送的内容，不写入', 'print what would be sent; write nothing'))
    .action(async (opts: { dryRun?: boolean }) => {
      const { runDigest } = await import('@scimon/server/modules/tasks/tasks.reminders');
      await withDb(async ({ handle, clock }) => {
        const run = await runDigest(handle.db, clock.today(), clock.now(), opts.dryRun === true);
        for (const d of run.digests)
          process.stdout.write(`To: ${d.username}\nSubject: ${d.subject}\n${d.body}\n\n`);
        process.stderr.write(
          run.dryRun
            ? `${msg(lang, '试运行：', 'dry run: ')}${run.digests.length} ${msg(lang, '份摘要，未写入发件箱', 'digests, nothing written to the outbox')}\n`
            : `${msg(lang, '已写入发件箱', 'written to the outbox')}: ${run.written}; ${msg(lang, '今日已存在', 'already there today')}: ${run.alreadyWritten}\n`,
        );
      });
    });
}
