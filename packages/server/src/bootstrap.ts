// Opening, migrating and seeding the database: shared by the server's start and the CLI.
import { migrateToLatest, openDb, resolveDbConfig, type DbHandle } from '@scimon/db';
import { catalogueDir, repoRoot } from './paths.ts';
import { loadCatalogue } from './modules/catalog/catalog.loader.ts';
import type { CatalogueProblem } from './modules/catalog/catalog.loader.ts';
import { seedCatalogue, type SeedSummary } from './modules/seed/seed.service.ts';
import type { Clock } from './clock.ts';

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
