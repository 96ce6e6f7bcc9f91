// Starts the platform: open the database, migrate, seed the catalogue, serve HTTP.
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import {
  adminNotice,
  ensureAdminAccount,
  migrate,
  openConfiguredDb,
  seedFromCatalogue,
} from './bootstrap.ts';
import { authConfigFromEnv } from './modules/auth/auth.config.ts';
import { systemClock } from './clock.ts';
import { appVersion } from './version.ts';
import { webDistDir } from './paths.ts';
import { formatProblem } from './modules/catalog/catalog.loader.ts';

export interface StartedServer {
  app: FastifyInstance;
  url: string;
  close(): Promise<void>;
}

export async function startServer(env: NodeJS.ProcessEnv = process.env): Promise<StartedServer> {
  const clock = systemClock(env);
  const handle = openConfiguredDb(env);
  try {
    await migrate(handle);
    const seeded = await seedFromCatalogue(handle, clock);
    if (!seeded.ok) {
      const lines = seeded.problems.map((p) => formatProblem(p, 'zh-CN')).join('\n');
      throw new Error(`目录数据有误，未启动 / catalogue has problems, not started:\n${lines}`);
    }
    const notice = adminNotice(await ensureAdminAccount(handle, clock, env));
    if (notice) process.stderr.write(`${notice}\n`);
    const app = await buildApp(
      { db: handle, clock, version: appVersion, auth: authConfigFromEnv(env) },
      {
        logger: env.SCIMON_LOG === 'silent' ? false : { level: env.LOG_LEVEL ?? 'info' },
        webRoot: webDistDir,
      },
    );
    const port = Number(env.PORT ?? 8080);
    const host = env.HOST ?? '127.0.0.1';
    await app.listen({ port, host });
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    return {
      app,
      url,
      close: async () => {
        await app.close();
        await handle.close();
      },
    };
  } catch (e) {
    await handle.close();
    throw e;
  }
}
