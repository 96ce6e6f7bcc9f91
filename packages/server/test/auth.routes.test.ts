// Every auth rule through the HTTP API on both dialects: sign-in, lock-out, idle time-out, CSRF,
// forced password change, user administration, scope and audit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { testDialects } from '../../../test-support/databases.ts';
import {
  createSeededApp,
  fixedClock,
  TEST_ADMIN_PASSWORD,
  type SeededApp,
} from '../../../test-support/app.ts';
import { authConfigFromEnv } from '../src/modules/auth/auth.config.ts';
import { createApiToken } from '../src/modules/users/users.service.ts';

// Response bodies are read loosely in assertions.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

/** A cookie jar over inject(): keeps the session and CSRF cookies like a browser. */
class Client {
  cookies = new Map<string, string>();
  constructor(readonly app: FastifyInstance) {}
  async send(
    method: 'GET' | 'POST' | 'DELETE',
    url: string,
    body?: unknown,
    opts: { csrf?: boolean; headers?: Record<string, string> } = {},
  ) {
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (opts.csrf !== false && this.cookies.has('scimon_csrf'))
      headers['x-csrf-token'] = this.cookies.get('scimon_csrf')!;
    const res = await this.app.inject({
      method,
      url,
      headers,
      ...(body === undefined ? {} : { payload: body as object }),
    });
    this.keep(res);
    return { status: res.statusCode, body: res.body ? (res.json() as Json) : null };
  }
  private keep(res: LightMyRequestResponse) {
    for (const c of res.cookies) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }
  login(username: string, password: string) {
    return this.send('POST', '/api/auth/login', { username, password });
  }
}

const NEW_ADMIN_PASSWORD = 'Tianfu-Lake-Chief-7391';

