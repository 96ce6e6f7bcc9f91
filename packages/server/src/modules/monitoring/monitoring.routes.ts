// Monitoring routes: public reads (published values for anonymous callers), cached per data version. The
// read routes keep their serialised responses (the same bytes the route's zod serializer produces), so a
// repeated request costs the version read and a lookup; a caller holding the current ETag gets a 304.
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
import { currentDataVersion } from './data-version.ts';
import { ResponseCache, type SerializedResponse } from './monitoring.cache.ts';
import { sendStored, serializerOf } from '../../plugins/stored-response.ts';

const tags = ['monitoring'];

export const monitoringRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const ctx = createMonitoringContext(deps.db.db);
    const visibility = (req: FastifyRequest) => visibilityOf(ctx, req.auth);
    const responses = new ResponseCache();
    const serialize = {
      overview: serializerOf(monitoringOverview, '/api/monitoring/overview'),
      series: serializerOf(monitoringSeries, '/api/monitoring/series'),
      warnings: serializerOf(monitoringWarnings, '/api/monitoring/warnings'),
    };
    /** The stored response of (route, parsed query, visibility, default date) at the current data version. */
    const cached = async <T>(
      route: keyof typeof serialize,
      key: string,
      compute: () => Promise<T>,
    ): Promise<SerializedResponse> =>
      responses.get(await currentDataVersion(deps.db.db), `${route}|${key}`, compute, serialize[route]);

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
      async (req, reply) => {
        const v = await visibility(req);
        const asOf = req.query.asOf ?? deps.clock.today();
        const key = `${v}|${asOf}|${JSON.stringify(req.query)}`;
        const res = await cached('overview', key, async () =>
          unwrap(await getOverview(ctx, { ...req.query, asOf, visibility: v })),
        );
        return sendStored(req, reply, res);
      },
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
      async (req, reply) => {
        const v = await visibility(req);
        const res = await cached('series', `${v}|${JSON.stringify(req.query)}`, async () =>
          unwrap(await getSeries(ctx, { ...req.query, visibility: v })),
        );
        return sendStored(req, reply, res);
      },
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
      async (req, reply) => {
        const v = await visibility(req);
        const asOf = req.query.asOf ?? deps.clock.today();
        const res = await cached('warnings', `${v}|${asOf}|${JSON.stringify(req.query)}`, async () =>
          unwrap(await getWarnings(ctx, { ...req.query, asOf, visibility: v })),
        );
        return sendStored(req, reply, res);
      },
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
