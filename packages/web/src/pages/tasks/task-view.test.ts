import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../../api/types.ts';
import {
  daysBetween,
  fileableUnits,
  isManager,
  rateText,
  recentPeriods,
  reminderGroup,
  sortReminders,
} from './task-view.ts';

const user = (roles: [string, string][]): SessionUser => ({
  username: 'u',
  displayName: null,
  mustChangePassword: false,
  roles: roles.map(([role, scope]) => ({ role, scope })),
});
const ref = (code: string) => ({ code, shortName: code, fullName: code });
const task = { leadUnits: [ref('CQ'), ref('SC'), ref('MOST')], closedOn: null };

describe('task permissions', () => {
  it('lets a coordinator file for every lead unit and an owner for its own only', () => {
    expect(fileableUnits(user([['coordinator', 'WSC']]), task)).toEqual(['CQ', 'SC', 'MOST']);
    expect(fileableUnits(user([['task_owner', 'MOST']]), task)).toEqual(['MOST']);
    expect(fileableUnits(user([['task_owner', 'PBC']]), task)).toEqual([]);
    expect(fileableUnits(null, task)).toEqual([]);
    expect(fileableUnits(user([['admin', 'WSC']]), { ...task, closedOn: '2026-01-01' })).toEqual([]);
    expect(isManager(user([['analyst', 'WSC']]))).toBe(false);
  });
});

describe('reporting periods', () => {
  it('counts back quarters, months and years across year ends', () => {
    expect(recentPeriods('2026Q2', 4)).toEqual(['2026Q2', '2026Q1', '2025Q4', '2025Q3']);
    expect(recentPeriods('2026-02', 3)).toEqual(['2026-02', '2026-01', '2025-12']);
    expect(recentPeriods('2026', 2)).toEqual(['2026', '2025']);
    expect(recentPeriods('odd', 3)).toEqual(['odd']);
  });

  it('measures days and formats rates', () => {
    expect(daysBetween('2026-11-28', '2026-12-20')).toBe(22);
    expect(daysBetween('2026-12-20', '2026-11-28')).toBe(-22);
    expect(rateText(0.4706)).toBe('47.1%');
    expect(rateText(null)).toBe('—');
  });
});

describe('reminders', () => {
  const item = (kind: string, date: string | null, taskCode = 'T1') => ({ kind, date, taskCode });
  it('groups overdue, due-soon and to-do items and puts the overdue first', () => {
    const today = '2026-11-28';
    expect(reminderGroup(item('milestone_due', '2026-11-20'), today)).toBe('overdue');
    expect(reminderGroup(item('milestone_due', '2026-12-01'), today)).toBe('dueSoon');
    expect(reminderGroup(item('review_pending', null), today)).toBe('todo');
    const sorted = sortReminders(
      [
        item('review_pending', null, 'A'),
        item('task_due_soon', '2026-12-01', 'B'),
        item('task_overdue', '2026-11-01', 'C'),
        item('report_overdue', '2026-10-10', 'D'),
      ],
      today,
    );
    expect(sorted.map((i) => i.taskCode)).toEqual(['D', 'C', 'B', 'A']);
  });
});
