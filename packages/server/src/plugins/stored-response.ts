// Read routes that keep their serialised responses (modules/monitoring/monitoring.cache.ts ResponseCache):
// the bytes are made once by the route's own zod serializer and sent as they are, with an ETag; a caller
// that already holds them gets a 304.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { serializerCompiler } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { SerializedResponse } from '../modules/monitoring/monitoring.cache.ts';

/** The 200 serializer a route with this response schema uses (validates and strips like a plain return). */
export const serializerOf = (schema: z.ZodType, url: string) =>
  serializerCompiler({ schema, method: 'GET', url, httpStatus: '200' }) as (data: unknown) => string;

/** Sends a stored response: 304 when the caller already holds these bytes (If-None-Match), else the bytes. */
export function sendStored(req: FastifyRequest, reply: FastifyReply, res: SerializedResponse): FastifyReply {
  reply.header('etag', res.etag);
  if (req.headers['if-none-match'] === res.etag) return reply.code(304).send();
  return reply.type('application/json; charset=utf-8').send(res.body);
}
