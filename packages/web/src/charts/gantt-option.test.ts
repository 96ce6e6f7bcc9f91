import { describe, expect, it } from 'vitest';
import { buildGanttOption, dayMs, ganttHeight, STATE_COLOURS, type GanttTexts } from './gantt-option.ts';

const texts: GanttTexts = {
  title: 'Milestones',
  saveAsImage: 'Save',
  today: 'Today',
  start: 'Start',
  due: 'Due',
  noDue: 'no due date',
  done: 'Done',
  closed: 'Closed',
  states: { met: 'met', late: 'late', overdue: 'overdue', open: 'open' },
};

type Series = { type: string; data: { value: number[]; itemStyle?: { color: string }; tip?: string }[] }[];

describe('milestone chart option', () => {
  const input = {
    taskLabel: 'T03-02',
    start: '2023-03-31',
    due: '2026-12-20',
    closedOn: null,
    colour: '#389e0d',
    today: '2026-11-28',
    milestones: [
      { label: 'Plan', dueDate: '2024-06-30', doneOn: '2024-06-01', state: 'met' as const },
      { label: 'Build', dueDate: '2026-10-31', doneOn: null, state: 'overdue' as const },
    ],
  };

  it('puts the task bar on the first row from start to due, milestones on the rows below', () => {
    const o = buildGanttOption(input, texts);
    expect((o.yAxis as { data: string[] }).data).toEqual(['T03-02', 'Plan', 'Build']);
    const series = o.series as Series;
    expect(series[0]?.type).toBe('custom');
    expect(series[0]?.data[0]?.value).toEqual([0, dayMs('2023-03-31'), dayMs('2026-12-20')]);
    expect(series[1]?.data.map((d) => d.value)).toEqual([
      [dayMs('2024-06-30'), 1],
      [dayMs('2026-10-31'), 2],
    ]);
    expect(series[1]?.data[1]?.itemStyle?.color).toBe(STATE_COLOURS.overdue);
    // only the done milestone has a done dot
    expect(series[2]?.data.map((d) => d.value)).toEqual([[dayMs('2024-06-01'), 1]]);
  });

  it('marks today and spans every date with some padding', () => {
    const o = buildGanttOption(input, texts);
    const x = o.xAxis as { min: number; max: number };
    expect(x.min).toBeLessThan(dayMs('2023-03-31'));
    expect(x.max).toBeGreaterThan(dayMs('2026-12-20'));
    const mark = (o.series as { markLine?: { data: { xAxis: number }[] } }[])[0]?.markLine;
    expect(mark?.data[0]?.xAxis).toBe(dayMs('2026-11-28'));
  });

  it('runs an undated task to today, lighter, and names the missing due date', () => {
    const o = buildGanttOption({ ...input, due: null, milestones: [] }, texts);
    const bar = (o.series as (Series[number] & { itemStyle: { opacity: number } })[])[0];
    expect(bar?.data[0]?.value[2]).toBe(dayMs('2026-11-28'));
    expect(bar?.itemStyle.opacity).toBeLessThan(0.5);
    expect(bar?.data[0]?.tip).toContain('no due date');
    expect(ganttHeight(0)).toBeLessThan(ganttHeight(3));
  });
});
