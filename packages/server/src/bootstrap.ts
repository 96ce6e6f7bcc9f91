// Opening, migrating and seeding the database: shared by the server's start and the CLI.
import { migrateToLatest, openDb, resolveDbConfig, type DbHandle } from '@scimon/db';
import { catalogueDir, repoRoot } from './paths.ts';
import { loadCatalogue } from './modules/catalog/catalog.loader.ts';
import type { CatalogueProblem } from './modules/catalog/catalog.loader.ts';
import { seedCatalogue, type SeedSummary } from './modules/seed/seed.service.ts';
import type { Clock } from './clock.ts';
import { authConfigFromEnv } from './modules/auth/auth.config.ts';
import { ensureAdmin, type AdminBootstrap } from './modules/users/users.service.ts';

/** Opens the configured database (SQLite by default, PostgreSQL with DATABASE_URL). */
export function openConfiguredDb(env: NodeJS.ProcessEnv = process.env): DbHandle {
  return openDb(resolveDbConfig(env, repoRoot));
}

export async function migrate(handle: DbHandle): Promise<string[]> {
  return migrateToLatest(handle.db);
}

export type SeedOutcome = { ok: true; summary: SeedSummary } | { ok: false; problems: CatalogueProblem[] };

/** Loads the catalogue from `dir` (default data/) and seeds it; a catalogue with problems seeds nothing. */
export async function seedFromCatalogue(
  handle: DbHandle,
  clock: Clock,
  dir: string = catalogueDir,
): Promise<SeedOutcome> {
  const loaded = await loadCatalogue(dir);
  if (!loaded.ok) return { ok: false, problems: loaded.error };
  return { ok: true, summary: await seedCatalogue(handle.db, loaded.value, clock.now()) };
}

/**
 * Creates `admin` when absent (first start, `scimon seed`): SCIMON_ADMIN_PASSWORD when set, else a random
 * password that the caller prints once. Throws when the given password breaks the password rules.
 */
export async function ensureAdminAccount(
  handle: DbHandle,
  clock: Clock,
  env: NodeJS.ProcessEnv = process.env,
): Promise<AdminBootstrap> {
  const result = await ensureAdmin(handle.db, authConfigFromEnv(env), clock.now(), env.SCIMON_ADMIN_PASSWORD);
  if (!result.ok) {
    throw new Error(
      `admin account not created: ${result.error.code} ${JSON.stringify(result.error.params ?? {})}`,
    );
  }
  return result.value;
}

/** The one-time notice of a generated admin password (stderr, so stdout stays machine-readable). */
export function adminNotice(admin: AdminBootstrap): string | null {
  if (!admin.created) return null;
  if (!admin.generatedPassword)
    return '已创建管理员账户 admin（首次登录须修改密码） / created account admin (must change its password at first sign-in)';
  return [
    '已创建管理员账户 admin，初始密码仅显示这一次，首次登录须修改：',
    'Created account admin; its initial password is shown only this once and must be changed at first sign-in:',
    `  admin / ${admin.generatedPassword}`,
  ].join('\n');
}
