// Assessment and follow-up: scoreboard, .xlsx export, the caller's reminders, the daily digest, and the
// settings and scoring rules (read by anyone, changed by admin and coordinator).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  digestRun,
  listOf,
  reminderList,
  scoreboard,
  scoringRule,
  scoringRulesRequest,
  taskSettings,
  taskSettingsPatch,
} from '@scimon/contracts';
import { requirePermission, requireUser } from '../../plugins/authorize.ts';
import { auditContext } from '../../plugins/auth-context.ts';
import { unwrap } from '../../plugins/unwrap.ts';
import { getScoreboard } from './tasks.scoreboard.ts';
import { remindersForUser, runDigest } from './tasks.reminders.ts';
import { getScoringRules, getSettings, updateScoringWeights, updateSettings } from './tasks.settings.ts';
import { listTasks } from './tasks.service.ts';
import { workbook } from './tasks.export.ts';
import type { TaskRouteDeps } from './tasks.routes.ts';

const tags = ['tasks'];

export async function assessmentRoutes(app: FastifyInstance, { deps, monitoring }: TaskRouteDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.db.db;

  r.get(
    '/api/tasks/scoreboard',
    {
      schema: {
        tags,
        summary:
          'Assessment scoreboard per lead unit (考核), scored with the rule set held as data; signed-in users',
        response: { 200: scoreboard },
      },
    },
    async (req) => {
      const user = requireUser(req);
      return getScoreboard(db, monitoring, deps.clock.today(), user);
    },
  );

  r.get(
    '/api/tasks/export.xlsx',
    {
      schema: { tags, summary: 'Tasks, scoreboard and scoring rules as an .xlsx workbook; signed-in users' },
    },
    async (req, reply) => {
      const user = requireUser(req);
      const today = deps.clock.today();
      const [list, board] = await Promise.all([
        listTasks(db, today, {}),
        getScoreboard(db, monitoring, today, user),
      ]);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="tasks-${today}.xlsx"`)
        .send(await workbook(list.items, board));
    },
  );

  r.get(
    '/api/tasks/reminders',
    {
      schema: {
        tags,
        summary: 'Due-soon and overdue items for the signed-in user',
        response: { 200: reminderList },
      },
    },
    async (req) => {
      const user = requireUser(req);
      return remindersForUser(db, deps.clock.today(), user.username, user.roles);
    },
  );

  r.post(
    '/api/tasks/reminders/digest',
    {
      schema: {
        tags,
        summary: 'Write today’s digest per user to the outbox (idempotent per day); dryRun only shows it',
        querystring: z.object({ dryRun: z.enum(['true', 'false']).default('false') }),
        response: { 200: digestRun },
      },
    },
    async (req) => {
      await requirePermission(req, deps, 'task.manage');
      return runDigest(db, deps.clock.today(), deps.clock.now(), req.query.dryRun === 'true');
    },
  );

  r.get(
    '/api/tasks/settings',
    {
      schema: {
        tags,
        summary: 'Status rule thresholds, reporting cadence and limits in force',
        response: { 200: taskSettings },
      },
    },
    async () => getSettings(db),
  );
  r.patch(
    '/api/tasks/settings',
    {
      schema: {
        tags,
        summary: 'Change supervision settings (admin, coordinator; audited)',
        body: taskSettingsPatch,
        response: { 200: taskSettings },
      },
    },
    async (req) => {
      await requirePermission(req, deps, 'task.manage');
      return unwrap(await updateSettings(db, auditContext(req, deps), req.body));
    },
  );
  r.get(
    '/api/tasks/scoring-rules',
    {
      schema: {
        tags,
        summary: 'The scoring rule set: one weight per criterion',
        response: { 200: listOf(scoringRule) },
      },
    },
    async () => ({ items: await getScoringRules(db) }),
  );
  r.put(
    '/api/tasks/scoring-rules',
    {
      schema: {
        tags,
        summary: 'Change criterion weights (admin, coordinator; audited)',
        body: scoringRulesRequest,
        response: { 200: listOf(scoringRule) },
      },
    },
    async (req) => {
      await requirePermission(req, deps, 'task.manage');
      return { items: unwrap(await updateScoringWeights(db, auditContext(req, deps), req.body.weights)) };
    },
  );
}
