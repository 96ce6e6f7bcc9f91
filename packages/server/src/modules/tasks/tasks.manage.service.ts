// The coordinator's changes to tasks: add, split, edit dates and titles, re-assign lead units, set
// co-operating units and linked indicators, record stage changes, plan milestones. Each change is one
// transaction with its audit event; a refused change writes nothing.
import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import type { Database, TaskMilestoneTable, TaskTable } from '@scimon/db';
import type { CreateTaskRequest } from '@scimon/contracts';
import { err, ok, type Result } from '@scimon/core';
import { recordAudit, type AuditContext } from '../audit/audit.service.ts';
import * as repo from './tasks.repository.ts';

type Db = Kysely<Database>;
type Tx = Transaction<Database>;

export interface ManageContext extends AuditContext {
  today: string;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** A task that exists and is still open, or the coded refusal. */
async function openTask(db: Db, code: string) {
  const task = await repo.findTask(db, code);
  if (!task) return err({ code: 'E_TASK_NOT_FOUND', params: { code } });
  const closure = await repo.findClosure(db, code);
  if (closure) return err({ code: 'E_TASK_CLOSED', params: { code, closedOn: closure.closed_on } });
  return ok(task);
}

function checkDue(dueDate: string | null | undefined, startDate: string, today: string): Result<void> {
  if (dueDate === null || dueDate === undefined) return ok(undefined);
  if (dueDate < today) return err({ code: 'E_TASK_DUE_DATE_PAST', params: { dueDate, today } });
  if (dueDate < startDate) return err({ code: 'E_TASK_DATE_ORDER', params: { dueDate, startDate } });
  return ok(undefined);
}

async function checkUnits(db: Db, codes: readonly string[]): Promise<Result<void>> {
  const known = await repo.existingLeadUnitCodes(db, codes);
  const unknown = codes.find((c) => !known.has(c));
  return unknown ? err({ code: 'E_TASK_LEAD_UNIT_UNKNOWN', params: { code: unknown } }) : ok(undefined);
}

async function nextCode(db: Db, base: string): Promise<string> {
  const taken = new Set(await repo.taskCodesLike(db, base));
  for (let n = 1; ; n++) if (!taken.has(`${base}${pad2(n)}`)) return `${base}${pad2(n)}`;
}

async function insertTask(tx: Tx, row: Insertable<TaskTable>, leads: readonly string[]) {
  await tx.insertInto('task').values(row).execute();
  if (leads.length)
    await tx
      .insertInto('task_lead_unit')
      .values(leads.map((l, i) => ({ task_code: row.code, lead_unit_code: l, seq: i + 1 })))
      .execute();
}

export async function createTask(
  db: Db,
  ctx: ManageContext,
  input: CreateTaskRequest,
): Promise<Result<string>> {
  const article = await repo.findArticle(db, input.articleCode);
  if (!article) return err({ code: 'E_TASK_ARTICLE_NOT_FOUND', params: { code: input.articleCode } });
  let parentLeads: string[] | null = null;
  const parentCode = input.parentCode ?? null;
  if (parentCode) {
    const parent = await openTask(db, parentCode);
    if (!parent.ok) return parent;
    if (parent.value.article_code !== input.articleCode)
      return err({
        code: 'E_TASK_ARTICLE_NOT_FOUND',
        params: { code: `${input.articleCode} ≠ ${parent.value.article_code}` },
      });
    parentLeads = await repo.leadUnitsOf(db, parentCode);
  }
  const leads =
    input.leadUnitCodes ??
    parentLeads ??
    (await repo.listArticleLeadUnits(db))
      .filter((l) => l.article_code === input.articleCode)
      .map((l) => l.lead_unit_code);
  const units = await checkUnits(db, leads);
  if (!units.ok) return units;
  const startDate = input.startDate ?? ctx.today;
  const due = checkDue(input.dueDate, startDate, ctx.today);
  if (!due.ok) return due;
  const code = await nextCode(db, parentCode ? `${parentCode}-` : `T${pad2(article.seq)}-`);
  const row = {
    code,
    article_code: input.articleCode,
    parent_code: parentCode,
    seq: (await repo.maxSeq(db, input.articleCode, parentCode)) + 1,
    title_zh: input.titleZh,
    title_en: input.titleEn,
    kind: input.kind,
    stage: input.stage ?? null,
    start_date: startDate,
    due_date: input.dueDate ?? null,
    due_date_assumption: 0,
  };
  await db.transaction().execute(async (tx) => {
    await insertTask(tx, row, leads);
    if (row.stage)
      await tx
        .insertInto('task_stage_history')
        .values({
          task_code: code,
          stage: row.stage,
          stage_text_zh: null,
          changed_on: startDate,
          evidence: 'task created',
          recorded_at: ctx.at,
        })
        .execute();
    await recordAudit(tx, ctx, {
      action: 'task.created',
      objectType: 'task',
      objectId: code,
      after: { ...row, leadUnits: leads },
    });
  });
  return ok(code);
}

/** Splits a task into sub-tasks (children) that inherit its lead units, co-operating units and dates. */
export async function splitTask(
  db: Db,
  ctx: ManageContext,
  code: string,
  parts: readonly { titleZh: string; titleEn: string; dueDate?: string | null }[],
): Promise<Result<string[]>> {
  const parent = await openTask(db, code);
  if (!parent.ok) return parent;
  const p = parent.value;
  for (const part of parts) {
    const due = checkDue(part.dueDate, p.start_date, ctx.today);
    if (!due.ok) return due;
  }
  const leads = await repo.leadUnitsOf(db, code);
  const co = (await repo.listCoUnits(db)).filter((c) => c.task_code === code);
  const firstSeq = (await repo.maxSeq(db, p.article_code, code)) + 1;
  const taken = new Set(await repo.taskCodesLike(db, `${code}-`));
  const codes: string[] = [];
  for (let n = 1; codes.length < parts.length; n++)
    if (!taken.has(`${code}-${pad2(n)}`)) codes.push(`${code}-${pad2(n)}`);
  await db.transaction().execute(async (tx) => {
    for (const [i, part] of parts.entries()) {
      const c = codes[i]!;
      await insertTask(
        tx,
        {
          code: c,
          article_code: p.article_code,
          parent_code: code,
          seq: firstSeq + i,
          title_zh: part.titleZh,
          title_en: part.titleEn,
          kind: p.kind,
          stage: null,
          start_date: p.start_date,
          due_date: part.dueDate === undefined ? p.due_date : part.dueDate,
          due_date_assumption: part.dueDate === undefined ? p.due_date_assumption : 0,
        },
        leads,
      );
      if (co.length)
        await tx
          .insertInto('task_co_unit')
          .values(co.map((u) => ({ task_code: c, lead_unit_code: u.lead_unit_code, seq: u.seq })))
          .execute();
    }
    await recordAudit(tx, ctx, {
      action: 'task.split',
      objectType: 'task',
      objectId: code,
      after: { children: codes, parts },
    });
  });
  return ok(codes);
}

export async function updateTask(
  db: Db,
  ctx: ManageContext,
  code: string,
  patch: { titleZh?: string; titleEn?: string; startDate?: string; dueDate?: string | null },
): Promise<Result<void>> {
  const found = await openTask(db, code);
  if (!found.ok) return found;
  const t = found.value;
  const set: Updateable<TaskTable> = {};
  if (patch.titleZh !== undefined && patch.titleZh !== t.title_zh) set.title_zh = patch.titleZh;
  if (patch.titleEn !== undefined && patch.titleEn !== t.title_en) set.title_en = patch.titleEn;
  if (patch.startDate !== undefined && patch.startDate !== t.start_date) set.start_date = patch.startDate;
  if (patch.dueDate !== undefined && (patch.dueDate !== t.due_date || t.due_date_assumption === 1)) {
    // Setting a due date (even the same one) confirms it: it is no longer an assumption.
    set.due_date = patch.dueDate;
    set.due_date_assumption = 0;
  }
  if (Object.keys(set).length === 0) return err({ code: 'E_TASK_NO_CHANGE' });
  if (set.due_date !== undefined && set.due_date !== t.due_date) {
    const due = checkDue(set.due_date, set.start_date ?? t.start_date, ctx.today);
    if (!due.ok) return due;
  }
  const newDue = set.due_date === undefined ? t.due_date : set.due_date;
  const newStart = set.start_date ?? t.start_date;
  if (newDue !== null && newDue < newStart)
    return err({ code: 'E_TASK_DATE_ORDER', params: { dueDate: newDue, startDate: newStart } });
  const before = Object.fromEntries(Object.keys(set).map((k) => [k, t[k as keyof typeof t]]));
  await db.transaction().execute(async (tx) => {
    await tx.updateTable('task').set(set).where('code', '=', code).execute();
    await recordAudit(tx, ctx, {
      action: 'task.updated',
      objectType: 'task',
      objectId: code,
      before,
      after: set,
    });
  });
  return ok(undefined);
}

/** Replaces the lead units (re-assignment) or the co-operating units of a task, in the given order. */
export async function setUnits(
  db: Db,
  ctx: ManageContext,
  code: string,
  which: 'lead' | 'co',
  codes: readonly string[],
): Promise<Result<void>> {
  const found = await openTask(db, code);
  if (!found.ok) return found;
  if (which === 'lead' && codes.length === 0)
    return err({ code: 'E_REQUEST_INVALID', params: { detail: 'codes: at least one lead unit' } });
  const unique = [...new Set(codes)];
  const units = await checkUnits(db, unique);
  if (!units.ok) return units;
  const table = which === 'lead' ? 'task_lead_unit' : 'task_co_unit';
  const before = (
    await db
      .selectFrom(table)
      .select(['lead_unit_code', 'seq'])
      .where('task_code', '=', code)
      .orderBy('seq')
      .execute()
  ).map((r) => r.lead_unit_code);
  if (JSON.stringify(before) === JSON.stringify(unique)) return err({ code: 'E_TASK_NO_CHANGE' });
  await db.transaction().execute(async (tx) => {
    await tx.deleteFrom(table).where('task_code', '=', code).execute();
    if (unique.length)
      await tx
        .insertInto(table)
        .values(unique.map((u, i) => ({ task_code: code, lead_unit_code: u, seq: i + 1 })))
        .execute();
    await recordAudit(tx, ctx, {
      action: which === 'lead' ? 'task.lead_units_changed' : 'task.co_units_changed',
      objectType: 'task',
      objectId: code,
      before,
      after: unique,
    });
  });
  return ok(undefined);
}

export async function setIndicators(
  db: Db,
  ctx: ManageContext,
  code: string,
  codes: readonly string[],
): Promise<Result<void>> {
  const task = await repo.findTask(db, code);
  if (!task) return err({ code: 'E_TASK_NOT_FOUND', params: { code } });
  const unique = [...new Set(codes)].sort();
  const known = await repo.existingIndicatorCodes(db, unique);
  const unknown = unique.find((c) => !known.has(c));
  if (unknown) return err({ code: 'E_TASK_INDICATOR_UNKNOWN', params: { code: unknown } });
  const before = (await repo.listIndicatorLinks(db))
    .filter((l) => l.task_code === code)
    .map((l) => l.indicator_code);
  if (JSON.stringify(before) === JSON.stringify(unique)) return err({ code: 'E_TASK_NO_CHANGE' });
  await db.transaction().execute(async (tx) => {
    await tx.deleteFrom('task_indicator').where('task_code', '=', code).execute();
    if (unique.length)
      await tx
        .insertInto('task_indicator')
        .values(unique.map((i) => ({ task_code: code, indicator_code: i })))
        .execute();
    await recordAudit(tx, ctx, {
      action: 'task.indicators_changed',
      objectType: 'task',
      objectId: code,
      before,
      after: unique,
    });
  });
  return ok(undefined);
}

/** Records a stage change (it may go backwards), dated and with evidence; the task's stage follows the latest. */
export async function changeStage(
  db: Db,
  ctx: ManageContext,
  code: string,
  input: { stage: string; changedOn: string; evidence: string; stageTextZh?: string | null },
): Promise<Result<void>> {
  const found = await openTask(db, code);
  if (!found.ok) return found;
  if (input.changedOn > ctx.today)
    return err({ code: 'E_TASK_DATE_FUTURE', params: { date: input.changedOn, today: ctx.today } });
  const history = await repo.stageHistoryOf(db, code);
  // A change dated before the latest recorded one is history filled in late: it does not move the current stage.
  const latestOn = history.at(-1)?.changed_on ?? '';
  const becomesCurrent = input.changedOn >= latestOn;
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto('task_stage_history')
      .values({
        task_code: code,
        stage: input.stage,
        stage_text_zh: input.stageTextZh ?? null,
        changed_on: input.changedOn,
        evidence: input.evidence,
        recorded_at: ctx.at,
      })
      .execute();
    if (becomesCurrent)
      await tx.updateTable('task').set({ stage: input.stage }).where('code', '=', code).execute();
    await recordAudit(tx, ctx, {
      action: 'task.stage_changed',
      objectType: 'task',
      objectId: code,
      before: { stage: found.value.stage },
      after: { stage: becomesCurrent ? input.stage : found.value.stage, recorded: input },
    });
  });
  return ok(undefined);
}

