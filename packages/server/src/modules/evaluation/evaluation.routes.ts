// Evaluation routes: runs (create, list, read, publish, cancel) and the live AHP check.
// Unpublished runs are visible to analysts, coordinators and admin only; to anyone else they do not
// exist (404, so their existence is not revealed).
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  evaluationAhpCheck,
  evaluationAhpResult,
  evaluationRunCreate,
  evaluationRunDetail,
  evaluationRunList,
  evaluationRunQuery,
  evaluationRunSummary,
} from '@scimon/contracts';
import type { AppDeps } from '../../deps.ts';
import { unwrap } from '../../plugins/unwrap.ts';
import { requirePermission } from '../../plugins/authorize.ts';
import { auditContext } from '../../plugins/auth-context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { isAllowed } from '../auth/policy.ts';
import {
  cancelRun,
  checkAhp,
  createEvaluationContext,
  createRun,
  getRun,
  listRuns,
  publishRun,
} from './evaluation.service.ts';

const tags = ['evaluation'];
const idParams = z.object({ id: z.coerce.number().int().min(1) });

export const evaluationRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const ctx = createEvaluationContext(deps.db.db, deps.clock);
    app.addHook('onClose', async () => ctx.jobs.close());
    const seesUnpublished = (req: FastifyRequest) => isAllowed(req.auth, 'evaluation.run');
    const audit = (req: FastifyRequest, action: string, id: number, after: Record<string, unknown>) =>
      recordAudit(deps.db.db, auditContext(req, deps), {
        action,
        objectType: 'evaluation_run',
        objectId: String(id),
        after,
      });

    r.get(
      '/api/evaluation/runs',
      {
        schema: {
          tags,
          summary: 'Evaluation runs, newest first (published ones only for the public)',
          querystring: evaluationRunQuery,
          response: { 200: evaluationRunList },
        },
      },
      async (req) => listRuns(ctx, req.query, seesUnpublished(req)),
    );
    r.post(
      '/api/evaluation/runs',
      {
        schema: {
          tags,
          summary:
            'Create a run: framework version + years + level (parks or zones) + pipeline settings; Monte Carlo runs in the background (analyst, coordinator, admin)',
          body: evaluationRunCreate,
          response: { 201: evaluationRunDetail },
        },
      },
      async (req, reply) => {
        const user = await requirePermission(req, deps, 'evaluation.run');
        const run = unwrap(await createRun(ctx, req.body, user.username));
        await audit(req, 'evaluation.run_created', run.id, {
          framework: run.framework,
          years: run.years,
          level: run.level,
          dataStatus: run.dataStatus,
          inputHash: run.inputHash,
          status: run.status,
        });
        return reply.status(201).send(run);
      },
    );
    r.get(
      '/api/evaluation/runs/:id',
      {
        schema: {
          tags,
          summary:
            'One run: settings, status/progress, scores and ranks per node, rank intervals, weights, treatment, audit',
          params: idParams,
          response: { 200: evaluationRunDetail },
        },
      },
      async (req) => unwrap(await getRun(ctx, req.params.id, seesUnpublished(req))),
    );
    r.post(
      '/api/evaluation/runs/:id/publish',
      {
        schema: {
          tags,
          summary: 'Publish a finished run whose inputs are all published (coordinator, admin)',
          params: idParams,
          response: { 200: evaluationRunSummary },
        },
      },
      async (req) => {
        const user = await requirePermission(req, deps, 'evaluation.publish');
        const run = unwrap(await publishRun(ctx, req.params.id, user.username));
        await audit(req, 'evaluation.run_published', run.id, { inputHash: run.inputHash });
        return run;
      },
    );
    r.post(
      '/api/evaluation/runs/:id/cancel',
      {
        schema: {
          tags,
          summary: 'Cancel a queued or running run (its worker thread is stopped)',
          params: idParams,
          response: { 200: evaluationRunSummary },
        },
      },
      async (req) => {
        await requirePermission(req, deps, 'evaluation.run');
        const run = unwrap(await cancelRun(ctx, req.params.id));
        await audit(req, 'evaluation.run_cancelled', run.id, { progress: run.progress });
        return run;
      },
    );
    r.post(
      '/api/evaluation/ahp',
      {
        schema: {
          tags,
          summary: 'AHP check of a pairwise matrix: weights, λmax, CI, CR, consistent (CR < threshold)',
          body: evaluationAhpCheck,
          response: { 200: evaluationAhpResult },
        },
      },
      async (req) => {
        await requirePermission(req, deps, 'evaluation.run');
        return unwrap(checkAhp(req.body.matrix, req.body.threshold));
      },
    );
  };
