// 四色督办: a task's colour from the rule table (red, yellow, blue, green tried in that order; the first
// rule that holds gives the colour) and the figures the rules read. Pure.
import type { ColourReason, TaskColour, TaskSettings } from '@scimon/contracts';
import { daysBetween } from './tasks.dates.ts';

/** Elapsed share of start → due on `asOf`, in points (0–100); null without a due date. */
export function timeShare(startDate: string, dueDate: string | null, asOf: string): number | null {
  if (dueDate === null) return null;
  const total = daysBetween(startDate, dueDate);
  if (total <= 0) return asOf >= dueDate ? 100 : 0;
  const elapsed = Math.min(Math.max(daysBetween(startDate, asOf), 0), total);
  return (100 * elapsed) / total;
}

export interface ColourInput {
  dueDate: string | null;
  closedOn: string | null;
  percent: number | null;
  timeShare: number | null;
  today: string;
}

export function taskColour(
  t: ColourInput,
  rules: TaskSettings['statusRules'],
): { colour: TaskColour; reason: ColourReason } {
  const closed = t.closedOn !== null;
  // A closed task is judged on its closure date; an open one on today.
  const overdue = t.dueDate !== null && (closed ? t.closedOn! > t.dueDate : t.today > t.dueDate);
  if (overdue) return { colour: 'red', reason: 'overdue' };
  // Progress rules need a report and a due date; they no longer apply once the task is closed.
  const known = !closed && t.percent !== null && t.timeShare !== null;
  const lag = known ? t.timeShare! - t.percent! : 0;
  if (known && lag > rules.redLagPoints) return { colour: 'red', reason: 'far_behind' };
  if (!closed && t.dueDate !== null && daysBetween(t.today, t.dueDate) <= rules.yellowDueDays)
    return { colour: 'yellow', reason: 'due_soon' };
  if (known && lag > rules.yellowLagPoints) return { colour: 'yellow', reason: 'behind' };
  if (closed && t.dueDate !== null && t.closedOn! < t.dueDate)
    return { colour: 'blue', reason: 'closed_early' };
  if (known && -lag >= rules.blueLeadPoints) return { colour: 'blue', reason: 'ahead' };
  return { colour: 'green', reason: 'normal' };
}

/** A multi-lead task's percent from its units' latest accepted reports (units without one do not count). */
export function combinePercent(latest: readonly number[], rule: TaskSettings['percentRule']): number | null {
  if (latest.length === 0) return null;
  if (rule === 'mean') return latest.reduce((a, b) => a + b, 0) / latest.length;
  return Math.min(...latest);
}

export function milestoneState(dueDate: string, doneOn: string | null, today: string) {
  if (doneOn !== null) return doneOn <= dueDate ? ('met' as const) : ('late' as const);
  return today > dueDate ? ('overdue' as const) : ('open' as const);
}
