// buildApp(deps): the whole HTTP application, without listening (tests use inject()).
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { HelmetOptions } from 'helmet';
import type { AppDeps } from './deps.ts';
import { registerErrorHandling } from './plugins/errors.ts';
import { featureRoutes } from './modules/registry.ts';
import { ApiError } from './plugins/errors.ts';
import { registerAuthContext } from './plugins/auth-context.ts';
import { registerWebApp } from './plugins/web-app.ts';
import { registerSecurityHeaders } from './plugins/security-headers.ts';

export interface BuildOptions {
  logger?: FastifyServerOptions['logger'];
  /** The built web app (packages/web/dist): served with an SPA fallback when it exists. */
  webRoot?: string;
}

/** Helmet's options for every response (plugins/security-headers.ts renders them once). */
export const securityHeaderOptions = {
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
    },
  },
} as const satisfies HelmetOptions;

export async function buildApp(deps: AppDeps, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false, genReqId: () => crypto.randomUUID() });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);

  registerSecurityHeaders(app, securityHeaderOptions);
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  registerAuthContext(app, deps);
  await app.register(swagger, {
    openapi: {
      info: { title: 'Science City Monitor API / 西部科学城建设监测评估平台接口', version: deps.version },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  for (const routes of featureRoutes) await app.register(routes(deps));

  const webRoot =
    options.webRoot && existsSync(path.join(options.webRoot, 'index.html')) ? options.webRoot : undefined;
  // From memory, precompressed, hashed assets cached for a year; files are looked up on first request, so a
  // rebuilt web app is served without a restart (plugins/web-app.ts).
  const web = webRoot ? registerWebApp(app, webRoot) : undefined;
  app.setNotFoundHandler(async (req, reply) => {
    // Deep links of the web app (/policy, /org-units, …) load the app, which routes on the client.
    if (web && req.method === 'GET' && !req.url.startsWith('/api/')) {
      const sent = await web.serve(req, reply);
      if (sent) return sent;
    }
    throw new ApiError('E_ROUTE_NOT_FOUND', { path: req.url.split('?')[0] });
  });
  return app;
}
