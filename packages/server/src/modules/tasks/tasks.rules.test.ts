// The pure rules against hand-computed values: time share, the colour table (first rule that holds),
// percent of multi-lead tasks, reporting periods and their deadlines, the weighted score.
import { describe, expect, it } from 'vitest';
import type { ScoringRule } from '@scimon/contracts';
import { addDays, daysBetween, duePeriods, parsePeriod, periodContaining } from './tasks.dates.ts';
import { combinePercent, milestoneState, taskColour, timeShare } from './tasks.status.ts';
import { weightedScore } from './tasks.scoreboard.ts';
import { DEFAULT_SETTINGS } from './tasks.settings.ts';

const rules = DEFAULT_SETTINGS.statusRules;
const colour = (
  dueDate: string | null,
  percent: number | null,
  today: string,
  closedOn: string | null = null,
  start = '2026-11-18',
) => taskColour({ dueDate, closedOn, percent, timeShare: timeShare(start, dueDate, today), today }, rules);

describe('dates and periods', () => {
  it('counts calendar days across a leap year', () => {
    expect(daysBetween('2023-03-31', '2027-03-31')).toBe(1461);
    expect(daysBetween('2023-03-31', '2026-11-28')).toBe(1338);
    expect(addDays('2026-09-30', 60)).toBe('2026-11-29');
  });
  it('parses period codes of each frequency', () => {
    expect(parsePeriod('2026Q3')).toEqual({
      code: '2026Q3',
      frequency: 'quarter',
      start: '2026-07-01',
      end: '2026-09-30',
    });
    expect(parsePeriod('2024-02')?.end).toBe('2024-02-29');
    expect(parsePeriod('2026')?.end).toBe('2026-12-31');
    expect(parsePeriod('2026Q5')).toBeNull();
    expect(periodContaining('2026-11-28', 'quarter').code).toBe('2026Q4');
  });
  it('lists the periods due: ending after the start, deadline (end + grace) before today', () => {
    // Start 2023-03-31 = the last day of Q1: Q1 is not due; Q2 2023 … Q3 2026 are (14 quarters) on 2026-11-28.
    const due = duePeriods('2023-03-31', '2026-11-28', 10, 'quarter');
    expect(due[0]!.code).toBe('2023Q2');
    expect(due.at(-1)).toMatchObject({ code: '2026Q3', deadline: '2026-10-10' });
    expect(due).toHaveLength(14);
    // With 60 grace days the 2026Q3 deadline is 2026-11-29: not yet due on 2026-11-28.
    expect(duePeriods('2026-07-01', '2026-11-28', 60, 'quarter')).toEqual([]);
    expect(duePeriods('2026-07-01', '2027-01-05', 60, 'quarter').map((p) => p.code)).toEqual(['2026Q3']);
    // A closed task owes nothing for periods ending after its closure.
    expect(duePeriods('2023-03-31', '2026-11-28', 10, 'quarter', '2023-12-01').map((p) => p.code)).toEqual([
      '2023Q2',
      '2023Q3',
    ]);
  });
});

