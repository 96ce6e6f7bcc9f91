// GET /api/exports: the long-layout export (.csv by default, or .xlsx) of every stored value in scope.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { exportQuery } from '@scimon/contracts';
import type { AppDeps } from '../../deps.ts';
import { requirePermission } from '../../plugins/authorize.ts';
import { unwrap } from '../../plugins/unwrap.ts';
import { exportRows, toCsv } from './export.service.ts';
import { toXlsx } from './export.xlsx.ts';

export const exportRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (app) => {
    app.withTypeProvider<ZodTypeProvider>().get(
      '/api/exports',
      {
        schema: {
          tags: ['data'],
          summary: 'Export stored values (all sources and statuses) as CSV or XLSX',
          querystring: exportQuery,
        },
      },
      async (req, reply) => {
        const q = req.query;
        // Unpublished values: a whole export needs a whole-tree reader; an org unit's, a reader of that unit.
        await requirePermission(req, deps, 'data.read_unpublished', { orgUnit: q.orgUnit ?? 'WSC' });
        const rows = unwrap(await exportRows(deps.db.db, q));
        const xlsx = q.format === 'xlsx';
        return reply
          .header(
            'content-type',
            xlsx
              ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
              : 'text/csv; charset=utf-8',
          )
          .header('content-disposition', `attachment; filename="export.${xlsx ? 'xlsx' : 'csv'}"`)
          .send(xlsx ? await toXlsx(rows) : toCsv(rows));
      },
    );
  };
