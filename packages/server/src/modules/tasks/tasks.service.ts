// Reads: the task list and board (public), and one task's detail where reports, evidence, extensions
// and owners are limited to the lead units the caller may see (admin and coordinator: all; a task
// owner: its own unit; anyone else: none).
import type { Kysely } from 'kysely';
import type { Database } from '@scimon/db';
import type {
  TaskBoard,
  TaskColour,
  TaskDetail,
  TaskReport,
  TaskSummary,
  TimelineEntry,
} from '@scimon/contracts';
import { err, ok, type Result } from '@scimon/core';
import { isAllowed, type PrincipalGrants } from '../auth/policy.ts';
import type { MonitoringContext } from '../monitoring/monitoring.service.ts';
import * as repo from './tasks.repository.ts';
import { loadSnapshot, type Snapshot, type TaskState } from './tasks.snapshot.ts';
import {
  presentEvidence,
  presentExtension,
  presentMilestone,
  presentReport,
  presentSummary,
} from './tasks.presenter.ts';
import { addDays, periodContaining } from './tasks.dates.ts';
import { linkedIndicators } from './tasks.indicators.ts';

export interface TaskFilter {
  leadUnit?: string;
  colour?: TaskColour;
  article?: string;
  kind?: string;
}

export const matches = (s: TaskState, f: TaskFilter) =>
  (!f.leadUnit || s.leads.some((u) => u.code === f.leadUnit)) &&
  (!f.colour || s.colour === f.colour) &&
  (!f.article || s.row.article_code === f.article) &&
  (!f.kind || s.row.kind === f.kind);

export async function listTasks(db: Kysely<Database>, today: string, f: TaskFilter) {
  const snap = await loadSnapshot(db, today);
  return { asOf: today, items: snap.tasks.filter((s) => matches(s, f)).map(presentSummary) };
}

const RULE_ORDER: TaskColour[] = ['red', 'yellow', 'blue', 'green'];
const COLOUR_LABEL: Record<TaskColour, [string, string]> = {
  red: ['红（滞后）', 'Red (lagging)'],
  yellow: ['黄（预警）', 'Yellow (warning)'],
  blue: ['蓝（超前）', 'Blue (ahead)'],
  green: ['绿（正常）', 'Green (normal)'],
};

function counts(items: readonly TaskSummary[]) {
  const c = { red: 0, yellow: 0, green: 0, blue: 0 };
  for (const t of items) c[t.colour]++;
  return c;
}

export async function getBoard(
  db: Kysely<Database>,
  today: string,
  by: TaskBoard['by'],
  f: TaskFilter,
): Promise<TaskBoard> {
  const snap = await loadSnapshot(db, today);
  const items = snap.tasks.filter((s) => matches(s, f));
  const group = (key: string, labelZh: string, labelEn: string, list: TaskState[]) => {
    const summaries = list.map(presentSummary);
    return { key, labelZh, labelEn, counts: counts(summaries), items: summaries };
  };
  let groups: TaskBoard['groups'];
  if (by === 'colour') {
    groups = RULE_ORDER.map((c) =>
      group(
        c,
        COLOUR_LABEL[c][0],
        COLOUR_LABEL[c][1],
        items.filter((s) => s.colour === c),
      ),
    );
  } else if (by === 'leadUnit') {
    groups = snap.unitList
      .map((u) =>
        group(
          u.code,
          u.short_name,
          u.name_en,
          items.filter((s) => s.leads.some((l) => l.code === u.code)),
        ),
      )
      .filter((g) => g.items.length > 0);
  } else {
    const articles = await repo.listArticles(db);
    groups = articles
      .map((a) =>
        group(
          a.code,
          `${a.code}${a.title_zh}`,
          `${a.code} ${a.title_en}`,
          items.filter((s) => s.row.article_code === a.code),
        ),
      )
      .filter((g) => g.items.length > 0);
  }
  return { asOf: today, by, groups };
}

/** The lead units whose reports the caller may see. */
export const visibleUnits = (principal: PrincipalGrants | null, units: readonly string[]) =>
  units.filter((u) => isAllowed(principal, 'task.report', { leadUnit: u }));

/** The period whose report is due now: the last one that has ended before today. */
export const reportingPeriod = (snap: Snapshot) =>
  periodContaining(
    addDays(periodContaining(snap.today, snap.settings.reportFrequency).start, -1),
    snap.settings.reportFrequency,
  );

