// The submission workflow over HTTP: submissions (list, detail, submit/return/approve/unapprove, bulk),
// deadlines, reporting rates, releases and revisions of published values. Routes parse, check the
// permission where the resource sits (auditing denials), call one service and map its Result.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  bulkSubmissionBody,
  deadlineRule,
  release,
  releaseBody,
  reportingRates,
  reviseValueBody,
  SUBMISSION_ACTIONS,
  SUBMISSION_STATUSES,
  submissionActionBody,
  submissionDetail,
  submissionSummary,
  type SubmissionAction,
} from '@scimon/contracts';
import type { AppDeps } from '../../deps.ts';
import { auditContext } from '../../plugins/auth-context.ts';
import { requirePermission, requireUser } from '../../plugins/authorize.ts';
import { ApiError } from '../../plugins/errors.ts';
import { unwrap } from '../../plugins/unwrap.ts';
import { isAllowed } from '../auth/policy.ts';
import { TRANSITIONS } from './workflow.rules.ts';
import {
  bulkTransition,
  getSubmission,
  listDeadlines,
  listReleases,
  listSubmissions,
  publishRelease,
  reportingRates as computeRates,
  reviseValue,
  setDeadline,
  submissionUnit,
  transition,
  valueUnit,
  type WorkflowContext,
} from './workflow.service.ts';

const tags = ['workflow'];
const idParams = z.object({ id: z.coerce.number().int().positive() });

/** Signed in with some role that reads unpublished data somewhere (rows are filtered by scope). */
function requireReader(req: FastifyRequest) {
  const user = requireUser(req);
  if (!user.roles.some((g) => isAllowed({ roles: [g] }, 'data.read_unpublished', { orgUnitPath: [g.scope] })))
    throw new ApiError('E_AUTH_FORBIDDEN', { action: 'data.read_unpublished' });
  return user;
}

