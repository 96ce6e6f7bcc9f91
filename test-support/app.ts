// A seeded app on a fresh database of the given dialect, for route tests (inject(), no listening).
import type { FastifyInstance } from 'fastify';
import { buildApp } from '@scimon/server/app';
import { ensureAdminAccount, seedFromCatalogue } from '@scimon/server/bootstrap';
import { authConfigFromEnv, type AuthConfig } from '@scimon/server/modules/auth/auth.config';
import { toShanghaiIso, type Clock } from '@scimon/server/clock';
import type { DialectName } from '@scimon/db';
import { createTestDb, type TestDb } from './databases.ts';

/** A clock fixed on a date whose instant tests can move forward (`advance`). */
export function fixedClock(today = '2026-11-28'): Clock & { advance(ms: number): void } {
  let ms = Date.parse(`${today}T10:00:00+08:00`);
  return {
    today: () => today,
    now: () => toShanghaiIso(new Date(ms)),
    epochMs: () => ms,
    advance: (d: number) => {
      ms += d;
    },
  };
}

export interface SeededApp {
  app: FastifyInstance;
  t: TestDb;
  close(): Promise<void>;
}

/** The admin password the seeded test apps start with (must be changed at first sign-in). */
export const TEST_ADMIN_PASSWORD = 'Initial-Pass-Tianfu-2026';

export async function createSeededApp(
  dialect: DialectName,
  clock: Clock = fixedClock(),
  auth: AuthConfig = authConfigFromEnv({}),
): Promise<SeededApp> {
  const t = await createTestDb(dialect);
  const seeded = await seedFromCatalogue(t, clock);
  if (!seeded.ok) throw new Error(`catalogue problems: ${JSON.stringify(seeded.problems.slice(0, 3))}`);
  await ensureAdminAccount(t, clock, { SCIMON_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD });
  const app = await buildApp({ db: t, clock, version: 'test', auth });
  await app.ready();
  return {
    app,
    t,
    close: async () => {
      await app.close();
      await t.close();
    },
  };
}
