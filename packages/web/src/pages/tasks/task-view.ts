// Pure helpers of the task pages: colours, who may do what on a task, reporting periods.
import type { TaskColour, TaskDetail } from '@scimon/contracts';
import type { SessionUser } from '../../api/types.ts';

/** The four colours of 四色督办, darkened enough to read as text on white. */
export const COLOUR_HEX: Record<TaskColour, string> = {
  red: '#cf1322',
  yellow: '#d48806',
  green: '#389e0d',
  blue: '#1d5fa8',
};

export const COLOUR_ORDER: readonly TaskColour[] = ['red', 'yellow', 'green', 'blue'];

const MANAGERS = ['admin', 'coordinator'];

/** Admin and coordinator review, decide and change tasks. */
export function isManager(user: SessionUser | null): boolean {
  return !!user && user.roles.some((g) => MANAGERS.includes(g.role));
}

/** Lead-unit codes the user owns (task_owner grants). */
export function ownedUnits(user: SessionUser | null): string[] {
  return (user?.roles ?? []).filter((g) => g.role === 'task_owner').map((g) => g.scope);
}

/**
 * The lead units of the task the user may file for: every lead unit for admin and coordinator, the own
 * unit for a task owner; none when signed out or the task is closed.
 */
export function fileableUnits(
  user: SessionUser | null,
  task: Pick<TaskDetail, 'leadUnits' | 'closedOn'>,
): string[] {
  if (!user || task.closedOn) return [];
  const codes = task.leadUnits.map((u) => u.code);
  if (isManager(user)) return codes;
  const own = new Set(ownedUnits(user));
  return codes.filter((c) => own.has(c));
}

/** `2026Q3` → the n periods ending with it, newest first (`2026Q3`, `2026Q2`, …); same for `2026-09`, `2026`. */
export function recentPeriods(current: string, n: number): string[] {
  const out: string[] = [];
  const q = /^(\d{4})Q([1-4])$/.exec(current);
  const m = /^(\d{4})-(\d{2})$/.exec(current);
  const y = /^(\d{4})$/.exec(current);
  for (let i = 0; i < n; i++) {
    if (q) {
      const idx = Number(q[1]) * 4 + Number(q[2]) - 1 - i;
      out.push(`${Math.floor(idx / 4)}Q${(idx % 4) + 1}`);
    } else if (m) {
      const idx = Number(m[1]) * 12 + Number(m[2]) - 1 - i;
      out.push(`${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}`);
    } else if (y) {
      out.push(String(Number(y[1]) - i));
    } else {
      return [current];
    }
  }
  return out;
}

/** Days from `from` to `to` (ISO dates), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** A rate 0–1 as a percentage text ('—' when absent). */
export function rateText(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  return `${(Math.round(v * 1000) / 10).toFixed(1)}%`;
}

export type ReminderGroup = 'overdue' | 'dueSoon' | 'todo';
export const REMINDER_GROUPS: readonly ReminderGroup[] = ['overdue', 'dueSoon', 'todo'];

/** Overdue (task, report, milestone past its date), due soon (within the look-ahead), or work to do. */
export function reminderGroup(item: { kind: string; date: string | null }, today: string): ReminderGroup {
  switch (item.kind) {
    case 'task_overdue':
    case 'report_overdue':
      return 'overdue';
    case 'milestone_due':
      return item.date !== null && item.date < today ? 'overdue' : 'dueSoon';
    case 'task_due_soon':
    case 'report_due':
      return 'dueSoon';
    default:
      return 'todo';
  }
}

/** Overdue first, then due soon, then the rest; within a group the earliest date first. */
export function sortReminders<T extends { kind: string; date: string | null; taskCode: string }>(
  items: readonly T[],
  today: string,
): T[] {
  const rank = (i: T) => REMINDER_GROUPS.indexOf(reminderGroup(i, today));
  return [...items].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.date ?? '9999').localeCompare(b.date ?? '9999') ||
      a.taskCode.localeCompare(b.taskCode),
  );
}
