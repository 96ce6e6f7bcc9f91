// POST /api/imports: a multipart upload (.csv or .xlsx) with ?dryRun=true; and the template download.
// 200 with the result when accepted (or a clean dry run), 422 with the same body when refused.
import multipart from '@fastify/multipart';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { importQuery, importResult } from '@scimon/contracts';
import type { AppDeps } from '../../deps.ts';
import { auditContext } from '../../plugins/auth-context.ts';
import { requirePermission, requireUser } from '../../plugins/authorize.ts';
import { unwrap } from '../../plugins/unwrap.ts';
import { importFile } from './import.service.ts';
import { importLimitsFromEnv } from './import.limits.ts';
import { FILE_LEVEL, problem } from './import.problems.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { ApiError } from '../../plugins/errors.ts';
import { buildTemplate } from '../templates/template.service.ts';

const WRITERS = new Set(['admin', 'coordinator', 'reporter', 'reviewer']);

/** Signed in with a role that writes data somewhere (row scopes are checked per row). */
export async function requireWriter(req: FastifyRequest, deps: AppDeps) {
  const user = requireUser(req);
  if (!user.roles.some((g) => WRITERS.has(g.role))) await requirePermission(req, deps, 'data.write');
  return user;
}

export const importRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (app) => {
    const limits = importLimitsFromEnv();
    await app.register(multipart, { limits: { fileSize: limits.maxFileBytes, files: 1, fields: 10 } });
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.post(
      '/api/imports',
      {
        schema: {
          tags: ['data'],
          summary: 'Import a .csv or .xlsx (template or long layout); ?dryRun=true checks without writing',
          querystring: importQuery,
          response: { 200: importResult, 422: importResult },
        },
      },
      async (req, reply) => {
        const user = await requireWriter(req, deps);
        const q = req.query;
        const audit = auditContext(req, deps);
        const part = await req.file();
        if (!part) throw new ApiError('E_REQUEST_INVALID', { detail: 'file missing' });
        let buffer: Buffer;
        try {
          buffer = await part.toBuffer();
        } catch {
          // Over the size limit: refused like a bad value, with nothing stored.
          const p = problem(FILE_LEVEL, 'E_IMPORT_TOO_LARGE', null, {
            what: 'bytes',
            actual: `>${limits.maxFileBytes}`,
            limit: limits.maxFileBytes,
          });
          await recordAudit(deps.db.db, audit, {
            action: 'import.refused',
            objectType: 'import',
            after: { channel: 'upload', filename: part.filename, problems: 1 },
          });
          const summary = { created: 0, updated: 0, unchanged: 0, warned: 0 };
          return reply.status(422).send({
            ok: false,
            dryRun: q.dryRun === 'true',
            summary,
            problems: [p],
            notices: [],
            encoding: null,
            importId: null,
          });
        }
        const result = await importFile(
          deps.db,
          { buffer, filename: part.filename, mediaType: part.mimetype },
          {
            principal: user,
            channel: 'upload',
            defaultSource: q.source,
            acceptWarnings: q.acceptWarnings === 'true',
            dryRun: q.dryRun === 'true',
            audit,
            limits,
          },
        );
        return reply.status(result.ok ? 200 : 422).send(result);
      },
    );

    r.get(
      '/api/templates',
      {
        schema: {
          tags: ['data'],
          summary:
            'The reporting template (.xlsx) for an org unit (a park, or every park of a zone) and a period',
          querystring: z.object({
            orgUnit: z.string().min(1).max(40),
            period: z.string().min(1).max(20),
            framework: z.string().max(40).optional(),
          }),
        },
      },
      async (req, reply) => {
        await requirePermission(req, deps, 'data.write', { orgUnit: req.query.orgUnit });
        const t = unwrap(await buildTemplate(deps.db.db, req.query));
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="${t.filename}"`)
          .send(t.buffer);
      },
    );
  };
