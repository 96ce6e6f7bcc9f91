import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { dataValue, dataValueQuery, listOf } from '@scimon/contracts';
import type { AppDeps } from '../../deps.ts';
import { findDataValues } from './data-values.repository.ts';
import { revisionsOf } from '../workflow/workflow.repository.ts';

export const dataValueRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (app) => {
    app.withTypeProvider<ZodTypeProvider>().get(
      '/api/data-values',
      {
        schema: {
          tags: ['data'],
          summary:
            'Published data values, filtered by indicator, org unit, period and source (sample = 示例数据)',
          querystring: dataValueQuery,
          response: { 200: listOf(dataValue) },
        },
      },
      async (req) => {
        // Only published values are public; reviewed reads for signed-in users arrive with accounts.
        const rows = await findDataValues(deps.db.db, { ...req.query, statuses: ['published'] });
        // Revised after publication (修订): the old published values stay visible with date and reason.
        const revisions = await revisionsOf(
          deps.db.db,
          rows.filter((r) => r.source !== 'sample').map((r) => Number(r.id)),
        );
        return {
          items: rows.map((r) => ({
            id: Number(r.id),
            revisions: revisions.get(Number(r.id)) ?? [],
            indicator: r.indicator_code,
            orgUnit: r.org_unit_code,
            period: r.period_code,
            source: r.source,
            value: r.value,
            status: r.status,
            version: r.version,
            comment: r.comment,
            sourceRef: r.source_ref,
            sample: r.source === 'sample',
            updatedAt: r.updated_at,
          })),
        };
      },
    );
  };
