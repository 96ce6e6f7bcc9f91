// The coordinator's changes (admin and coordinator: `task.manage`): add, split, edit, re-assign, co-units,
// indicators, stage changes and milestones. Each answers with what was created, or 204.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createMilestoneRequest,
  createTaskRequest,
  indicatorCodesRequest,
  splitTaskRequest,
  stageChangeRequest,
  taskCodeParams,
  taskMilestoneParams,
  unitCodesRequest,
  updateMilestoneRequest,
  updateTaskRequest,
} from '@scimon/contracts';
import { requirePermission } from '../../plugins/authorize.ts';
import { auditContext } from '../../plugins/auth-context.ts';
import { unwrap } from '../../plugins/unwrap.ts';
import type { AppDeps } from '../../deps.ts';
import * as svc from './tasks.manage.service.ts';
import type { TaskRouteDeps } from './tasks.routes.ts';

const tags = ['tasks'];

/** Checks `task.manage` and returns the context every change is audited with. */
async function manager(req: FastifyRequest, deps: AppDeps): Promise<svc.ManageContext> {
  await requirePermission(req, deps, 'task.manage');
  return { ...auditContext(req, deps), today: deps.clock.today() };
}

export async function manageRoutes(app: FastifyInstance, { deps }: TaskRouteDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.db.db;
  r.post(
    '/api/tasks',
    {
      schema: {
        tags,
        summary: 'Add a task or sub-task (lead units default to the parent’s, else the article’s)',
        body: createTaskRequest,
        response: { 201: z.object({ code: z.string() }) },
      },
    },
    async (req, reply) => {
      const ctx = await manager(req, deps);
      return reply.status(201).send({ code: unwrap(await svc.createTask(db, ctx, req.body)) });
    },
  );
  r.patch(
    '/api/tasks/:code',
    {
      schema: {
        tags,
        summary: 'Change titles, start or due date (a due date before today is refused)',
        params: taskCodeParams,
        body: updateTaskRequest,
      },
    },
    async (req, reply) => {
      unwrap(await svc.updateTask(db, await manager(req, deps), req.params.code, req.body));
      return reply.status(204).send();
    },
  );
  r.post(
    '/api/tasks/:code/split',
    {
      schema: {
        tags,
        summary: 'Split a task into sub-tasks that inherit its lead and co-operating units and dates',
        params: taskCodeParams,
        body: splitTaskRequest,
        response: { 201: z.object({ codes: z.array(z.string()) }) },
      },
    },
    async (req, reply) => {
      const codes = unwrap(
        await svc.splitTask(db, await manager(req, deps), req.params.code, req.body.parts),
      );
      return reply.status(201).send({ codes });
    },
  );
  for (const [path, which, summary] of [
    ['lead-units', 'lead', 'Re-assign the lead units (in order)'],
    ['co-units', 'co', 'Set the co-operating units (配合单位)'],
  ] as const) {
    r.put(
      `/api/tasks/:code/${path}`,
      { schema: { tags, summary, params: taskCodeParams, body: unitCodesRequest } },
      async (req, reply) => {
        unwrap(await svc.setUnits(db, await manager(req, deps), req.params.code, which, req.body.codes));
        return reply.status(204).send();
      },
    );
  }
  r.put(
    '/api/tasks/:code/indicators',
    {
      schema: {
        tags,
        summary: 'Link the indicators that measure the task',
        params: taskCodeParams,
        body: indicatorCodesRequest,
      },
    },
    async (req, reply) => {
      unwrap(await svc.setIndicators(db, await manager(req, deps), req.params.code, req.body.codes));
      return reply.status(204).send();
    },
  );
  r.post(
    '/api/tasks/:code/stage',
    {
      schema: {
        tags,
        summary: 'Record a stage change (dated, with evidence; it may go backwards)',
        params: taskCodeParams,
        body: stageChangeRequest,
      },
    },
    async (req, reply) => {
      unwrap(await svc.changeStage(db, await manager(req, deps), req.params.code, req.body));
      return reply.status(204).send();
    },
  );
  r.post(
    '/api/tasks/:code/milestones',
    {
      schema: {
        tags,
        summary: 'Plan a milestone',
        params: taskCodeParams,
        body: createMilestoneRequest,
        response: { 201: z.object({ id: z.number() }) },
      },
    },
    async (req, reply) => {
      const id = unwrap(await svc.createMilestone(db, await manager(req, deps), req.params.code, req.body));
      return reply.status(201).send({ id });
    },
  );
  r.patch(
    '/api/tasks/:code/milestones/:id',
    {
      schema: {
        tags,
        summary: 'Change a milestone (title, due date, done date)',
        params: taskMilestoneParams,
        body: updateMilestoneRequest,
      },
    },
    async (req, reply) => {
      unwrap(
        await svc.updateMilestone(db, await manager(req, deps), req.params.code, req.params.id, req.body),
      );
      return reply.status(204).send();
    },
  );
}
