// Reminders: due-soon and overdue items per user (task owners: the tasks of their lead unit;
// coordinators and admins: every task, plus reports and extensions waiting for them), and the daily
// digest written to task_reminder_outbox (one row per user and day; a second run adds nothing).
import type { Kysely } from 'kysely';
import type { Database } from '@scimon/db';
import type { DigestRun, ReminderItem, ReminderKind, RoleGrant } from '@scimon/contracts';
import * as repo from './tasks.repository.ts';
import { loadSnapshot, type Snapshot, type TaskState } from './tasks.snapshot.ts';
import { addDays, daysBetween } from './tasks.dates.ts';
import { reportPunctuality } from './tasks.scoreboard.ts';
import { reportingPeriod } from './tasks.service.ts';

const TEXT: Record<ReminderKind, [string, string]> = {
  task_overdue: ['任务 {task} 已逾期（截止 {date}）', 'Task {task} is overdue (due {date})'],
  task_due_soon: ['任务 {task} 将于 {date} 到期', 'Task {task} is due on {date}'],
  report_due: [
    '{unit} 须于 {date} 前报送任务 {task} {period} 的进展报告',
    '{unit}: the {period} report on task {task} is due by {date}',
  ],
  report_overdue: [
    '{unit} 未按期报送任务 {task} {period} 的进展报告（截止 {date}）',
    '{unit}: the {period} report on task {task} is overdue (due {date})',
  ],
  report_returned: [
    '{unit} 在任务 {task} 上的 {period} 报告被退回，请修改后重新报送',
    '{unit}: the {period} report on task {task} was returned; fix it and resubmit',
  ],
  review_pending: [
    '{unit} 报送的任务 {task} {period} 报告待审核',
    '{unit} filed the {period} report on task {task}: waiting for review',
  ],
  extension_pending: [
    '{unit} 申请将任务 {task} 延期至 {date}，待审批',
    '{unit} asks to extend task {task} to {date}: waiting for a decision',
  ],
  milestone_due: [
    '任务 {task} 的里程碑“{milestone}”截止 {date}',
    'Task {task}: milestone "{milestone}" is due {date}',
  ],
};

const fill = (t: string, p: Record<string, string>) => t.replace(/\{(\w+)\}/g, (_, k: string) => p[k] ?? '');

function item(
  kind: ReminderKind,
  s: TaskState,
  params: { unit?: string; date?: string | null; period?: string; milestone?: string; refId?: number },
): ReminderItem {
  const p = {
    task: s.row.code,
    unit: params.unit ?? '',
    date: params.date ?? '',
    period: params.period ?? '',
    milestone: params.milestone ?? '',
  };
  return {
    kind,
    taskCode: s.row.code,
    taskTitleZh: s.row.title_zh,
    taskTitleEn: s.row.title_en,
    leadUnit: params.unit ?? null,
    date: params.date ?? null,
    refId: params.refId ?? null,
    messageZh: fill(TEXT[kind][0], p),
    messageEn: fill(TEXT[kind][1], p),
  };
}

