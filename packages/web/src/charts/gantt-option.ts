// The milestone chart of one task (Gantt-like): the task's span from start to due date as a bar in its colour,
// one row per milestone with a diamond at its due date (coloured by its state) and a dot where it was done,
// and a line at today. Pure: the page passes texts and dates in, the option comes out.
import { titleOf, toolboxOf, type ChartTexts } from './common-option.ts';

export type MilestoneState = 'met' | 'late' | 'overdue' | 'open';

export interface GanttMilestone {
  label: string;
  dueDate: string;
  doneOn: string | null;
  state: MilestoneState;
}

export interface GanttInput {
  taskLabel: string;
  start: string;
  /** The due date in force; null: the bar runs to today, drawn lighter. */
  due: string | null;
  /** Closure date, if closed. */
  closedOn: string | null;
  colour: string;
  today: string;
  milestones: readonly GanttMilestone[];
}

export interface GanttTexts extends ChartTexts {
  today: string;
  start: string;
  due: string;
  noDue: string;
  done: string;
  closed: string;
  states: Record<MilestoneState, string>;
}

export const STATE_COLOURS: Record<MilestoneState, string> = {
  met: '#389e0d',
  late: '#d48806',
  overdue: '#cf1322',
  open: '#1d5fa8',
};

const DAY = 86_400_000;

/** Midnight (local time, as the time axis shows it) of an ISO date. */
export function dayMs(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1).getTime();
}

function isoOf(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The rows' height in pixels the chart needs: header, one band per row, axis. */
export function ganttHeight(milestoneCount: number): number {
  return 112 + 40 * (milestoneCount + 1);
}

interface RenderApi {
  value(i: number): number;
  coord(v: [number, number]): [number, number];
  size(v: [number, number]): [number, number];
  style(extra?: Record<string, unknown>): Record<string, unknown>;
}
interface RenderParams {
  coordSys: { x: number; y: number; width: number; height: number };
}

/** Draws the task bar between two dates on its row, clipped to the grid. */
function renderBar(params: RenderParams, api: RenderApi) {
  const row = api.value(0);
  const [x0, y] = api.coord([api.value(1), row]);
  const [x1] = api.coord([api.value(2), row]);
  const h = api.size([0, 1])[1] * 0.42;
  const cs = params.coordSys;
  const left = Math.max(x0, cs.x);
  const right = Math.min(x1, cs.x + cs.width);
  return {
    type: 'rect',
    shape: { x: left, y: y - h / 2, width: Math.max(right - left, 2), height: h, r: 3 },
    style: api.style(),
  };
}

export function buildGanttOption(input: GanttInput, texts: GanttTexts): Record<string, unknown> {
  const rows = [input.taskLabel, ...input.milestones.map((m) => m.label)];
  const startMs = dayMs(input.start);
  const endIso = input.closedOn ?? input.due ?? input.today;
  const endMs = Math.max(dayMs(endIso), startMs + DAY);
  const dates = [
    input.start,
    input.today,
    endIso,
    ...(input.due ? [input.due] : []),
    ...input.milestones.flatMap((m) => [m.dueDate, ...(m.doneOn ? [m.doneOn] : [])]),
  ].map(dayMs);
  const lo = Math.min(...dates);
  const hi = Math.max(...dates);
  const pad = Math.max((hi - lo) * 0.06, 14 * DAY);

  const barTip = `${input.taskLabel}<br/>${texts.start} ${input.start} → ${
    input.due ? `${texts.due} ${input.due}` : texts.noDue
  }${input.closedOn ? `<br/>${texts.closed} ${input.closedOn}` : ''}`;

  const dueMarks = input.milestones.map((m, i) => ({
    value: [dayMs(m.dueDate), i + 1],
    itemStyle: { color: STATE_COLOURS[m.state] },
    tip: `${m.label}<br/>${texts.due} ${m.dueDate} · ${texts.states[m.state]}${
      m.doneOn ? `<br/>${texts.done} ${m.doneOn}` : ''
    }`,
  }));
  const doneMarks = input.milestones.flatMap((m, i) =>
    m.doneOn
      ? [
          {
            value: [dayMs(m.doneOn), i + 1],
            itemStyle: { color: STATE_COLOURS[m.state], borderColor: '#fff', borderWidth: 1 },
            tip: `${m.label}<br/>${texts.done} ${m.doneOn}`,
          },
        ]
      : [],
  );

  return {
    animation: false,
    title: titleOf(texts),
    toolbox: toolboxOf(texts, texts.title),
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p: { data?: { tip?: string } }) => p.data?.tip ?? '',
    },
    grid: { left: 8, right: 40, top: 72, bottom: 8, containLabel: true },
    xAxis: {
      type: 'time',
      min: lo - pad,
      max: hi + pad,
      axisLabel: { color: '#595959', hideOverlap: true, formatter: (v: number) => isoOf(v).slice(0, 7) },
      splitLine: { show: true, lineStyle: { color: '#f0f0f0' } },
    },
    yAxis: {
      type: 'category',
      data: rows,
      inverse: true,
      axisTick: { show: false },
      axisLabel: {
        color: '#262626',
        width: 220,
        overflow: 'truncate',
        fontWeight: 400,
      },
    },
    series: [
      {
        name: texts.title,
        type: 'custom',
        renderItem: renderBar,
        encode: { x: [1, 2], y: 0 },
        itemStyle: { color: input.colour, opacity: input.due ? 0.85 : 0.35 },
        data: [{ value: [0, startMs, endMs], tip: barTip }],
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { color: '#595959', type: 'dashed', width: 1 },
          // the y axis is inverted: 'start' is the top of the line
          label: { formatter: `${texts.today} ${input.today}`, position: 'start', color: '#595959' },
          data: [{ xAxis: dayMs(input.today) }],
        },
      },
      {
        name: texts.due,
        type: 'scatter',
        symbol: 'diamond',
        symbolSize: 16,
        z: 3,
        data: dueMarks,
      },
      {
        name: texts.done,
        type: 'scatter',
        symbol: 'circle',
        symbolSize: 9,
        z: 4,
        data: doneMarks,
      },
    ],
  };
}
