import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { healthResponse } from '@scimon/contracts';
import type { AppDeps } from '../../deps.ts';

export const healthRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (app) => {
    app
      .withTypeProvider<ZodTypeProvider>()
      .get(
        '/api/health',
        { schema: { tags: ['system'], summary: 'Liveness and storage', response: { 200: healthResponse } } },
        async () => ({ status: 'ok' as const, db: deps.db.dialect, version: deps.version }),
      );
  };
