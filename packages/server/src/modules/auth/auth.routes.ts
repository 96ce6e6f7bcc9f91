// Sign-in, sign-out, who am I, change my password.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { loginRequest, passwordChangeRequest, principal } from '@scimon/contracts';
import type { AppDeps } from '../../deps.ts';
import { unwrap } from '../../plugins/unwrap.ts';
import {
  auditContext,
  clearAuthCookies,
  cookieOptions,
  CSRF_COOKIE,
  SESSION_COOKIE,
} from '../../plugins/auth-context.ts';
import { requireUser } from '../../plugins/authorize.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { changePassword, login, logout, toPrincipal } from './auth.service.ts';

export const authRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const db = deps.db.db;

    r.post(
      '/api/auth/login',
      {
        config: { rateLimit: { max: deps.auth.loginRateLimit, timeWindow: '1 minute' } },
        schema: {
          tags: ['auth'],
          summary: 'Sign in: sets the session and CSRF cookies',
          body: loginRequest,
          response: { 200: principal },
        },
      },
      async (req, reply) => {
        const result = await login(db, deps.auth, req.body.username, req.body.password, {
          clientAddress: req.ip,
          nowMs: deps.clock.epochMs(),
          nowIso: deps.clock.now(),
        });
        const ctx = auditContext(req, deps, req.body.username);
        if (!result.ok) {
          await recordAudit(db, ctx, {
            action: result.error.code === 'E_AUTH_LOCKED' ? 'auth.login_locked' : 'auth.login_failed',
            objectType: 'user',
            objectId: req.body.username,
          });
          return unwrap(result);
        }
        await recordAudit(db, ctx, { action: 'auth.login', objectType: 'user', objectId: req.body.username });
        reply.setCookie(SESSION_COOKIE, result.value.sessionToken, cookieOptions(req, true));
        reply.setCookie(CSRF_COOKIE, result.value.user.csrfToken!, cookieOptions(req, false));
        return toPrincipal(result.value.user);
      },
    );

    r.post('/api/auth/logout', { schema: { tags: ['auth'], summary: 'Sign out' } }, async (req, reply) => {
      if (req.auth?.sessionIdHash) {
        await logout(db, req.auth.sessionIdHash);
        await recordAudit(db, auditContext(req, deps), {
          action: 'auth.logout',
          objectType: 'user',
          objectId: req.auth.username,
        });
      }
      clearAuthCookies(req, reply);
      return reply.status(204).send();
    });

    r.get(
      '/api/auth/me',
      { schema: { tags: ['auth'], summary: 'The signed-in user, or 401', response: { 200: principal } } },
      async (req) => toPrincipal(requireUser(req)),
    );

    r.post(
      '/api/auth/password',
      {
        schema: {
          tags: ['auth'],
          summary: 'Change my password (required after the initial one)',
          body: passwordChangeRequest,
        },
      },
      async (req, reply) => {
        const user = requireUser(req);
        const result = await changePassword(
          db,
          deps.auth,
          user,
          req.body.currentPassword,
          req.body.newPassword,
          deps.clock.now(),
        );
        await recordAudit(db, auditContext(req, deps), {
          action: result.ok ? 'auth.password_changed' : 'auth.password_change_refused',
          objectType: 'user',
          objectId: user.username,
          after: result.ok
            ? undefined
            : { code: result.error.code, reason: result.error.params?.reason ?? null },
        });
        unwrap(result);
        return reply.status(204).send();
      },
    );
  };
