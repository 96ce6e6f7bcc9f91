// 考核: one row per lead unit over every task it leads, scored with the rule set held as data
// (task_scoring_rule). Criteria without a value (nothing due yet) drop out and the remaining weights are
// renormalised, so a unit is not punished or rewarded for what cannot be judged yet.
import type { Kysely } from 'kysely';
import type { Database } from '@scimon/db';
import type {
  LinkedIndicator,
  Scoreboard,
  ScoreboardRow,
  ScoringCriterion,
  ScoringRule,
} from '@scimon/contracts';
import type { PrincipalGrants } from '../auth/policy.ts';
import type { MonitoringContext } from '../monitoring/monitoring.service.ts';
import { loadSnapshot, type Snapshot, type TaskState } from './tasks.snapshot.ts';
import { getScoringRules } from './tasks.settings.ts';
import { duePeriods } from './tasks.dates.ts';
import { linkedIndicators } from './tasks.indicators.ts';
import { unitRef } from './tasks.presenter.ts';

const rate = (num: number, den: number) => (den === 0 ? null : num / den);

/** Reports due from one unit on one task, and how many were filed (any revision) by their deadline. */
export function reportPunctuality(s: TaskState, unit: string, snap: Snapshot) {
  const { settings, today } = snap;
  const after =
    settings.reportingStart && settings.reportingStart > s.row.start_date
      ? settings.reportingStart
      : s.row.start_date;
  const periods = duePeriods(
    after,
    today,
    settings.reportGraceDays,
    settings.reportFrequency,
    s.closure?.closed_on ?? null,
  );
  let onTime = 0;
  for (const p of periods) {
    if (
      s.reports.some(
        (r) => r.lead_unit_code === unit && r.period_code === p.code && r.submitted_on <= p.deadline,
      )
    )
      onTime++;
  }
  return { due: periods.length, onTime, periods };
}

/** Weighted mean in points (0–100) over the criteria that have a value; null when none has. */
export function weightedScore(
  values: Record<ScoringCriterion, number | null>,
  rules: readonly ScoringRule[],
): number | null {
  let sum = 0;
  let weights = 0;
  for (const r of rules) {
    const v = values[r.criterion];
    if (v === null || r.weight <= 0) continue;
    sum += r.weight * v;
    weights += r.weight;
  }
  return weights === 0 ? null : (100 * sum) / weights;
}

export function scoreUnit(
  snap: Snapshot,
  unit: string,
  indicators: ReadonlyMap<string, LinkedIndicator>,
  rules: readonly ScoringRule[],
): Omit<ScoreboardRow, 'rank' | 'leadUnit'> {
  const { today } = snap;
  const tasks = snap.tasks.filter((s) => s.leads.some((u) => u.code === unit));
  let reportsDue = 0;
  let reportsOnTime = 0;
  let tasksDueOrClosed = 0;
  let closedOnTime = 0;
  let overdue = 0;
  let milestonesDue = 0;
  let milestonesMet = 0;
  const colours = { red: 0, yellow: 0, green: 0, blue: 0 };
  const indicatorCodes = new Set<string>();
  for (const s of tasks) {
    const p = reportPunctuality(s, unit, snap);
    reportsDue += p.due;
    reportsOnTime += p.onTime;
    const due = s.row.due_date;
    const closedOn = s.closure?.closed_on ?? null;
    if (due !== null && (closedOn !== null || due < today)) {
      tasksDueOrClosed++;
      if (closedOn !== null && closedOn <= due) closedOnTime++;
    }
    if (due !== null && closedOn === null && due < today) overdue++;
    for (const m of s.milestones) {
      // Judged once due, or once done (done early counts as met before the date arrives).
      if (m.due_date < today || m.done_on !== null) {
        milestonesDue++;
        if (m.done_on !== null && m.done_on <= m.due_date) milestonesMet++;
      }
    }
    colours[s.colour]++;
    for (const c of s.indicatorCodes) indicatorCodes.add(c);
  }
  const scores = [...indicatorCodes].flatMap((c) => {
    const score = indicators.get(c)?.score;
    return score === null || score === undefined ? [] : [Math.min(Math.max(score / 5, 0), 1)];
  });
  const indicatorProgress = scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null;
  const values: Record<ScoringCriterion, number | null> = {
    on_time_reports: rate(reportsOnTime, reportsDue),
    on_time_closure: rate(closedOnTime, tasksDueOrClosed),
    not_overdue: tasks.length ? 1 - overdue / tasks.length : null,
    milestones_met: rate(milestonesMet, milestonesDue),
    indicator_progress: indicatorProgress,
  };
  return {
    tasksLed: tasks.length,
    reportsDue,
    reportsOnTime,
    onTimeReportRate: values.on_time_reports,
    tasksDueOrClosed,
    closedOnTime,
    onTimeClosureRate: values.on_time_closure,
    overdue,
    notOverdueRate: values.not_overdue,
    milestonesDue,
    milestonesMet,
    milestoneRate: values.milestones_met,
    indicatorProgress,
    indicatorsAvailable: scores.length,
    colours,
    score: weightedScore(values, rules),
  };
}

export async function getScoreboard(
  db: Kysely<Database>,
  monitoring: MonitoringContext,
  today: string,
  principal: PrincipalGrants | null,
): Promise<Scoreboard> {
  const [snap, rules] = await Promise.all([loadSnapshot(db, today), getScoringRules(db)]);
  const codes = [...new Set(snap.tasks.flatMap((s) => s.indicatorCodes))];
  const indicators = await linkedIndicators(monitoring, codes, today, principal);
  const rows = snap.unitList
    .map((u) => ({ leadUnit: unitRef(u), ...scoreUnit(snap, u.code, indicators, rules) }))
    .filter((r) => r.tasksLed > 0);
  // Competition ranking (1, 1, 3): equal scores share a rank; units without a score come last.
  const sorted = [...rows].sort((a, b) => (b.score ?? -1) - (a.score ?? -1));
  const items = sorted.map((r) => ({
    ...r,
    rank: r.score === null ? sorted.length : 1 + sorted.filter((o) => (o.score ?? -1) > r.score!).length,
  }));
  return { asOf: today, rules, items };
}