export async function getTaskDetail(
  db: Kysely<Database>,
  monitoring: MonitoringContext,
  today: string,
  code: string,
  principal: PrincipalGrants | null,
): Promise<Result<TaskDetail>> {
  const snap = await loadSnapshot(db, today);
  const s = snap.byCode.get(code);
  if (!s) return err({ code: 'E_TASK_NOT_FOUND', params: { code } });
  const unitsOnRecord = [
    ...new Set([...s.leads.map((u) => u.code), ...s.reports.map((r) => r.lead_unit_code)]),
  ];
  const visible = new Set(visibleUnits(principal, unitsOnRecord));
  const [history, evidence, reportMs, owners, indicators] = await Promise.all([
    repo.stageHistoryOf(db, code),
    repo.evidenceOfTask(db, code),
    repo.reportMilestones(
      db,
      s.reports.filter((r) => visible.has(r.lead_unit_code)).map((r) => r.id),
    ),
    repo.listTaskOwners(db),
    linkedIndicators(monitoring, s.indicatorCodes, today, principal),
  ]);
  const reports: TaskReport[] = s.reports
    .filter((r) => visible.has(r.lead_unit_code))
    .map((r) =>
      presentReport(
        r,
        snap.units.get(r.lead_unit_code)!,
        reportMs
          .filter((m) => m.report_id === r.id)
          .map((m) => ({ milestoneId: m.milestone_id, doneOn: m.done_on, note: m.note })),
        evidence.filter((e) => e.report_id === r.id).map(presentEvidence),
      ),
    );
  const extensions = s.extensions.filter((e) => visible.has(e.lead_unit_code)).map(presentExtension);
  const period = reportingPeriod(snap);
  const units = s.leads
    .filter((u) => visible.has(u.code))
    .map((u) => {
      const latest = s.latestAccepted.get(u.code);
      const inPeriod = s.reports
        .filter((r) => r.lead_unit_code === u.code && r.period_code === period.code)
        .sort((a, b) => b.revision - a.revision)[0];
      return {
        leadUnit: { code: u.code, shortName: u.short_name, fullName: u.full_name },
        latestAcceptedPercent: latest?.percent ?? null,
        latestAcceptedPeriod: latest?.period_code ?? null,
        currentPeriod: period.code,
        currentPeriodStatus: (inPeriod?.status ?? 'none') as 'none' | TaskReport['status'],
      };
    });
  const timeline = buildTimeline(s, history, reports, extensions);
  return ok({
    ...presentSummary(s),
    articleTitleZh: s.row.article_title_zh,
    articleTitleEn: s.row.article_title_en,
    children: snap.tasks.filter((t) => t.row.parent_code === code).map((t) => t.row.code),
    milestones: s.milestones.map((m) => presentMilestone(m, today)),
    stageHistory: history.map((h) => ({
      stage: h.stage,
      stageNameZh: h.name_zh,
      stageNameEn: h.name_en,
      stageTextZh: h.stage_text_zh,
      changedOn: h.changed_on,
      evidence: h.evidence,
    })),
    indicators: s.indicatorCodes.map((c) => indicators.get(c)!),
    owners: owners
      .filter((o) => visible.has(o.scope) && s.leads.some((u) => u.code === o.scope))
      .map((o) => ({ username: o.username, displayName: o.display_name, leadUnit: o.scope })),
    visibleUnits: [...visible],
    units,
    reports,
    extensions,
    closure: s.closure
      ? {
          closedOn: s.closure.closed_on,
          summary: s.closure.summary,
          signedAt: s.closure.signed_at,
          signedBy: s.closure.signed_by,
        }
      : null,
    timeline,
    asOf: today,
  });
}

/** Reports, reviews, stage changes, extensions, milestones and closure in date order (oldest first). */
function buildTimeline(
  s: TaskState,
  history: Awaited<ReturnType<typeof repo.stageHistoryOf>>,
  reports: readonly TaskReport[],
  extensions: ReturnType<typeof presentExtension>[],
): TimelineEntry[] {
  const out: TimelineEntry[] = [];
  for (const h of history)
    out.push({
      date: h.changed_on,
      at: h.recorded_at.length > 10 ? h.recorded_at : null,
      kind: 'stage_changed',
      leadUnit: null,
      actor: null,
      refId: null,
      detail: { stage: h.stage, stageNameZh: h.name_zh, stageNameEn: h.name_en, evidence: h.evidence },
    });
  for (const r of reports) {
    out.push({
      date: r.submittedOn,
      at: r.submittedAt,
      kind: 'report_submitted',
      leadUnit: r.leadUnit.code,
      actor: r.submittedBy,
      refId: r.id,
      detail: { period: r.period, revision: r.revision, percent: r.percent, final: r.final },
    });
    if (r.reviewedAt && r.status !== 'submitted')
      out.push({
        date: r.reviewedAt.slice(0, 10),
        at: r.reviewedAt,
        kind: r.status === 'accepted' ? 'report_accepted' : 'report_returned',
        leadUnit: r.leadUnit.code,
        actor: r.reviewedBy,
        refId: r.id,
        detail: { period: r.period, revision: r.revision, reason: r.reviewReason },
      });
  }
  for (const e of extensions) {
    out.push({
      date: e.requestedOn,
      at: null,
      kind: 'extension_requested',
      leadUnit: e.leadUnit,
      actor: e.requestedBy,
      refId: e.id,
      detail: { currentDue: e.currentDue, newDue: e.newDue, reason: e.reason },
    });
    if (e.decidedAt)
      out.push({
        date: e.decidedAt.slice(0, 10),
        at: e.decidedAt,
        kind: e.status === 'approved' ? 'extension_approved' : 'extension_refused',
        leadUnit: e.leadUnit,
        actor: e.decidedBy,
        refId: e.id,
        detail: { newDue: e.newDue, reason: e.decisionReason },
      });
  }
  for (const m of s.milestones)
    if (m.done_on)
      out.push({
        date: m.done_on,
        at: null,
        kind: 'milestone_done',
        leadUnit: null,
        actor: null,
        refId: m.id,
        detail: { titleZh: m.title_zh, titleEn: m.title_en, dueDate: m.due_date },
      });
  if (s.closure)
    out.push({
      date: s.closure.closed_on,
      at: s.closure.signed_at,
      kind: 'closed',
      leadUnit: null,
      actor: s.closure.signed_by,
      refId: null,
      detail: {},
    });
  return out.sort((a, b) => a.date.localeCompare(b.date) || (a.at ?? '').localeCompare(b.at ?? ''));
}

/** The task's lead units in order, or null when there is no such task. */
export async function taskLeadUnits(db: Kysely<Database>, code: string): Promise<string[] | null> {
  return (await repo.findTask(db, code)) ? repo.leadUnitsOf(db, code) : null;
}
