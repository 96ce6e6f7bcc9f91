// Monitoring routes: public reads (published values for anonymous callers), cached per data version.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  targetChange,
  targetChangeQuery,
  targetChangeResult,
  monitoringOverview,
  monitoringQuery,
  monitoringSeries,
  monitoringWarnings,
  seriesQuery,
  warningsQuery,
} from '@scimon/contracts';
import type { AppDeps } from '../../deps.ts';
import { unwrap } from '../../plugins/unwrap.ts';
import { requirePermission } from '../../plugins/authorize.ts';
import { auditContext } from '../../plugins/auth-context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { changeTarget } from './targets.service.ts';
import {
  createMonitoringContext,
  getOverview,
  getSeries,
  getWarnings,
  visibilityOf,
} from './monitoring.service.ts';

const tags = ['monitoring'];

export const monitoringRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const ctx = createMonitoringContext(deps.db.db);
    const visibility = (req: FastifyRequest) => visibilityOf(ctx, req.auth);

    r.get(
      '/api/monitoring/overview',
      {
        schema: {
          tags,
          summary:
            "An org unit's targets (value, progress, Open SDG status, plan-review band), dimensions and warnings",
          querystring: monitoringQuery,
          response: { 200: monitoringOverview },
        },
      },
      async (req) =>
        unwrap(
          await getOverview(ctx, {
            ...req.query,
            asOf: req.query.asOf ?? deps.clock.today(),
            visibility: await visibility(req),
          }),
        ),
    );
    r.get(
      '/api/monitoring/series',
      {
        schema: {
          tags,
          summary:
            'One indicator at one org unit by year: stored, derived or rolled up, with completeness and sources',
          querystring: seriesQuery,
          response: { 200: monitoringSeries },
        },
      },
      async (req) => unwrap(await getSeries(ctx, { ...req.query, visibility: await visibility(req) })),
    );
    r.get(
      '/api/monitoring/warnings',
      {
        schema: {
          tags,
          summary: "Early warnings of an org unit's subtree (the whole tree by default)",
          querystring: warningsQuery,
          response: { 200: monitoringWarnings },
        },
      },
      async (req) =>
        unwrap(
          await getWarnings(ctx, {
            ...req.query,
            asOf: req.query.asOf ?? deps.clock.today(),
            visibility: await visibility(req),
          }),
        ),
    );
    r.put(
      '/api/frameworks/:code/targets/:indicator',
      {
        schema: {
          tags: ['frameworks'],
          summary:
            'Change a target (comparator, value, base year, target year): creates a new framework version (coordinator)',
          params: z.object({ code: z.string().min(1).max(40), indicator: z.string().min(1).max(60) }),
          querystring: targetChangeQuery,
          body: targetChange,
          response: { 200: targetChangeResult },
        },
      },
      async (req) => {
        await requirePermission(req, deps, 'framework.edit');
        const { before, ...result } = unwrap(
          await changeTarget(
            deps.db.db,
            req.params.code,
            req.params.indicator,
            req.query,
            req.body,
            deps.clock.now(),
          ),
        );
        if (result.created) {
          await recordAudit(deps.db.db, auditContext(req, deps), {
            action: 'framework.target_changed',
            objectType: 'target',
            objectId: `${req.params.code}/${result.target.indicator}/${result.target.orgUnit}/${before.year}`,
            before: { version: result.framework.previousVersion, ...before },
            after: { version: result.framework.version, ...result.target },
          });
        }
        return result;
      },
    );
  };