describe.each(testDialects())('accounts and authorisation on %s', (dialect) => {
  let s: SeededApp;
  const clock = fixedClock();
  beforeAll(async () => {
    s = await createSeededApp(dialect, clock);
  });
  afterAll(async () => s.close());

  it('answers anonymous /api/auth/me with 401 and keeps public reads open', async () => {
    const c = new Client(s.app);
    expect((await c.send('GET', '/api/auth/me')).body!.error.code).toBe('E_AUTH_REQUIRED');
    expect((await c.send('GET', '/api/policy/articles')).status).toBe(200);
  });

  it('gives the same answer for an unknown user and a wrong password', async () => {
    const c = new Client(s.app);
    const unknown = await c.login('nobody-here', 'whatever-password-1');
    const wrong = await c.login('admin', 'wrong-password-123');
    expect(unknown).toEqual({
      status: 401,
      body: expect.objectContaining({ error: expect.objectContaining({ code: 'E_AUTH_INVALID' }) }),
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body!.error.message).toBe(unknown.body!.error.message);
    expect(c.cookies.has('scimon_session')).toBe(false);
  });

  it('forces the initial admin password to change before anything else', async () => {
    const c = new Client(s.app);
    const login = await c.login('admin', TEST_ADMIN_PASSWORD);
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({
      username: 'admin',
      mustChangePassword: true,
      roles: [{ role: 'admin', scope: 'WSC' }],
    });
    expect(c.cookies.has('scimon_session')).toBe(true);
    const blocked = await c.send('POST', '/api/users', { username: 'early', role: 'viewer', scope: 'WSC' });
    expect(blocked.body!.error.code).toBe('E_AUTH_MUST_CHANGE_PASSWORD');
    const weak = async (newPassword: string) =>
      (await c.send('POST', '/api/auth/password', { currentPassword: TEST_ADMIN_PASSWORD, newPassword }))
        .body!.error;
    expect(await weak('short-1')).toMatchObject({
      code: 'E_AUTH_PASSWORD_WEAK',
      params: { reason: 'too_short', min: 12 },
    });
    expect(await weak('password1234')).toMatchObject({ params: { reason: 'too_common' } });
    expect(await weak('my-admin-password')).toMatchObject({ params: { reason: 'like_username' } });
    const en = await c.send(
      'POST',
      '/api/auth/password',
      { currentPassword: TEST_ADMIN_PASSWORD, newPassword: 'short' },
      { headers: { 'accept-language': 'en-US' } },
    );
    expect(en.body!.error.message).toBe('Password rejected: it needs at least 12 characters');
    const wrongCurrent = await c.send('POST', '/api/auth/password', {
      currentPassword: 'not-the-password',
      newPassword: NEW_ADMIN_PASSWORD,
    });
    expect(wrongCurrent.status).toBe(401);
    expect(
      (
        await c.send('POST', '/api/auth/password', {
          currentPassword: TEST_ADMIN_PASSWORD,
          newPassword: NEW_ADMIN_PASSWORD,
        })
      ).status,
    ).toBe(204);
    expect((await c.send('GET', '/api/auth/me')).body).toMatchObject({
      username: 'admin',
      mustChangePassword: false,
    });
  });

  it('refuses a state-changing request without the CSRF token', async () => {
    const c = new Client(s.app);
    await c.login('admin', NEW_ADMIN_PASSWORD);
    const r = await c.send(
      'POST',
      '/api/users',
      { username: 'csrf-test', role: 'viewer', scope: 'WSC' },
      { csrf: false },
    );
    expect(r.status).toBe(403);
    expect(r.body!.error.code).toBe('E_AUTH_CSRF');
    const forged = await c.send(
      'POST',
      '/api/users',
      { username: 'csrf-test', role: 'viewer', scope: 'WSC' },
      { csrf: false, headers: { 'x-csrf-token': 'forged' } },
    );
    expect(forged.body!.error.code).toBe('E_AUTH_CSRF');
    expect(
      (await c.send('GET', '/api/users')).body!.items.map((u: { username: string }) => u.username),
    ).not.toContain('csrf-test');
  });

  it('lets the admin create a reporter for one park, who then signs in', async () => {
    const admin = new Client(s.app);
    await admin.login('admin', NEW_ADMIN_PASSWORD);
    const created = await admin.send('POST', '/api/users', {
      username: 'park.reporter',
      role: 'reporter',
      scope: 'CD-XLH',
    });
    expect(created.status).toBe(201);
    const pw = created.body!.generatedPassword as string;
    expect(pw.length).toBeGreaterThanOrEqual(12);
    const dup = await admin.send('POST', '/api/users', {
      username: 'park.reporter',
      role: 'reporter',
      scope: 'CD-XLH',
    });
    expect(dup.status).toBe(409);
    const badScope = await admin.send('POST', '/api/users', {
      username: 'owner.x',
      role: 'task_owner',
      scope: 'CD-XLH',
    });
    expect(badScope.body!.error).toMatchObject({ code: 'E_SCOPE_UNKNOWN' });
    expect(
      (await admin.send('POST', '/api/users', { username: 'owner.most', role: 'task_owner', scope: 'MOST' }))
        .status,
    ).toBe(201);

    const reporter = new Client(s.app);
    expect((await reporter.login('park.reporter', pw)).body).toMatchObject({
      mustChangePassword: true,
      roles: [{ role: 'reporter', scope: 'CD-XLH' }],
    });
    expect(
      (
        await reporter.send('POST', '/api/auth/password', {
          currentPassword: pw,
          newPassword: 'Xinglong-Lake-Report-26',
        })
      ).status,
    ).toBe(204);
    // Not an admin: user administration is refused, and the denial is audited.
    const denied = await reporter.send('GET', '/api/users');
    expect(denied.status).toBe(403);
    expect(denied.body!.error.code).toBe('E_AUTH_FORBIDDEN');
    const audit = await admin.send('GET', '/api/audit?action=auth.denied');
    expect(audit.body!.items[0]).toMatchObject({ actor: 'park.reporter', action: 'auth.denied' });
    expect(audit.body!.items[0].at).toMatch(/\+08:00$/);
    // The reporter cannot read the audit log either.
    expect((await reporter.send('GET', '/api/audit')).status).toBe(403);
  });

  it('ends a session after the idle time-out', async () => {
    const c = new Client(s.app);
    await c.login('admin', NEW_ADMIN_PASSWORD);
    clock.advance(29 * 60_000);
    expect((await c.send('GET', '/api/auth/me')).status).toBe(200);
    clock.advance(31 * 60_000);
    expect((await c.send('GET', '/api/auth/me')).status).toBe(401);
  });

  it('locks an account after 5 failures within 15 minutes, then lets it in again', async () => {
    const c = new Client(s.app);
    for (let i = 0; i < 5; i++) expect((await c.login('owner.most', 'wrong-password-xx')).status).toBe(401);
    const locked = await c.login('admin', 'irrelevant-pass-1');
    expect(locked.status).toBe(401); // another account is not affected
    const sixth = await c.login('owner.most', 'wrong-password-xx');
    expect(sixth.status).toBe(423);
    expect(sixth.body!.error).toMatchObject({ code: 'E_AUTH_LOCKED', params: { minutes: 15 } });
    clock.advance(16 * 60_000);
    expect((await c.login('owner.most', 'wrong-password-xx')).status).toBe(401);
  });

  it('signs out, and a disabled user loses its sessions at once', async () => {
    const admin = new Client(s.app);
    await admin.login('admin', NEW_ADMIN_PASSWORD);
    const r = await admin.send('POST', '/api/users', {
      username: 'soon.gone',
      role: 'viewer',
      scope: 'WSC',
      password: 'Temporary-Viewer-2026',
    });
    expect(r.body!.generatedPassword).toBeNull();
    const viewer = new Client(s.app);
    expect((await viewer.login('soon.gone', 'Temporary-Viewer-2026')).status).toBe(200);
    expect((await admin.send('POST', '/api/users/soon.gone/disable')).status).toBe(204);
    expect((await viewer.send('GET', '/api/auth/me')).status).toBe(401);
    expect((await viewer.login('soon.gone', 'Temporary-Viewer-2026')).status).toBe(401);
    expect((await admin.send('POST', '/api/auth/logout')).status).toBe(204);
    expect((await admin.send('GET', '/api/auth/me')).status).toBe(401);
  });

  it('grants and revokes roles, audited with before and after', async () => {
    const admin = new Client(s.app);
    await admin.login('admin', NEW_ADMIN_PASSWORD);
    expect(
      (await admin.send('POST', '/api/users/park.reporter/roles', { role: 'viewer', scope: 'WSC-SC' }))
        .status,
    ).toBe(204);
    const roles = (await admin.send('GET', '/api/users')).body!.items.find(
      (u: { username: string }) => u.username === 'park.reporter',
    ).roles;
    expect(roles).toEqual([
      { role: 'reporter', scope: 'CD-XLH' },
      { role: 'viewer', scope: 'WSC-SC' },
    ]);
    expect((await admin.send('DELETE', '/api/users/park.reporter/roles/viewer/WSC-SC')).status).toBe(204);
    const events = (await admin.send('GET', '/api/audit?objectType=user&limit=500')).body!.items as {
      action: string;
      after: unknown;
      before: unknown;
    }[];
    expect(events.find((e) => e.action === 'user.role_granted')?.after).toEqual({
      role: 'viewer',
      scope: 'WSC-SC',
    });
    expect(events.find((e) => e.action === 'user.role_revoked')?.before).toEqual({
      role: 'viewer',
      scope: 'WSC-SC',
    });
    for (const a of [
      'auth.login',
      'auth.login_failed',
      'auth.login_locked',
      'auth.logout',
      'user.created',
      'user.disabled',
      'auth.password_changed',
    ]) {
      expect(events.map((e) => e.action)).toContain(a);
    }
  });

  it('accepts an API token without a CSRF token', async () => {
    const token = await createApiToken(s.t.db, { actor: 'test', at: clock.now() }, 'admin', 'uploads');
    expect(token.ok).toBe(true);
    const bearer = { authorization: `Bearer ${token.ok ? token.value : ''}` };
    const me = await s.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer });
    expect(me.json()).toMatchObject({ username: 'admin' });
    const list = await s.app.inject({ method: 'GET', url: '/api/users', headers: bearer });
    expect(list.statusCode).toBe(200);
    const bad = await s.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { authorization: 'Bearer scimon_not-a-token' },
    });
    expect(bad.statusCode).toBe(401);
  });
});

describe('login rate limit', () => {
  it('answers 429 past the per-minute limit', async () => {
    const s = await createSeededApp('sqlite', fixedClock(), { ...authConfigFromEnv({}), loginRateLimit: 3 });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) {
        codes.push(
          (
            await s.app.inject({
              method: 'POST',
              url: '/api/auth/login',
              payload: { username: `u${i}`, password: 'x' },
            })
          ).statusCode,
        );
      }
      expect(codes).toEqual([401, 401, 401, 429]);
    } finally {
      await s.close();
    }
  });
});
