import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { framework, frameworkDetail, indicator, listOf } from '@scimon/contracts';
import type { AppDeps } from '../../deps.ts';
import { unwrap } from '../../plugins/unwrap.ts';
import { getFrameworkDetail, getFrameworkIndicators, getFrameworks } from './frameworks.service.ts';

const params = z.object({ code: z.string().min(1).max(40) });
const query = z.object({ version: z.coerce.number().int().min(1).optional() });

export const frameworkRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const db = deps.db.db;
    r.get(
      '/api/frameworks',
      {
        schema: {
          tags: ['frameworks'],
          summary: 'Indicator frameworks, every version',
          response: { 200: listOf(framework) },
        },
      },
      async () => ({ items: await getFrameworks(db) }),
    );
    r.get(
      '/api/frameworks/:code',
      {
        schema: {
          tags: ['frameworks'],
          summary: 'A framework (latest version unless `version`), with dimensions, indicators and targets',
          params,
          querystring: query,
          response: { 200: frameworkDetail },
        },
      },
      async (req) => unwrap(await getFrameworkDetail(db, req.params.code, req.query.version)),
    );
    r.get(
      '/api/frameworks/:code/indicators',
      {
        schema: {
          tags: ['frameworks'],
          summary: "A framework's indicators",
          params,
          querystring: query,
          response: { 200: listOf(indicator) },
        },
      },
      async (req) => ({
        items: unwrap(await getFrameworkIndicators(db, req.params.code, req.query.version)),
      }),
    );
  };
