import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditPage, auditQuery } from '@scimon/contracts';
import type { AppDeps } from '../../deps.ts';
import { requirePermission } from '../../plugins/authorize.ts';
import { listAuditEvents } from './audit.service.ts';

export const auditRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (app) => {
    app.withTypeProvider<ZodTypeProvider>().get(
      '/api/audit',
      {
        schema: {
          tags: ['audit'],
          summary: 'The audit log, newest first (admin, coordinator)',
          querystring: auditQuery,
          response: { 200: auditPage },
        },
      },
      async (req) => {
        await requirePermission(req, deps, 'audit.read');
        return listAuditEvents(deps.db.db, req.query);
      },
    );
  };
