// Progress reports: a lead unit files one per period (returned reports are fixed by a new revision),
// the coordinator accepts or returns them with a reason. Accepting applies the report's milestone updates.
// Every check runs before the one transaction that writes, so a refused report leaves nothing behind.
import type { Kysely } from 'kysely';
import type { Database } from '@scimon/db';
import type { FileReportRequest, TaskSettings } from '@scimon/contracts';
import { err, ok, type Result } from '@scimon/core';
import { recordAudit, type AuditContext } from '../audit/audit.service.ts';
import * as repo from './tasks.repository.ts';
import { getSettings } from './tasks.settings.ts';
import { EXAMPLE_PERIOD, parsePeriod, periodContaining } from './tasks.dates.ts';

export interface FilingContext extends AuditContext {
  today: string;
}

function checkPeriod(period: string, settings: TaskSettings, today: string, startDate: string): Result<void> {
  const p = parsePeriod(period);
  const current = periodContaining(today, settings.reportFrequency);
  if (!p || p.frequency !== settings.reportFrequency || p.start > today)
    return err({
      code: 'E_TASK_PERIOD_INVALID',
      params: {
        period,
        example: EXAMPLE_PERIOD[settings.reportFrequency],
        current: current.code,
      },
    });
  if (p.end < startDate) return err({ code: 'E_TASK_PERIOD_BEFORE_START', params: { period, startDate } });
  return ok(undefined);
}

export async function fileReport(
  db: Kysely<Database>,
  ctx: FilingContext,
  code: string,
  input: FileReportRequest,
): Promise<Result<number>> {
  const task = await repo.findTask(db, code);
  if (!task) return err({ code: 'E_TASK_NOT_FOUND', params: { code } });
  const closure = await repo.findClosure(db, code);
  if (closure) return err({ code: 'E_TASK_CLOSED', params: { code, closedOn: closure.closed_on } });
  if (!(await repo.leadUnitsOf(db, code)).includes(input.leadUnit))
    return err({ code: 'E_TASK_NOT_LEAD_UNIT', params: { code, leadUnit: input.leadUnit } });
  if (!Number.isFinite(input.percent) || input.percent < 0 || input.percent > 100)
    return err({ code: 'E_TASK_PERCENT_INVALID', params: { percent: input.percent } });
  if (input.final && input.percent !== 100)
    return err({ code: 'E_TASK_FINAL_PERCENT', params: { percent: input.percent } });
  const settings = await getSettings(db);
  const period = checkPeriod(input.period, settings, ctx.today, task.start_date);
  if (!period.ok) return period;
  const previous = await repo.reportsOfUnitPeriod(db, code, input.leadUnit, input.period);
  const last = previous[0];
  if (last && last.status !== 'returned')
    return err({
      code: 'E_TASK_REPORT_EXISTS',
      params: { leadUnit: input.leadUnit, period: input.period, status: last.status },
    });
  const milestoneIds = await repo.milestoneIdsOf(db, code);
  for (const m of input.milestones) {
    if (!milestoneIds.has(m.milestoneId))
      return err({ code: 'E_TASK_MILESTONE_NOT_FOUND', params: { code, id: m.milestoneId } });
    if (m.doneOn !== null && m.doneOn > ctx.today)
      return err({ code: 'E_TASK_DATE_FUTURE', params: { date: m.doneOn, today: ctx.today } });
  }
  for (const id of input.evidenceIds) {
    const e = await repo.findEvidence(db, id);
    if (!e || e.task_code !== code || e.lead_unit_code !== input.leadUnit || e.report_id !== null)
      return err({ code: 'E_TASK_EVIDENCE_NOT_FOUND', params: { id, code, leadUnit: input.leadUnit } });
  }
  const revision = (last?.revision ?? 0) + 1;
  const id = await db.transaction().execute(async (tx) => {
    const { id } = await tx
      .insertInto('task_report')
      .values({
        task_code: code,
        lead_unit_code: input.leadUnit,
        period_code: input.period,
        revision,
        final: input.final ? 1 : 0,
        text: input.text,
        percent: input.percent,
        status: 'submitted',
        submitted_on: ctx.today,
        submitted_at: ctx.at,
        submitted_by: ctx.actor,
        reviewed_at: null,
        reviewed_by: null,
        review_reason: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (input.milestones.length)
      await tx
        .insertInto('task_report_milestone')
        .values(
          input.milestones.map((m) => ({
            report_id: id,
            milestone_id: m.milestoneId,
            done_on: m.doneOn,
            note: m.note ?? null,
          })),
        )
        .execute();
    if (input.evidenceIds.length)
      await tx
        .updateTable('task_evidence')
        .set({ report_id: id })
        .where('id', 'in', input.evidenceIds)
        .where('report_id', 'is', null)
        .execute();
    await recordAudit(tx, ctx, {
      action: 'task.report_filed',
      objectType: 'task_report',
      objectId: String(id),
      after: {
        task: code,
        leadUnit: input.leadUnit,
        period: input.period,
        revision,
        percent: input.percent,
        final: input.final,
        evidenceIds: input.evidenceIds,
      },
    });
    return id;
  });
  return ok(id);
}

export async function reviewReport(
  db: Kysely<Database>,
  ctx: AuditContext,
  id: number,
  decision: 'accepted' | 'returned',
  reason: string | null,
): Promise<Result<void>> {
  const r = await repo.findReport(db, id);
  if (!r) return err({ code: 'E_TASK_REPORT_NOT_FOUND', params: { id } });
  if (r.status !== 'submitted')
    return err({ code: 'E_TASK_REPORT_NOT_PENDING', params: { id, status: r.status } });
  const closure = await repo.findClosure(db, r.task_code);
  if (closure)
    return err({ code: 'E_TASK_CLOSED', params: { code: r.task_code, closedOn: closure.closed_on } });
  const updates = decision === 'accepted' ? await repo.reportMilestones(db, [id]) : [];
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable('task_report')
      .set({ status: decision, reviewed_at: ctx.at, reviewed_by: ctx.actor, review_reason: reason })
      .where('id', '=', id)
      .execute();
    // The coordinator's acceptance is what makes a lead unit's milestone claim count.
    for (const m of updates)
      await tx
        .updateTable('task_milestone')
        .set({ done_on: m.done_on })
        .where('id', '=', m.milestone_id)
        .execute();
    await recordAudit(tx, ctx, {
      action: decision === 'accepted' ? 'task.report_accepted' : 'task.report_returned',
      objectType: 'task_report',
      objectId: String(id),
      before: { status: r.status },
      after: {
        status: decision,
        reason,
        task: r.task_code,
        leadUnit: r.lead_unit_code,
        period: r.period_code,
        milestones: updates.map((m) => ({ id: m.milestone_id, doneOn: m.done_on })),
      },
    });
  });
  return ok(undefined);
}
