import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listOf, orgUnitNode, referenceRegion } from '@scimon/contracts';
import type { AppDeps } from '../../deps.ts';
import { getOrgUnitTree, getReferenceRegions } from './org-units.service.ts';

export const orgUnitRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/api/org-units',
      {
        schema: {
          tags: ['org-units'],
          summary:
            'The 一城多园 tree as nested nodes (valid on `date`, default today); coordinates are approximate',
          querystring: z.object({ date: z.iso.date().optional() }),
          response: { 200: listOf(orgUnitNode) },
        },
      },
      async (req) => ({ items: await getOrgUnitTree(deps.db.db, req.query.date ?? deps.clock.today()) }),
    );
    r.get(
      '/api/reference-regions',
      {
        schema: {
          tags: ['org-units'],
          summary: 'Reference regions (全国, provinces, cities): context only, never rolled up',
          response: { 200: listOf(referenceRegion) },
        },
      },
      async () => ({ items: await getReferenceRegions(deps.db.db) }),
    );
  };
