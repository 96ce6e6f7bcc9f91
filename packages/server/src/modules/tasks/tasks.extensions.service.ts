// Extension requests (延期申请): filed by a lead unit on or before the due date with a reason and a later
// date; approved (the due date moves) or refused with a reason by the coordinator. Closure sign-off
// (办结销号): once every lead unit's final report is accepted and every sub-task is closed.
import type { Kysely } from 'kysely';
import type { Database } from '@scimon/db';
import { err, ok, type Result } from '@scimon/core';
import { recordAudit, type AuditContext } from '../audit/audit.service.ts';
import * as repo from './tasks.repository.ts';
import type { FilingContext } from './tasks.reports.service.ts';

export async function requestExtension(
  db: Kysely<Database>,
  ctx: FilingContext,
  code: string,
  input: { leadUnit: string; newDueDate: string; reason: string },
): Promise<Result<number>> {
  const task = await repo.findTask(db, code);
  if (!task) return err({ code: 'E_TASK_NOT_FOUND', params: { code } });
  const closure = await repo.findClosure(db, code);
  if (closure) return err({ code: 'E_TASK_CLOSED', params: { code, closedOn: closure.closed_on } });
  if (!(await repo.leadUnitsOf(db, code)).includes(input.leadUnit))
    return err({ code: 'E_TASK_NOT_LEAD_UNIT', params: { code, leadUnit: input.leadUnit } });
  const due = task.due_date;
  if (due === null) return err({ code: 'E_TASK_NO_DUE_DATE', params: { code } });
  if (ctx.today > due)
    return err({ code: 'E_TASK_EXTENSION_TOO_LATE', params: { dueDate: due, today: ctx.today } });
  if (input.newDueDate <= due)
    return err({ code: 'E_TASK_EXTENSION_DATE', params: { newDueDate: input.newDueDate, dueDate: due } });
  const pending = await repo.pendingExtension(db, code, input.leadUnit);
  if (pending)
    return err({
      code: 'E_TASK_EXTENSION_PENDING',
      params: { code, leadUnit: input.leadUnit, id: pending.id },
    });
  const id = await db.transaction().execute(async (tx) => {
    const { id } = await tx
      .insertInto('task_extension')
      .values({
        task_code: code,
        lead_unit_code: input.leadUnit,
        reason: input.reason,
        current_due: due,
        new_due: input.newDueDate,
        status: 'pending',
        requested_on: ctx.today,
        requested_at: ctx.at,
        requested_by: ctx.actor,
        decided_at: null,
        decided_by: null,
        decision_reason: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, {
      action: 'task.extension_requested',
      objectType: 'task_extension',
      objectId: String(id),
      after: { task: code, ...input, currentDue: due },
    });
    return id;
  });
  return ok(id);
}

export async function decideExtension(
  db: Kysely<Database>,
  ctx: AuditContext,
  id: number,
  decision: 'approved' | 'refused',
  reason: string | null,
): Promise<Result<void>> {
  const e = await repo.findExtension(db, id);
  if (!e) return err({ code: 'E_TASK_EXTENSION_NOT_FOUND', params: { id } });
  if (e.status !== 'pending')
    return err({ code: 'E_TASK_EXTENSION_DECIDED', params: { id, status: e.status } });
  const task = await repo.findTask(db, e.task_code);
  const closure = await repo.findClosure(db, e.task_code);
  if (closure)
    return err({ code: 'E_TASK_CLOSED', params: { code: e.task_code, closedOn: closure.closed_on } });
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable('task_extension')
      .set({ status: decision, decided_at: ctx.at, decided_by: ctx.actor, decision_reason: reason })
      .where('id', '=', id)
      .execute();
    if (decision === 'approved')
      await tx
        .updateTable('task')
        .set({ due_date: e.new_due, due_date_assumption: 0 })
        .where('code', '=', e.task_code)
        .execute();
    await recordAudit(tx, ctx, {
      action: decision === 'approved' ? 'task.extension_approved' : 'task.extension_refused',
      objectType: 'task_extension',
      objectId: String(id),
      before: { status: e.status, dueDate: task?.due_date ?? null },
      after: {
        status: decision,
        reason,
        task: e.task_code,
        dueDate: decision === 'approved' ? e.new_due : (task?.due_date ?? null),
      },
    });
  });
  return ok(undefined);
}

export async function closeTask(
  db: Kysely<Database>,
  ctx: FilingContext,
  code: string,
  input: { summary: string; closedOn?: string },
): Promise<Result<void>> {
  const task = await repo.findTask(db, code);
  if (!task) return err({ code: 'E_TASK_NOT_FOUND', params: { code } });
  const closure = await repo.findClosure(db, code);
  if (closure) return err({ code: 'E_TASK_CLOSED', params: { code, closedOn: closure.closed_on } });
  const closedOn = input.closedOn ?? ctx.today;
  if (closedOn > ctx.today)
    return err({ code: 'E_TASK_DATE_FUTURE', params: { date: closedOn, today: ctx.today } });
  const children = await repo.childrenOf(db, code);
  const open = [];
  for (const c of children) if (!(await repo.findClosure(db, c.code))) open.push(c.code);
  if (open.length) return err({ code: 'E_TASK_HAS_OPEN_CHILDREN', params: { code, open: open.join(', ') } });
  const leads = await repo.leadUnitsOf(db, code);
  const reports = (await repo.listReports(db)).filter((r) => r.task_code === code);
  const missing = leads.filter(
    (u) => !reports.some((r) => r.lead_unit_code === u && r.final === 1 && r.status === 'accepted'),
  );
  if (missing.length) {
    const names = new Map((await repo.listLeadUnits(db)).map((u) => [u.code, u.short_name]));
    return err({
      code: 'E_TASK_CLOSURE_INCOMPLETE',
      params: { code, missing: missing.map((m) => names.get(m) ?? m).join('、') },
    });
  }
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto('task_closure')
      .values({
        task_code: code,
        closed_on: closedOn,
        summary: input.summary,
        signed_at: ctx.at,
        signed_by: ctx.actor,
      })
      .execute();
    await recordAudit(tx, ctx, {
      action: 'task.closed',
      objectType: 'task',
      objectId: code,
      after: { closedOn, summary: input.summary },
    });
  });
  return ok(undefined);
}
