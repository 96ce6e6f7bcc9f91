// The headers rendered once equal those @fastify/helmet sets per request with the app's options, on a
// plain reply, a 304, an error and a 404.
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyHelmet from '@fastify/helmet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { securityHeaderOptions } from '../app.ts';
import { registerSecurityHeaders, securityHeaders } from './security-headers.ts';

const HTTP_HEADERS = new Set(['content-type', 'content-length', 'date', 'connection', 'keep-alive', 'etag']);

async function appWith(register: (app: FastifyInstance) => Promise<void>): Promise<FastifyInstance> {
  const app = Fastify();
  await register(app);
  app.get('/ok', async () => ({ ok: true }));
  app.get('/stored', async (req, reply) => {
    reply.header('etag', '"x"');
    return req.headers['if-none-match'] === '"x"' ? reply.code(304).send() : reply.send({ ok: true });
  });
  app.get('/fails', async () => {
    throw Object.assign(new Error('denied'), { statusCode: 403 });
  });
  await app.ready();
  return app;
}

const security = (headers: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(headers).filter(([name]) => !HTTP_HEADERS.has(name)));

describe('security headers', () => {
  let reference: FastifyInstance;
  let once: FastifyInstance;
  beforeAll(async () => {
    reference = await appWith(async (app) => {
      await app.register(fastifyHelmet, securityHeaderOptions);
    });
    once = await appWith(async (app) => registerSecurityHeaders(app, securityHeaderOptions));
  });
  afterAll(async () => {
    await reference.close();
    await once.close();
  });

  it.each([
    ['/ok', {}],
    ['/stored', { 'if-none-match': '"x"' }],
    ['/fails', {}],
    ['/missing', {}],
  ])('%s carries the same headers as per-request helmet', async (url, headers) => {
    const a = await reference.inject({ method: 'GET', url, headers });
    const b = await once.inject({ method: 'GET', url, headers });
    expect(b.statusCode).toBe(a.statusCode);
    expect(Object.keys(security(a.headers)).length).toBeGreaterThanOrEqual(10);
    expect(security(b.headers)).toEqual(security(a.headers));
    expect(b.body).toBe(a.body);
  });

  it('keeps the policy of the web app', () => {
    expect(securityHeaders(securityHeaderOptions)['content-security-policy']).toContain("script-src 'self';");
  });

  it('refuses directives computed per request', () => {
    expect(() =>
      securityHeaders({
        contentSecurityPolicy: { directives: { scriptSrc: ["'self'", () => "'nonce-x'"] } },
      }),
    ).toThrow(/scriptSrc/);
  });
});
