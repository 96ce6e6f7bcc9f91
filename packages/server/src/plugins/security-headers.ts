// Security headers (helmet's: CSP, HSTS, X-Frame-Options, …) rendered once at start-up and set on every
// reply in one step. Run per request, helmet rebuilds its middleware chain and re-renders the policy each
// time, a measurable share of what a cached API response costs; the options here are static, so the
// headers are too.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/** The headers helmet sets with these options (lower-case names). Only static options are accepted. */
export function securityHeaders(options: HelmetOptions): Readonly<Record<string, string>> {
  const csp = options.contentSecurityPolicy;
  if (csp && typeof csp === 'object') {
    for (const [name, values] of Object.entries(csp.directives ?? {})) {
      if (values && typeof values === 'object' && [...values].some((v) => typeof v === 'function'))
        throw new Error(`security headers: directive ${name} is computed per request; not supported`);
    }
  }
  const headers: Record<string, string> = {};
  const res = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
      return res;
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  let completed = false;
  helmet(options)({} as IncomingMessage, res as unknown as ServerResponse, (err?: unknown) => {
    if (err) throw err;
    completed = true;
  });
  if (!completed) throw new Error('security headers: helmet did not complete synchronously');
  return Object.freeze(headers);
}

/** Sets the headers on every reply, errors and 404s included (the first onRequest hook, as helmet was). */
export function registerSecurityHeaders(app: FastifyInstance, options: HelmetOptions): void {
  const headers = securityHeaders(options);
  app.addHook('onRequest', (_req, reply, done) => {
    reply.headers(headers);
    done();
  });
}