export const workflowRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const db = deps.db.db;
    const context = (req: FastifyRequest, user: ReturnType<typeof requireUser>): WorkflowContext => ({
      ...auditContext(req, deps),
      principal: user,
    });

    r.get(
      '/api/submissions',
      {
        schema: {
          tags,
          summary:
            'Submissions (framework, org unit, period) within the caller’s scope, with the actions allowed now',
          querystring: z.object({
            framework: z.string().max(40).optional(),
            period: z.string().max(20).optional(),
            orgUnit: z.string().max(40).optional(),
            status: z.enum(SUBMISSION_STATUSES).optional(),
          }),
          response: { 200: z.array(submissionSummary) },
        },
      },
      async (req) => unwrap(await listSubmissions(db, requireReader(req), req.query)),
    );

    r.get(
      '/api/submissions/:id',
      {
        schema: {
          tags,
          summary: 'One submission with its report values and events',
          params: idParams,
          response: { 200: submissionDetail },
        },
      },
      async (req) => {
        const orgUnit = unwrap(await submissionUnit(db, req.params.id));
        const user = await requirePermission(req, deps, 'data.read_unpublished', { orgUnit });
        return unwrap(await getSubmission(db, user, req.params.id));
      },
    );

    for (const action of SUBMISSION_ACTIONS)
      r.post(
        `/api/submissions/:id/${action}`,
        {
          schema: {
            tags,
            summary: `${action[0]!.toUpperCase()}${action.slice(1)} a submission (send the version it started from${
              TRANSITIONS[action].reason ? '; a reason is required' : ''
            })`,
            params: idParams,
            body: submissionActionBody,
            response: { 200: submissionDetail },
          },
        },
        async (req) => {
          const orgUnit = unwrap(await submissionUnit(db, req.params.id));
          const user = await requirePermission(
            req,
            deps,
            TRANSITIONS[action as SubmissionAction].permission,
            {
              orgUnit,
            },
          );
          return unwrap(await transition(db, context(req, user), req.params.id, action, req.body));
        },
      );

    r.post(
      '/api/submissions/bulk',
      {
        schema: {
          tags,
          summary:
            'Approve or return several submissions at once: all of them, or none (each refusal listed)',
          body: bulkSubmissionBody,
          response: { 200: z.array(submissionSummary) },
        },
      },
      async (req) => {
        const user = requireUser(req);
        if (!user.roles.some((g) => isAllowed({ roles: [g] }, 'data.review', { orgUnitPath: [g.scope] })))
          await requirePermission(req, deps, 'data.review');
        const { action, items, reason } = req.body;
        const result = await bulkTransition(db, context(req, user), action, items, reason);
        if (result.ok) return result.value;
        const f = result.error.failures;
        throw new ApiError('E_WORKFLOW_BULK_REFUSED', {
          count: f.length,
          ids: f.map((x) => `${x.id}: ${x.code}`).join(', '),
          failures: f,
        });
      },
    );

    r.get(
      '/api/workflow/deadlines',
      {
        schema: {
          tags,
          summary:
            'Submission deadlines per period type (defaults: annual by 30 June next year; quarterly +20 days; monthly +15 days)',
          response: { 200: z.array(deadlineRule) },
        },
      },
      async () => listDeadlines(db),
    );

    r.put(
      '/api/workflow/deadlines/:periodType',
      {
        schema: {
          tags,
          summary: 'Set the submission deadline of a period type (coordinator, admin)',
          params: z.object({ periodType: z.enum(['annual', 'quarterly', 'monthly']) }),
          body: deadlineRule.omit({ periodType: true }).partial(),
          response: { 200: deadlineRule },
        },
      },
      async (req) => {
        await requirePermission(req, deps, 'workflow.configure');
        const b = req.body;
        return unwrap(
          await setDeadline(db, auditContext(req, deps), {
            periodType: req.params.periodType,
            month: b.month ?? null,
            day: b.day ?? null,
            daysAfterEnd: b.daysAfterEnd ?? null,
          }),
        );
      },
    );

    r.get(
      '/api/workflow/reporting-rates',
      {
        schema: {
          tags,
          summary:
            'Completeness and timeliness of one (framework, period) within the caller’s scope (expected, submitted, on time)',
          querystring: z.object({
            framework: z.string().max(40).optional(),
            period: z.string().min(1).max(20),
          }),
          response: { 200: reportingRates },
        },
      },
      async (req) => unwrap(await computeRates(db, requireReader(req), req.query)),
    );

    r.get(
      '/api/releases',
      {
        schema: {
          tags,
          summary: 'Releases of approved values per (framework, period), newest first',
          querystring: z.object({ framework: z.string().max(40).optional() }),
          response: { 200: z.array(release) },
        },
      },
      async (req) => listReleases(db, req.query.framework),
    );

    r.post(
      '/api/releases',
      {
        schema: {
          tags,
          summary: 'Publish every approved submission of (framework, period) as a release with a note',
          body: releaseBody,
          response: { 201: release },
        },
      },
      async (req, reply) => {
        const user = await requirePermission(req, deps, 'data.publish');
        const out = unwrap(await publishRelease(db, context(req, user), req.body));
        return reply.status(201).send(out);
      },
    );

    r.post(
      '/api/data-values/:id/revise',
      {
        schema: {
          tags,
          summary:
            'Revise a published value (修订): it stays published; the old value stays visible with date and reason',
          params: idParams,
          body: reviseValueBody,
          response: {
            200: z.object({
              id: z.number(),
              value: z.number().nullable(),
              version: z.number(),
              status: z.string(),
            }),
          },
        },
      },
      async (req) => {
        const orgUnit = unwrap(await valueUnit(db, req.params.id));
        const user = await requirePermission(req, deps, 'data.review', { orgUnit });
        return unwrap(await reviseValue(db, context(req, user), req.params.id, req.body));
      },
    );
  };