export async function createMilestone(
  db: Db,
  ctx: ManageContext,
  code: string,
  input: { titleZh: string; titleEn: string; dueDate: string },
): Promise<Result<number>> {
  const found = await openTask(db, code);
  if (!found.ok) return found;
  const due = checkDue(input.dueDate, found.value.start_date, ctx.today);
  if (!due.ok) return due;
  const seq = (await repo.listMilestones(db)).filter((m) => m.task_code === code).length + 1;
  const id = await db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto('task_milestone')
      .values({
        task_code: code,
        seq,
        title_zh: input.titleZh,
        title_en: input.titleEn,
        due_date: input.dueDate,
        done_on: null,
        created_at: ctx.at,
        created_by: ctx.actor,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, {
      action: 'task.milestone_created',
      objectType: 'task',
      objectId: code,
      after: { id: row.id, ...input },
    });
    return row.id;
  });
  return ok(id);
}

export async function updateMilestone(
  db: Db,
  ctx: ManageContext,
  code: string,
  id: number,
  patch: { titleZh?: string; titleEn?: string; dueDate?: string; doneOn?: string | null },
): Promise<Result<void>> {
  const found = await openTask(db, code);
  if (!found.ok) return found;
  const m = await repo.findMilestone(db, code, id);
  if (!m) return err({ code: 'E_TASK_MILESTONE_NOT_FOUND', params: { code, id } });
  const set: Updateable<TaskMilestoneTable> = {};
  if (patch.titleZh !== undefined && patch.titleZh !== m.title_zh) set.title_zh = patch.titleZh;
  if (patch.titleEn !== undefined && patch.titleEn !== m.title_en) set.title_en = patch.titleEn;
  if (patch.dueDate !== undefined && patch.dueDate !== m.due_date) {
    const due = checkDue(patch.dueDate, found.value.start_date, ctx.today);
    if (!due.ok) return due;
    set.due_date = patch.dueDate;
  }
  if (patch.doneOn !== undefined && patch.doneOn !== m.done_on) {
    if (patch.doneOn !== null && patch.doneOn > ctx.today)
      return err({ code: 'E_TASK_DATE_FUTURE', params: { date: patch.doneOn, today: ctx.today } });
    set.done_on = patch.doneOn;
  }
  if (Object.keys(set).length === 0) return err({ code: 'E_TASK_NO_CHANGE' });
  const before = Object.fromEntries(Object.keys(set).map((k) => [k, m[k as keyof typeof m]]));
  await db.transaction().execute(async (tx) => {
    await tx.updateTable('task_milestone').set(set).where('id', '=', id).execute();
    await recordAudit(tx, ctx, {
      action: 'task.milestone_updated',
      objectType: 'task',
      objectId: `${code}#${id}`,
      before,
      after: set,
    });
  });
  return ok(undefined);
}
