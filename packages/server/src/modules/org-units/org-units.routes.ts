import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listOf, orgUnitNode, referenceRegion } from '@scimon/contracts';
import type { AppDeps } from '../../deps.ts';
import { getOrgUnitTree, getReferenceRegions } from './org-units.service.ts';
import { currentDataVersion } from '../monitoring/data-version.ts';
import { ResponseCache } from '../monitoring/monitoring.cache.ts';
import { sendStored, serializerOf } from '../../plugins/stored-response.ts';

const treeResponse = listOf(orgUnitNode);

export const orgUnitRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    // The tree is only written by seeding, in the transaction that bumps the data version: its serialised
    // response is kept per (data version, date).
    const trees = new ResponseCache(50);
    const serializeTree = serializerOf(treeResponse, '/api/org-units');
    r.get(
      '/api/org-units',
      {
        schema: {
          tags: ['org-units'],
          summary:
            'The 一城多园 tree as nested nodes (valid on `date`, default today); coordinates are approximate',
          querystring: z.object({ date: z.iso.date().optional() }),
          response: { 200: treeResponse },
        },
      },
      async (req, reply) => {
        const date = req.query.date ?? deps.clock.today();
        const version = await currentDataVersion(deps.db.db);
        const res = await trees.get(
          version,
          date,
          async () => ({ items: await getOrgUnitTree(deps.db.db, date) }),
          serializeTree,
        );
        return sendStored(req, reply, res);
      },
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
