// Every task with what its colour depends on, as of one date: read once, computed in memory (the
// catalogue holds dozens of tasks; even thousands fit). List, board, detail, scoreboard, reminders and
// the CLI all read this one snapshot, so they never disagree.
import type { Kysely, Selectable } from 'kysely';
import type {
  Database,
  LeadUnitTable,
  TaskClosureTable,
  TaskExtensionTable,
  TaskMilestoneTable,
} from '@scimon/db';
import type { ColourReason, TaskColour, TaskSettings } from '@scimon/contracts';
import * as repo from './tasks.repository.ts';
import { getSettings } from './tasks.settings.ts';
import { combinePercent, taskColour, timeShare } from './tasks.status.ts';
import { parsePeriod } from './tasks.dates.ts';

export type LeadUnitRow = Selectable<LeadUnitTable>;
export type MilestoneRow = Selectable<TaskMilestoneTable>;
export type ClosureRow = Selectable<TaskClosureTable>;
export type ExtensionRow = Selectable<TaskExtensionTable>;
export type TaskRow = Awaited<ReturnType<typeof repo.listTasks>>[number];

export interface TaskState {
  row: TaskRow;
  leads: LeadUnitRow[];
  coUnits: LeadUnitRow[];
  stageName: { zh: string; en: string } | null;
  closure: ClosureRow | null;
  milestones: MilestoneRow[];
  /** Every revision of every report on the task, in filing order. */
  reports: repo.ReportRow[];
  extensions: ExtensionRow[];
  /** Per current lead unit: its latest accepted report (by period, then revision). */
  latestAccepted: Map<string, repo.ReportRow>;
  indicatorCodes: string[];
  percent: number | null;
  timeShare: number | null;
  colour: TaskColour;
  reason: ColourReason;
}

export interface Snapshot {
  today: string;
  settings: TaskSettings;
  units: Map<string, LeadUnitRow>;
  unitList: LeadUnitRow[];
  tasks: TaskState[];
  byCode: Map<string, TaskState>;
}

function group<T>(rows: readonly T[], key: (r: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}

const periodEnd = (code: string) => parsePeriod(code)?.end ?? code;

export async function loadSnapshot(db: Kysely<Database>, today: string): Promise<Snapshot> {
  const [settings, tasks, units, leads, coUnits, stages, closures, milestones, reports, links, extensions] =
    await Promise.all([
      getSettings(db),
      repo.listTasks(db),
      repo.listLeadUnits(db),
      repo.listTaskLeadUnits(db),
      repo.listCoUnits(db),
      repo.listStages(db),
      repo.listClosures(db),
      repo.listMilestones(db),
      repo.listReports(db),
      repo.listIndicatorLinks(db),
      repo.listExtensions(db),
    ]);
  const unitByCode = new Map(units.map((u) => [u.code, u]));
  const stageByCode = new Map(stages.map((s) => [s.code, s]));
  const closureByTask = new Map(closures.map((c) => [c.task_code, c]));
  const leadsByTask = group(leads, (l) => l.task_code);
  const coByTask = group(coUnits, (l) => l.task_code);
  const msByTask = group(milestones, (m) => m.task_code);
  const reportsByTask = group(reports, (r) => r.task_code);
  const linksByTask = group(links, (l) => l.task_code);
  const extByTask = group(extensions, (e) => e.task_code);

  const states = tasks.map((row): TaskState => {
    const taskLeads = (leadsByTask.get(row.code) ?? []).flatMap(
      (l) => unitByCode.get(l.lead_unit_code) ?? [],
    );
    const taskReports = reportsByTask.get(row.code) ?? [];
    const latestAccepted = new Map<string, repo.ReportRow>();
    const accepted = taskReports
      .filter((r) => r.status === 'accepted')
      .sort(
        (a, b) => periodEnd(a.period_code).localeCompare(periodEnd(b.period_code)) || a.revision - b.revision,
      );
    const current = new Set(taskLeads.map((u) => u.code));
    // Reports of a unit no longer leading the task stay on record but no longer set the percent.
    for (const r of accepted) if (current.has(r.lead_unit_code)) latestAccepted.set(r.lead_unit_code, r);
    const closure = closureByTask.get(row.code) ?? null;
    const percent = combinePercent(
      [...latestAccepted.values()].map((r) => r.percent),
      settings.percentRule,
    );
    const share = timeShare(row.start_date, row.due_date, today);
    const { colour, reason } = taskColour(
      { dueDate: row.due_date, closedOn: closure?.closed_on ?? null, percent, timeShare: share, today },
      settings.statusRules,
    );
    const stage = row.stage ? stageByCode.get(row.stage) : undefined;
    return {
      row,
      leads: taskLeads,
      coUnits: (coByTask.get(row.code) ?? []).flatMap((l) => unitByCode.get(l.lead_unit_code) ?? []),
      stageName: stage ? { zh: stage.name_zh, en: stage.name_en } : null,
      closure,
      milestones: msByTask.get(row.code) ?? [],
      reports: taskReports,
      extensions: extByTask.get(row.code) ?? [],
      latestAccepted,
      indicatorCodes: (linksByTask.get(row.code) ?? []).map((l) => l.indicator_code),
      percent,
      timeShare: share,
      colour,
      reason,
    };
  });
  return {
    today,
    settings,
    units: unitByCode,
    unitList: units,
    tasks: states,
    byCode: new Map(states.map((s) => [s.row.code, s])),
  };
}
