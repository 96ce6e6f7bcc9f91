// User administration (admin only).
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createUserRequest, createUserResponse, listOf, roleGrant, userSummary } from '@scimon/contracts';
import type { AppDeps } from '../../deps.ts';
import { requirePermission } from '../../plugins/authorize.ts';
import { auditContext } from '../../plugins/auth-context.ts';
import { unwrap } from '../../plugins/unwrap.ts';
import { createUser, disableUser, getUsers, grantRole, revokeRole } from './users.service.ts';

const userParams = z.object({ username: z.string().min(1).max(64) });

export const userRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const db = deps.db.db;
    const tags = ['users'];

    r.get(
      '/api/users',
      { schema: { tags, summary: 'Users with their roles', response: { 200: listOf(userSummary) } } },
      async (req) => {
        await requirePermission(req, deps, 'users.manage');
        return { items: await getUsers(db) };
      },
    );

    r.post(
      '/api/users',
      {
        schema: {
          tags,
          summary: 'Create a user with a first role; a blank password is generated and returned once',
          body: createUserRequest,
          response: { 201: createUserResponse },
        },
      },
      async (req, reply) => {
        await requirePermission(req, deps, 'users.manage');
        const created = unwrap(await createUser(db, deps.auth, auditContext(req, deps), req.body));
        return reply.status(201).send(created);
      },
    );

    r.post(
      '/api/users/:username/roles',
      { schema: { tags, summary: 'Grant a role on a scope', params: userParams, body: roleGrant } },
      async (req, reply) => {
        await requirePermission(req, deps, 'users.manage');
        unwrap(await grantRole(db, auditContext(req, deps), req.params.username, req.body));
        return reply.status(204).send();
      },
    );

    r.delete(
      '/api/users/:username/roles/:role/:scope',
      { schema: { tags, summary: 'Revoke a role', params: userParams.extend(roleGrant.shape) } },
      async (req, reply) => {
        await requirePermission(req, deps, 'users.manage');
        unwrap(
          await revokeRole(db, auditContext(req, deps), req.params.username, {
            role: req.params.role,
            scope: req.params.scope,
          }),
        );
        return reply.status(204).send();
      },
    );

    r.post(
      '/api/users/:username/disable',
      { schema: { tags, summary: 'Disable a user and end its sessions', params: userParams } },
      async (req, reply) => {
        await requirePermission(req, deps, 'users.manage');
        unwrap(await disableUser(db, auditContext(req, deps), req.params.username));
        return reply.status(204).send();
      },
    );
  };
