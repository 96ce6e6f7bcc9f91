// Statistics coordination routes: the queue (readers of unpublished data, within their scope), resolving
// an item (data.review on the org unit) and the settings (read: signed in; change: admin, coordinator).
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  coordinationItem,
  coordinationQuery,
  coordinationSettings,
  coordinationSettingsView,
  resolveBody,
} from '@scimon/contracts';
import type { AppDeps } from '../../deps.ts';
import { unwrap } from '../../plugins/unwrap.ts';
import { requirePermission, requireUser } from '../../plugins/authorize.ts';
import { auditContext } from '../../plugins/auth-context.ts';
import { isAllowed } from '../auth/policy.ts';
import { getSettings, listItems, putSettings, resolveItem } from './coordination.service.ts';

const tags = ['coordination'];

export const coordinationRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/api/coordination',
      {
        schema: {
          tags,
          summary:
            'Cells whose sources differ beyond the tolerance (指标统计协调): open, resolved or all, within your scope',
          querystring: coordinationQuery,
          response: { 200: z.array(coordinationItem) },
        },
      },
      async (req) => {
        if (req.query.orgUnit)
          await requirePermission(req, deps, 'data.read_unpublished', { orgUnit: req.query.orgUnit });
        else {
          const user = requireUser(req);
          // Someone who may read unpublished data nowhere is refused (and audited), not shown an empty list.
          const anywhere = user.roles.some((g) =>
            isAllowed({ roles: [g] }, 'data.read_unpublished', { orgUnitPath: [g.scope] }),
          );
          if (!anywhere) await requirePermission(req, deps, 'data.read_unpublished');
        }
        return unwrap(await listItems(deps.db.db, req.auth!, req.query));
      },
    );

    r.post(
      '/api/coordination/resolve',
      {
        schema: {
          tags,
          summary:
            'Resolve an item: choose a source or enter the accepted value, with a reason (reviewer of the org unit)',
          body: resolveBody,
          response: { 200: coordinationItem },
        },
      },
      async (req) => {
        await requirePermission(req, deps, 'data.review', { orgUnit: req.body.orgUnit });
        return unwrap(await resolveItem(deps.db.db, req.body, auditContext(req, deps)));
      },
    );

    r.get(
      '/api/coordination/settings',
      {
        schema: {
          tags,
          summary: 'Relative tolerance and source precedence of statistics coordination',
          response: { 200: coordinationSettingsView },
        },
      },
      async (req) => {
        requireUser(req);
        return getSettings(deps.db.db);
      },
    );

    r.put(
      '/api/coordination/settings',
      {
        schema: {
          tags,
          summary: 'Change the tolerance or the source precedence (administrator, coordinator; audited)',
          body: coordinationSettings,
          response: { 200: coordinationSettingsView },
        },
      },
      async (req) => {
        await requirePermission(req, deps, 'coordination.configure');
        return unwrap(await putSettings(deps.db.db, req.body, auditContext(req, deps)));
      },
    );
  };
