// `scimon users` and `scimon tokens` as processes, on both dialects.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { runScimon } from '../../../test-support/cli.ts';
import { repoRoot } from '../../../test-support/reference.ts';
import { createTestDb, testDialects, type TestDb } from '../../../test-support/databases.ts';

describe.each(testDialects())('scimon users on %s', (dialect) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(dialect, { migrate: false });
    const seeded = runScimon(['seed'], { ...t.env, SCIMON_ADMIN_PASSWORD: '' });
    expect(seeded.code).toBe(0);
    // No SCIMON_ADMIN_PASSWORD: a random admin password is printed once, on stderr.
    expect(seeded.stderr).toMatch(/admin \/ [A-Za-z0-9]{20}/);
  });
  afterAll(async () => t.close());

  it('adds a reporter with a generated password, once', () => {
    const r = runScimon(
      ['users', 'add', 'cd.reporter', '--role', 'reporter', '--scope', 'CD-XLH', '--lang', 'en-US'],
      t.env,
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/initial password .*: [A-Za-z0-9]{20}/);
    const again = runScimon(
      ['users', 'add', 'cd.reporter', '--role', 'reporter', '--scope', 'CD-XLH', '--lang', 'en-US'],
      t.env,
    );
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('E_USER_EXISTS');
  });

  it('reads a password from stdin and checks it', () => {
    const bin = path.join(repoRoot, 'packages/cli/bin/scimon.mjs');
    const run = (password: string) =>
      spawnSync(
        process.execPath,
        [bin, 'users', 'add', 'mof.owner', '--role', 'task_owner', '--scope', 'MOF', '--password-stdin'],
        {
          cwd: repoRoot,
          env: { ...process.env, ...t.env },
          input: `${password}\n`,
          encoding: 'utf8',
        },
      );
    const weak = run('short');
    expect(weak.status).toBe(1);
    expect(weak.stderr).toContain('至少需要 12 个字符');
    const good = run('Fiscal-Joint-Fund-2026');
    expect(good.status).toBe(0);
    expect(good.stdout).not.toMatch(/初始密码/);
  });

  it('refuses an unknown role (2) and an unknown scope (1)', () => {
    expect(runScimon(['users', 'add', 'x.y', '--role', 'king', '--scope', 'WSC'], t.env).code).toBe(2);
    const r = runScimon(
      ['users', 'add', 'x.y', '--role', 'reporter', '--scope', 'NOPE', '--lang', 'en-US'],
      t.env,
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('expected an org-unit code');
    expect(runScimon(['users', 'add', 'x.y', '--role', 'reporter'], t.env).code).toBe(2);
  });

  it('lists and disables users', () => {
    const list = JSON.parse(runScimon(['users', 'list', '--format', 'json'], t.env).stdout) as {
      username: string;
      disabled: boolean;
    }[];
    expect(list.map((u) => u.username)).toEqual(['admin', 'cd.reporter', 'mof.owner']);
    expect(runScimon(['users', 'disable', 'cd.reporter'], t.env).code).toBe(0);
    expect(runScimon(['users', 'disable', 'nobody'], t.env).code).toBe(1);
    const after = JSON.parse(runScimon(['users', 'list', '--format', 'json'], t.env).stdout) as {
      username: string;
      disabled: boolean;
    }[];
    expect(after.find((u) => u.username === 'cd.reporter')?.disabled).toBe(true);
  });

  it('creates an API token shown once', () => {
    const r = runScimon(['tokens', 'create', 'mof.owner', '--name', 'uploads'], t.env);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^scimon_[A-Za-z0-9_-]{30,}$/);
  });
});
