// Public reads: the task list, the board (by article, lead unit or colour) and one task's detail.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  taskBoard,
  taskBoardQuery,
  taskCodeParams,
  taskDetail,
  taskList,
  taskListQuery,
} from '@scimon/contracts';
import { unwrap } from '../../plugins/unwrap.ts';
import { getBoard, getTaskDetail, listTasks } from './tasks.service.ts';
import type { TaskRouteDeps } from './tasks.routes.ts';

const tags = ['tasks'];

export async function readRoutes(app: FastifyInstance, { deps, monitoring }: TaskRouteDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.db.db;
  r.get(
    '/api/tasks',
    {
      schema: {
        tags,
        summary: 'Tasks with lead units, percent, time share and colour (四色督办); public',
        querystring: taskListQuery,
        response: { 200: taskList },
      },
    },
    async (req) => listTasks(db, deps.clock.today(), req.query),
  );
  r.get(
    '/api/tasks/board',
    {
      schema: {
        tags,
        summary: 'The task board grouped by article, lead unit or colour, with colour counts; public',
        querystring: taskBoardQuery,
        response: { 200: taskBoard },
      },
    },
    async (req) => {
      const { by, ...filter } = req.query;
      return getBoard(db, deps.clock.today(), by, filter);
    },
  );
  r.get(
    '/api/tasks/:code',
    {
      schema: {
        tags,
        summary:
          'One task: milestones, stage history, linked indicators, and — for admin, coordinator and its own lead unit — reports, evidence, extensions and the timeline',
        params: taskCodeParams,
        response: { 200: taskDetail },
      },
    },
    async (req) => unwrap(await getTaskDetail(db, monitoring, deps.clock.today(), req.params.code, req.auth)),
  );
}
