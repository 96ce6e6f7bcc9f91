// Resolves who is calling (session cookie or API token) before every route, enforces CSRF on
// cookie-authenticated writes, and holds users with an initial password to the password change.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../deps.ts';
import { resolveApiToken, resolveSession, type AuthenticatedUser } from '../modules/auth/auth.service.ts';
import { recordAudit } from '../modules/audit/audit.service.ts';
import { ApiError } from './errors.ts';

export const SESSION_COOKIE = 'scimon_session';
export const CSRF_COOKIE = 'scimon_csrf';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthenticatedUser | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Writes allowed before the session exists or while the initial password must be changed. */
const CSRF_EXEMPT = new Set(['/api/auth/login']);
const ALLOWED_WHILE_MUST_CHANGE = new Set(['/api/auth/password', '/api/auth/logout', '/api/auth/login']);

const routePath = (req: FastifyRequest) => req.url.split('?')[0] ?? req.url;

/** Cookie attributes: httpOnly for the session, readable for the CSRF token; Secure behind TLS. */
export function cookieOptions(req: FastifyRequest, httpOnly: boolean) {
  return { path: '/', httpOnly, sameSite: 'lax' as const, secure: req.protocol === 'https' };
}

export function clearAuthCookies(req: FastifyRequest, reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, cookieOptions(req, true));
  reply.clearCookie(CSRF_COOKIE, cookieOptions(req, false));
}

export function registerAuthContext(app: FastifyInstance, deps: AppDeps): void {
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (req, reply) => {
    if (!req.url.startsWith('/api/')) return;
    const db = deps.db.db;
    const header = req.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      req.auth = await resolveApiToken(db, header.slice(7).trim());
      if (!req.auth) throw new ApiError('E_AUTH_REQUIRED');
      return;
    }
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      const found = await resolveSession(db, deps.auth, token, deps.clock.epochMs());
      if (found.state === 'valid') req.auth = found.user;
      else clearAuthCookies(req, reply);
    }
    if (!req.auth || req.auth.via !== 'session' || SAFE_METHODS.has(req.method)) return;
    const path = routePath(req);
    if (!CSRF_EXEMPT.has(path) && req.headers[CSRF_HEADER] !== req.auth.csrfToken) {
      await recordAudit(db, auditContext(req, deps), {
        action: 'auth.csrf_rejected',
        objectType: 'route',
        objectId: `${req.method} ${path}`,
      });
      throw new ApiError('E_AUTH_CSRF');
    }
    if (req.auth.mustChangePassword && !ALLOWED_WHILE_MUST_CHANGE.has(path))
      throw new ApiError('E_AUTH_MUST_CHANGE_PASSWORD');
  });
}

/** The audit context of a request: actor, time in Asia/Shanghai, request id and client address. */
export function auditContext(req: FastifyRequest, deps: AppDeps, actor?: string) {
  return {
    actor: actor ?? req.auth?.username ?? 'anonymous',
    at: deps.clock.now(),
    requestId: req.id,
    clientAddress: req.ip,
  };
}