/** The reminder items of one user, from their role grants. */
export function reminderItems(snap: Snapshot, grants: readonly RoleGrant[]): ReminderItem[] {
  const { today, settings } = snap;
  const manager = grants.some((g) => g.role === 'admin' || g.role === 'coordinator');
  const ownUnits = new Set(grants.filter((g) => g.role === 'task_owner').map((g) => g.scope));
  const current = reportingPeriod(snap);
  const out: ReminderItem[] = [];
  for (const s of snap.tasks) {
    if (s.closure) continue;
    const mine = s.leads.filter((u) => ownUnits.has(u.code)).map((u) => u.code);
    if (!manager && mine.length === 0) continue;
    const due = s.row.due_date;
    if (due !== null && due < today) out.push(item('task_overdue', s, { date: due }));
    else if (due !== null && daysBetween(today, due) <= settings.reminderDays)
      out.push(item('task_due_soon', s, { date: due }));
    for (const m of s.milestones)
      if (m.done_on === null && daysBetween(today, m.due_date) <= settings.reminderDays)
        out.push(item('milestone_due', s, { date: m.due_date, milestone: m.title_zh, refId: m.id }));
    for (const unit of mine) {
      const filed = (period: string) =>
        s.reports.some((r) => r.lead_unit_code === unit && r.period_code === period);
      const missing = reportPunctuality(s, unit, snap).periods.filter((p) => !filed(p.code));
      const latestMissing = missing.at(-1);
      if (latestMissing)
        out.push(
          item('report_overdue', s, { unit, period: latestMissing.code, date: latestMissing.deadline }),
        );
      const deadline = addDays(current.end, settings.reportGraceDays);
      if (current.end >= s.row.start_date && today <= deadline && !filed(current.code))
        out.push(item('report_due', s, { unit, period: current.code, date: deadline }));
      const byPeriod = new Map<string, (typeof s.reports)[number]>();
      for (const r of s.reports.filter((r) => r.lead_unit_code === unit)) {
        const prev = byPeriod.get(r.period_code);
        if (!prev || r.revision > prev.revision) byPeriod.set(r.period_code, r);
      }
      for (const r of byPeriod.values())
        if (r.status === 'returned')
          out.push(item('report_returned', s, { unit, period: r.period_code, refId: r.id }));
    }
    if (manager) {
      for (const r of s.reports)
        if (r.status === 'submitted')
          out.push(
            item('review_pending', s, {
              unit: r.lead_unit_code,
              period: r.period_code,
              date: r.submitted_on,
              refId: r.id,
            }),
          );
      for (const e of s.extensions)
        if (e.status === 'pending')
          out.push(item('extension_pending', s, { unit: e.lead_unit_code, date: e.new_due, refId: e.id }));
    }
  }
  return out;
}

export async function remindersForUser(
  db: Kysely<Database>,
  today: string,
  username: string,
  grants: readonly RoleGrant[],
) {
  return { asOf: today, username, items: reminderItems(await loadSnapshot(db, today), grants) };
}

function digestText(date: string, items: readonly ReminderItem[]) {
  const subject = `督办提醒 ${date}：${items.length} 项 / Task reminders ${date}: ${items.length}`;
  const body = items.map((i) => `- ${i.messageZh}\n  ${i.messageEn}`).join('\n');
  return { subject, body };
}

/** Builds today's digest for every user with something to do; writes them unless `dryRun`. */
export async function runDigest(
  db: Kysely<Database>,
  today: string,
  nowIso: string,
  dryRun: boolean,
): Promise<DigestRun> {
  const [snap, grantRows] = await Promise.all([loadSnapshot(db, today), repo.listReminderUsers(db)]);
  const byUser = new Map<string, RoleGrant[]>();
  for (const g of grantRows) {
    const list = byUser.get(g.username) ?? [];
    list.push({ role: g.role as RoleGrant['role'], scope: g.scope });
    byUser.set(g.username, list);
  }
  const digests = [...byUser].flatMap(([username, grants]) => {
    const items = reminderItems(snap, grants);
    return items.length ? [{ username, items, ...digestText(today, items) }] : [];
  });
  let written = 0;
  let alreadyWritten = 0;
  if (!dryRun) {
    await db.transaction().execute(async (tx) => {
      for (const d of digests) {
        const res = await tx
          .insertInto('task_reminder_outbox')
          .values({
            digest_date: today,
            username: d.username,
            item_count: d.items.length,
            subject: d.subject,
            body: d.body,
            items_json: JSON.stringify(d.items),
            created_at: nowIso,
            sent_at: null,
          })
          .onConflict((oc) => oc.columns(['digest_date', 'username']).doNothing())
          .executeTakeFirst();
        if (Number(res.numInsertedOrUpdatedRows ?? 0) > 0) written++;
        else alreadyWritten++;
      }
    });
  }
  return {
    date: today,
    dryRun,
    written,
    alreadyWritten,
    digests: digests.map((d) => ({
      username: d.username,
      itemCount: d.items.length,
      subject: d.subject,
      body: d.body,
    })),
  };
}
