// POST /api/data-values/batch (JSON writes with every import check; items may carry the version they
// started from, and a stale one is refused) and GET /api/data-values/{key}/history.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { batchRequest, dataValueHistory, importResult } from '@scimon/contracts';
import type { AppDeps } from '../../deps.ts';
import { auditContext } from '../../plugins/auth-context.ts';
import { requirePermission } from '../../plugins/authorize.ts';
import { ApiError } from '../../plugins/errors.ts';
import { importBatch } from '../imports/import.service.ts';
import { importLimitsFromEnv } from '../imports/import.limits.ts';
import { requireWriter } from '../imports/imports.routes.ts';
import { findValueWithHistory } from './data-values.history.repository.ts';
import { revisionsOf } from '../workflow/workflow.repository.ts';

/** `indicator:org_unit:period:source`, e.g. `gdp:CD-XLH:2024:report`. */
export function parseValueKey(key: string) {
  const parts = key.split(':');
  if (parts.length !== 4 || parts.some((p) => p === '')) return null;
  const [indicator, orgUnit, period, source] = parts as [string, string, string, string];
  return { indicator, orgUnit, period, source };
}

export const dataValueWriteRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const limits = importLimitsFromEnv();

    r.post(
      '/api/data-values/batch',
      {
        schema: {
          tags: ['data'],
          summary:
            'Write values as JSON with every import check (dryRun, acceptWarnings; version for stale-edit refusal)',
          body: batchRequest,
          response: { 200: importResult, 409: importResult, 422: importResult },
        },
        bodyLimit: 64 * 1024 * 1024,
      },
      async (req, reply) => {
        const user = await requireWriter(req, deps);
        const result = await importBatch(deps.db, req.body, {
          principal: user,
          channel: 'batch',
          acceptWarnings: req.body.acceptWarnings ?? false,
          dryRun: req.body.dryRun ?? false,
          audit: auditContext(req, deps),
          limits,
        });
        return reply
          .status(
            result.ok
              ? 200
              : result.problems.some((p) => p.code === 'E_DATA_VALUE_STALE' || p.code === 'E_IMPORT_CONFLICT')
                ? 409
                : 422,
          )
          .send(result);
      },
    );

    r.get(
      '/api/data-values/:key/history',
      {
        schema: {
          tags: ['data'],
          summary:
            'Every version of one value (who, when, old and new value, why, basis); key = indicator:org_unit:period:source',
          params: z.object({ key: z.string().max(200) }),
          response: { 200: dataValueHistory },
        },
      },
      async (req) => {
        const k = parseValueKey(req.params.key);
        if (!k) throw new ApiError('E_DATA_VALUE_KEY', { key: req.params.key });
        await requirePermission(req, deps, 'data.read_unpublished', { orgUnit: k.orgUnit });
        const found = await findValueWithHistory(deps.db.db, k);
        if (!found) throw new ApiError('E_DATA_VALUE_NOT_FOUND', { key: req.params.key });
        let previous: number | null = null;
        // Every writer copies the value's basis into its history row, so each row states the basis in force.
        const items = found.history.map((h) => {
          const entry = {
            version: Number(h.version),
            action: h.action,
            value: h.value === null ? null : Number(h.value),
            previousValue: previous,
            status: h.status,
            comment: h.comment,
            basis: h.basis,
            sourceRef: h.source_ref,
            changedBy: h.changed_by,
            changedAt: h.changed_at,
          };
          previous = entry.value;
          return entry;
        });
        return {
          key: req.params.key,
          ...k,
          current: {
            value: found.current.value === null ? null : Number(found.current.value),
            version: Number(found.current.version),
            status: found.current.status,
          },
          items,
          revisions:
            (await revisionsOf(deps.db.db, [Number(found.current.id)])).get(Number(found.current.id)) ?? [],
        };
      },
    );
  };
