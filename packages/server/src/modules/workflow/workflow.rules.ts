// Pure rules of the submission workflow: the transitions, what a caller may do now, deadlines per period
// type and timeliness. No I/O: services pass in the principal, the unit's path and the dates.
import type { DeadlineRule, SubmissionAction, SubmissionStatus } from '@scimon/contracts';
import { isAllowed, type Action, type PrincipalGrants } from '../auth/policy.ts';

/** Each action: the states it starts from, the state it leads to, who may take it, whether it needs a reason. */
export const TRANSITIONS: Record<
  SubmissionAction,
  { from: readonly SubmissionStatus[]; to: SubmissionStatus; permission: Action; reason: boolean }
> = {
  submit: { from: ['draft', 'returned'], to: 'submitted', permission: 'data.write', reason: false },
  return: { from: ['submitted'], to: 'returned', permission: 'data.review', reason: true },
  approve: { from: ['submitted'], to: 'approved', permission: 'data.review', reason: false },
  unapprove: { from: ['approved'], to: 'returned', permission: 'data.review', reason: true },
};

/** States whose report values are locked against import and batch writes. */
export const LOCKED_STATES: readonly SubmissionStatus[] = ['submitted', 'approved', 'published'];

/**
 * The status a submission's report values carry. Values mirror the submission, except that the values of
 * a returned submission are `draft` again: back with the reporter, editable and unreviewed (the import
 * writes `draft` for every edited report value).
 */
export function valueStatusOf(s: SubmissionStatus): string {
  return s === 'returned' ? 'draft' : s;
}

/** The actions the caller may take now on a submission in `status` for the unit at `orgUnitPath`. */
export function allowedActions(
  principal: PrincipalGrants | null,
  status: SubmissionStatus,
  orgUnitPath: readonly string[],
): SubmissionAction[] {
  const out: SubmissionAction[] = [];
  for (const [action, t] of Object.entries(TRANSITIONS) as [
    SubmissionAction,
    (typeof TRANSITIONS)['submit'],
  ][])
    if (t.from.includes(status) && isAllowed(principal, t.permission, { orgUnitPath })) out.push(action);
  return out;
}

export type PeriodType = DeadlineRule['periodType'];

export const DEFAULT_DEADLINES: Record<PeriodType, DeadlineRule> = {
  annual: { periodType: 'annual', month: 6, day: 30, daysAfterEnd: null },
  quarterly: { periodType: 'quarterly', month: null, day: null, daysAfterEnd: 20 },
  monthly: { periodType: 'monthly', month: null, day: null, daysAfterEnd: 15 },
};

const PERIOD_TYPE_OF_KIND: Record<string, PeriodType> = {
  year: 'annual',
  quarter: 'quarterly',
  month: 'monthly',
};

export const periodTypeOf = (periodTableType: string): PeriodType | undefined =>
  PERIOD_TYPE_OF_KIND[periodTableType];

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** A rule is complete for its type: annual needs month and day (a real date), the others daysAfterEnd. */
export function checkDeadlineRule(r: DeadlineRule): string | null {
  if (r.periodType === 'annual') {
    if (r.month === null || r.day === null) return 'month and day are required';
    if (r.day > lastDay(2001, r.month)) return `month ${r.month} has no day ${r.day}`;
    return null;
  }
  return r.daysAfterEnd === null ? 'daysAfterEnd is required' : null;
}

/**
 * The submission deadline (a calendar date) of a period: annual data by month/day of the next year
 * (29 February falls back to the 28th outside leap years); quarterly and monthly data N days after the end.
 */
export function deadlineOf(rule: DeadlineRule, period: { endDate: string }): string {
  const [y, m, d] = period.endDate.split('-').map(Number) as [number, number, number];
  if (rule.periodType === 'annual') {
    const year = y + 1;
    const month = rule.month ?? 6;
    const day = Math.min(rule.day ?? 30, lastDay(year, month));
    return `${year}-${pad(month)}-${pad(day)}`;
  }
  const t = new Date(Date.UTC(y, m - 1, d + (rule.daysAfterEnd ?? 0)));
  return t.toISOString().slice(0, 10);
}

/** On time when first submitted on or before the deadline (the +08:00 timestamp's calendar date). */
export function isOnTime(firstSubmittedAt: string | null, deadline: string): boolean | null {
  return firstSubmittedAt === null ? null : firstSubmittedAt.slice(0, 10) <= deadline;
}
