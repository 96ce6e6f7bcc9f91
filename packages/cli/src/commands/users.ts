// `scimon users add|list|disable` and `scimon tokens create`: account administration on the local
// database, audited as the local administrator (actor `cli:<os user>`).
import os from 'node:os';
import type { Command } from 'commander';
import { ROLES, type Role } from '@scimon/contracts';
import { msg, type Lang } from '../lang.ts';
import { CliExit, EXIT_INVALID, EXIT_USAGE } from '../exit.ts';
import { describeProblem } from './problem-text.ts';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** Opens the local database and its services, runs `fn`, and closes everything. */
async function withServices<T>(fn: (s: Awaited<ReturnType<typeof loadServices>>) => Promise<T>): Promise<T> {
  const s = await loadServices();
  try {
    return await fn(s);
  } finally {
    await s.handle.close();
  }
}

async function loadServices() {
  const { migrate, openConfiguredDb } = await import('@scimon/server/bootstrap');
  const users = await import('@scimon/server/modules/users/users.service');
  const { authConfigFromEnv } = await import('@scimon/server/modules/auth/auth.config');
  const { systemClock } = await import('@scimon/server/clock');
  const handle = openConfiguredDb();
  await migrate(handle);
  const clock = systemClock();
  const ctx = { actor: `cli:${os.userInfo().username}`, at: clock.now() };
  return { handle, users, config: authConfigFromEnv(), ctx };
}

export function registerUsers(program: Command, lang: Lang): void {
  const users = program
    .command('users')
    .description(msg(lang, '用户账户管理（本地数据库）', 'user accounts (local database)'));

  users
    .command('add')
    .description(
      msg(
        lang,
        '新建用户并授予角色；未提供密码时生成并打印一次',
        'create a user with a role; prints a generated password when none is given',
      ),
    )
    .argument('<username>')
    .requiredOption('--role <role>', ROLES.join(' | '))
    .requiredOption(
      '--scope <code>',
      msg(
        lang,
        '组织单元代码（task_owner 为牵头单位代码）',
        'org-unit code (a lead-unit code for task_owner)',
      ),
    )
    .option('--display-name <name>', msg(lang, '显示名称', 'display name'))
    .option('--password-stdin', msg(lang, '从标准输入读取密码', 'read the password from standard input'))
    .action(
      async (
        username: string,
        opts: { role: string; scope: string; displayName?: string; passwordStdin?: boolean },
      ) => {
        if (!(ROLES as readonly string[]).includes(opts.role)) {
          throw new CliExit(
            EXIT_USAGE,
            `${msg(lang, '角色无效', 'invalid role')}: ${opts.role} (${ROLES.join(', ')})`,
          );
        }
        const password = opts.passwordStdin ? await readStdin() : null;
        await withServices(async ({ handle, users: svc, config, ctx }) => {
          const r = await svc.createUser(handle.db, config, ctx, {
            username,
            displayName: opts.displayName ?? null,
            password,
            role: opts.role as Role,
            scope: opts.scope,
          });
          if (!r.ok) throw new CliExit(EXIT_INVALID, describeProblem(r.error, lang));
          process.stdout.write(
            `${msg(lang, '已创建用户', 'created user')} ${username} (${opts.role} @ ${opts.scope})\n`,
          );
          if (r.value.generatedPassword) {
            process.stdout.write(
              `${msg(lang, '初始密码（仅显示一次，首次登录须修改）', 'initial password (shown once; must be changed at first sign-in)')}: ${r.value.generatedPassword}\n`,
            );
          }
        });
      },
    );

  users
    .command('list')
    .description(msg(lang, '列出用户及其角色', 'list users and their roles'))
    .option('--format <format>', 'table | json', 'table')
    .action(async (opts: { format: string }) => {
      await withServices(async ({ handle, users: svc }) => {
        const list = await svc.getUsers(handle.db);
        if (opts.format === 'json') {
          process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
          return;
        }
        const rows = list.map((u) =>
          [
            u.username,
            u.roles.map((g) => `${g.role}@${g.scope}`).join(','),
            u.disabled ? msg(lang, '已停用', 'disabled') : msg(lang, '启用', 'active'),
            u.lastLoginAt ?? '-',
          ].join('\t'),
        );
        process.stdout.write(
          `${[[msg(lang, '用户名', 'username'), msg(lang, '角色', 'roles'), msg(lang, '状态', 'status'), msg(lang, '最近登录', 'last sign-in')].join('\t'), ...rows].join('\n')}\n`,
        );
      });
    });

  users
    .command('disable')
    .description(msg(lang, '停用用户并结束其会话', 'disable a user and end its sessions'))
    .argument('<username>')
    .action(async (username: string) => {
      await withServices(async ({ handle, users: svc, ctx }) => {
        const r = await svc.disableUser(handle.db, ctx, username);
        if (!r.ok) throw new CliExit(EXIT_INVALID, describeProblem(r.error, lang));
        process.stdout.write(`${msg(lang, '已停用用户', 'disabled user')} ${username}\n`);
      });
    });

  program
    .command('tokens')
    .description(msg(lang, '接口令牌（机器上传用）', 'API tokens (for machine uploads)'))
    .command('create')
    .description(
      msg(lang, '为用户创建接口令牌，令牌仅显示一次', 'create an API token for a user; it is shown once'),
    )
    .argument('<username>')
    .requiredOption('--name <name>', msg(lang, '令牌用途说明', 'what the token is for'))
    .action(async (username: string, opts: { name: string }) => {
      await withServices(async ({ handle, users: svc, ctx }) => {
        const r = await svc.createApiToken(handle.db, ctx, username, opts.name);
        if (!r.ok) throw new CliExit(EXIT_INVALID, describeProblem(r.error, lang));
        process.stdout.write(`${r.value}\n`);
      });
    });
}