describe('colour table (defaults: red −30, yellow 7 days / −10, blue +20)', () => {
  // Start 2026-11-18, due 2026-12-28: 40 days; on 2026-11-28, 10 elapsed → time share 25.
  it('computes the time share', () => {
    expect(timeShare('2026-11-18', '2026-12-28', '2026-11-28')).toBe(25);
    expect(timeShare('2023-03-31', '2027-03-31', '2026-11-28')).toBeCloseTo((100 * 1338) / 1461, 12);
    expect(timeShare('2026-11-18', null, '2026-11-28')).toBeNull();
    expect(timeShare('2026-11-18', '2026-12-28', '2027-02-01')).toBe(100);
  });
  it('gives green with no report and with no due date', () => {
    expect(colour('2026-12-28', null, '2026-11-28')).toEqual({ colour: 'green', reason: 'normal' });
    expect(colour(null, 0, '2026-11-28')).toEqual({ colour: 'green', reason: 'normal' });
  });
  it('tries the rules in order at the thresholds', () => {
    expect(colour('2026-12-28', 44, '2026-11-28')).toEqual({ colour: 'green', reason: 'normal' }); // +19
    expect(colour('2026-12-28', 45, '2026-11-28')).toEqual({ colour: 'blue', reason: 'ahead' }); // +20
    expect(colour('2026-12-28', 15, '2026-11-28')).toEqual({ colour: 'green', reason: 'normal' }); // −10 is not < −10
    expect(colour('2026-12-28', 14, '2026-11-28')).toEqual({ colour: 'yellow', reason: 'behind' });
    expect(colour('2026-12-28', 0, '2026-11-28')).toEqual({ colour: 'yellow', reason: 'behind' }); // −25
    // Start 2026-06-01, due 2026-12-03: 185 days, 180 elapsed → 97.3; due in 5 days.
    expect(colour('2026-12-03', null, '2026-11-28', null, '2026-06-01')).toEqual({
      colour: 'yellow',
      reason: 'due_soon',
    });
    expect(colour('2026-12-03', 60, '2026-11-28', null, '2026-06-01')).toEqual({
      colour: 'red',
      reason: 'far_behind',
    }); // red first
    expect(colour('2026-12-05', 100, '2026-11-28', null, '2026-06-01')).toEqual({
      colour: 'yellow',
      reason: 'due_soon',
    }); // 7 days
    expect(colour('2026-12-06', 100, '2026-11-28', null, '2026-06-01')).toEqual({
      colour: 'green',
      reason: 'normal',
    });
    expect(colour('2026-11-27', 100, '2026-11-28')).toEqual({ colour: 'red', reason: 'overdue' });
    expect(colour('2026-11-28', 100, '2026-11-28')).toEqual({ colour: 'yellow', reason: 'due_soon' }); // due today: not overdue
  });
  it('judges a closed task on its closure date', () => {
    expect(colour('2026-12-31', 0, '2027-03-01', '2026-11-28')).toEqual({
      colour: 'blue',
      reason: 'closed_early',
    });
    expect(colour('2026-12-31', 0, '2027-03-01', '2026-12-31')).toEqual({
      colour: 'green',
      reason: 'normal',
    });
    expect(colour('2026-12-31', 100, '2027-03-01', '2027-01-02')).toEqual({
      colour: 'red',
      reason: 'overdue',
    });
    expect(colour(null, 100, '2027-03-01', '2027-01-02')).toEqual({ colour: 'green', reason: 'normal' });
  });
});

describe('percent, milestones and score', () => {
  it('takes the lowest (or the mean) of the units with an accepted report', () => {
    expect(combinePercent([80, 70], 'min')).toBe(70);
    expect(combinePercent([80, 70], 'mean')).toBe(75);
    expect(combinePercent([], 'min')).toBeNull();
  });
  it('names milestone states', () => {
    expect(milestoneState('2026-12-15', '2026-11-20', '2026-11-28')).toBe('met');
    expect(milestoneState('2026-12-15', '2026-12-16', '2027-01-01')).toBe('late');
    expect(milestoneState('2026-12-15', null, '2026-12-16')).toBe('overdue');
    expect(milestoneState('2026-12-15', null, '2026-12-15')).toBe('open');
  });
  it('renormalises the weights over the criteria that have a value', () => {
    const r = (criterion: ScoringRule['criterion'], weight: number): ScoringRule => ({
      criterion,
      weight,
      seq: 0,
      nameZh: '',
      nameEn: '',
    });
    const set = [
      r('on_time_reports', 0.3),
      r('on_time_closure', 0.2),
      r('not_overdue', 0.2),
      r('milestones_met', 0.15),
      r('indicator_progress', 0.15),
    ];
    const values = {
      on_time_reports: 0.5,
      on_time_closure: 0,
      not_overdue: 0.5,
      milestones_met: 1,
      indicator_progress: null,
    };
    // (0.3·0.5 + 0.2·0 + 0.2·0.5 + 0.15·1) / 0.85 = 0.4 / 0.85
    expect(weightedScore(values, set)).toBeCloseTo((100 * 0.4) / 0.85, 12);
    expect(
      weightedScore(
        { ...values, on_time_reports: null, on_time_closure: null, not_overdue: null, milestones_met: null },
        set,
      ),
    ).toBeNull();
  });
});
