// Maps coded failures to HTTP statuses and localised messages (zh-CN by default, en-US on request).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { errorCatalogue, errorMessage, type ErrorBody, type ErrorCode, type Locale } from '@scimon/contracts';

/** A coded failure a route hands to the error plugin (services return Result; routes throw this). */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, unknown> = {},
  ) {
    super(code);
  }
}

/** The caller's language: `?lang=`, else Accept-Language, else zh-CN. */
export function requestLocale(req: FastifyRequest): Locale {
  // Read from the raw URL: route schemas strip query parameters they do not declare.
  const q = new URLSearchParams(req.url.split('?')[1] ?? '').get('lang');
  if (q === 'en-US' || q === 'en') return 'en-US';
  if (q === 'zh-CN' || q === 'zh') return 'zh-CN';
  const header = req.headers['accept-language'] ?? '';
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en-US' : 'zh-CN';
}

function send(reply: FastifyReply, req: FastifyRequest, code: ErrorCode, params: Record<string, unknown>) {
  const body: ErrorBody = {
    error: { code, message: errorMessage(code, requestLocale(req), params), params, requestId: req.id },
  };
  return reply.status(errorCatalogue[code].status).send(body);
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, req, reply) => {
    if (error instanceof ApiError) return send(reply, req, error.code, error.params);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const detail = error.validation.map((v) => `${v.instancePath} ${v.message ?? ''}`.trim()).join('; ');
      return send(reply, req, 'E_REQUEST_INVALID', { detail });
    }
    const status = (error as { statusCode?: number }).statusCode;
    if (status === 429) return send(reply, req, 'E_RATE_LIMITED', {});
    if (status && status >= 400 && status < 500) {
      return send(reply, req, 'E_REQUEST_INVALID', { detail: (error as Error).message });
    }
    req.log.error({ err: error }, 'unhandled error');
    return send(reply, req, 'E_INTERNAL', { requestId: req.id });
  });
}
