// Lead units' filings and the coordinator's decisions on them: evidence upload (multipart), progress
// reports, accept/return, extension requests and decisions, closure sign-off, evidence download.
import { createReadStream } from 'node:fs';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  acceptReportRequest,
  closeTaskRequest,
  evidenceUploadResponse,
  extensionDecisionRequest,
  extensionRefusalRequest,
  extensionRequest,
  fileReportRequest,
  idParams,
  returnReportRequest,
  taskCodeParams,
} from '@scimon/contracts';
import { requirePermission } from '../../plugins/authorize.ts';
import { auditContext } from '../../plugins/auth-context.ts';
import { ApiError } from '../../plugins/errors.ts';
import { unwrap } from '../../plugins/unwrap.ts';
import type { AppDeps } from '../../deps.ts';
import { requireTaskReport } from './tasks.access.ts';
import { ALLOWED_LIST, findEvidenceFile, uploadEvidence, type IncomingFile } from './tasks.evidence.ts';
import { fileReport, reviewReport } from './tasks.reports.service.ts';
import { closeTask, decideExtension, requestExtension } from './tasks.extensions.service.ts';
import { getSettings } from './tasks.settings.ts';
import type { TaskRouteDeps } from './tasks.routes.ts';

const tags = ['tasks'];
const created = { 201: z.object({ id: z.number() }) };

const filingContext = (req: FastifyRequest, deps: AppDeps) => ({
  ...auditContext(req, deps),
  today: deps.clock.today(),
});

/** Reads every file of a multipart request into memory, bounded by the configured size limit. */
async function readFiles(req: FastifyRequest, maxBytes: number): Promise<IncomingFile[]> {
  if (!req.isMultipart()) throw new ApiError('E_TASK_EVIDENCE_MISSING');
  const files: IncomingFile[] = [];
  let current = '';
  try {
    for await (const part of req.parts({ limits: { fileSize: maxBytes } })) {
      if (part.type !== 'file') continue;
      current = part.filename;
      files.push({ fileName: part.filename, data: await part.toBuffer() });
    }
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE')
      throw new ApiError('E_TASK_EVIDENCE_TOO_LARGE', {
        file: current,
        limitMb: Math.round((maxBytes / 1048576) * 100) / 100,
      });
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT')
      throw new ApiError('E_REQUEST_INVALID', { detail: 'at most 10 files per upload' });
    throw e;
  }
  return files;
}

export async function filingRoutes(app: FastifyInstance, { deps, evidenceDir }: TaskRouteDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.db.db;

  r.post(
    '/api/tasks/:code/evidence',
    {
      schema: {
        tags,
        summary: 'Upload evidence files for a lead unit (multipart/form-data, files under `file`)',
        description: `Evidence is stored by SHA-256 and recorded unattached; list its ids in the report's evidenceIds. Allowed types: ${ALLOWED_LIST}. Size limit: the evidenceMaxBytes setting (default 10 MB) per file, at most 10 files; one file over the limit or of another type and nothing is stored.`,
        consumes: ['multipart/form-data'],
        params: taskCodeParams,
        querystring: z.object({ leadUnit: z.string().min(1).max(40) }),
        response: { 201: evidenceUploadResponse },
      },
    },
    async (req, reply) => {
      await requireTaskReport(req, deps, req.params.code, req.query.leadUnit);
      const settings = await getSettings(db);
      const files = await readFiles(req, settings.evidenceMaxBytes);
      const items = unwrap(
        await uploadEvidence(
          db,
          auditContext(req, deps),
          evidenceDir,
          req.params.code,
          req.query.leadUnit,
          files,
        ),
      );
      return reply.status(201).send({ items });
    },
  );

  r.get(
    '/api/tasks/evidence/:id/file',
    {
      schema: {
        tags,
        summary: 'Download an evidence file (admin, coordinator, or the task owners of its lead unit)',
        params: idParams,
      },
    },
    async (req, reply) => {
      const found = unwrap(await findEvidenceFile(db, evidenceDir, req.params.id));
      await requirePermission(req, deps, 'task.report', { leadUnit: found.row.lead_unit_code });
      return reply
        .type(found.row.media_type)
        .header(
          'content-disposition',
          `attachment; filename*=UTF-8''${encodeURIComponent(found.row.file_name)}`,
        )
        .header('x-content-sha256', found.row.sha256)
        .send(createReadStream(found.file));
    },
  );

  r.post(
    '/api/tasks/:code/reports',
    {
      schema: {
        tags,
        summary:
          'File a progress report for a lead unit and period (a returned one is fixed by filing again)',
        params: taskCodeParams,
        body: fileReportRequest,
        response: created,
      },
    },
    async (req, reply) => {
      await requireTaskReport(req, deps, req.params.code, req.body.leadUnit);
      const id = unwrap(await fileReport(db, filingContext(req, deps), req.params.code, req.body));
      return reply.status(201).send({ id });
    },
  );

  for (const [path, decision] of [
    ['accept', 'accepted'],
    ['return', 'returned'],
  ] as const) {
    r.post(
      `/api/tasks/reports/:id/${path}`,
      {
        schema: {
          tags,
          summary:
            decision === 'accepted'
              ? 'Accept a report (applies its milestone updates)'
              : 'Return a report with a reason',
          params: idParams,
          body: decision === 'accepted' ? acceptReportRequest : returnReportRequest,
        },
      },
      async (req, reply) => {
        await requirePermission(req, deps, 'task.manage');
        const reason = (req.body as { reason?: string }).reason?.trim() || null;
        unwrap(await reviewReport(db, auditContext(req, deps), req.params.id, decision, reason));
        return reply.status(204).send();
      },
    );
  }

  r.post(
    '/api/tasks/:code/extensions',
    {
      schema: {
        tags,
        summary: 'Request an extension (延期申请) on or before the due date, with a reason and a later date',
        params: taskCodeParams,
        body: extensionRequest,
        response: created,
      },
    },
    async (req, reply) => {
      await requireTaskReport(req, deps, req.params.code, req.body.leadUnit);
      const id = unwrap(await requestExtension(db, filingContext(req, deps), req.params.code, req.body));
      return reply.status(201).send({ id });
    },
  );

  for (const [path, decision] of [
    ['approve', 'approved'],
    ['refuse', 'refused'],
  ] as const) {
    r.post(
      `/api/tasks/extensions/:id/${path}`,
      {
        schema: {
          tags,
          summary:
            decision === 'approved'
              ? 'Approve an extension: the due date moves'
              : 'Refuse an extension with a reason',
          params: idParams,
          body: decision === 'approved' ? extensionDecisionRequest : extensionRefusalRequest,
        },
      },
      async (req, reply) => {
        await requirePermission(req, deps, 'task.manage');
        const reason = (req.body as { reason?: string }).reason?.trim() || null;
        unwrap(await decideExtension(db, auditContext(req, deps), req.params.id, decision, reason));
        return reply.status(204).send();
      },
    );
  }

  r.post(
    '/api/tasks/:code/close',
    {
      schema: {
        tags,
        summary:
          'Closure sign-off (办结销号): needs every lead unit’s accepted final report and closed sub-tasks',
        params: taskCodeParams,
        body: closeTaskRequest,
      },
    },
    async (req, reply) => {
      await requirePermission(req, deps, 'task.manage');
      unwrap(await closeTask(db, filingContext(req, deps), req.params.code, req.body));
      return reply.status(204).send();
    },
  );
}
