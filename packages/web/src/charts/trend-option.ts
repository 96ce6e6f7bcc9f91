// Pure option builder: an indicator's trend by org unit (one line per unit) with the target as a line.
import { PALETTE, formatNumber, titleOf, toolboxOf, type ChartTexts } from './common-option.ts';

export interface TrendLine {
  name: string;
  /** Values by year; null = no value. */
  values: Record<string, number | null>;
}

export interface TrendModel {
  years: readonly string[];
  lines: readonly TrendLine[];
  unit: string;
  /** A level to reach, drawn as a dashed horizontal line. */
  target?: { value: number; label: string } | null;
}

export function buildTrendOption(m: TrendModel, texts: ChartTexts & { exportName: string }) {
  return {
    animation: false,
    color: PALETTE,
    title: titleOf({ ...texts, subtitle: texts.subtitle ?? m.unit }),
    toolbox: toolboxOf(texts, texts.exportName),
    legend: { type: 'scroll', bottom: 0, data: m.lines.map((l) => l.name) },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v: number | null) => (v === null ? '—' : `${formatNumber(v)} ${m.unit}`),
    },
    grid: { left: 56, right: 24, top: 64, bottom: 56, containLabel: false },
    xAxis: { type: 'category', data: [...m.years], boundaryGap: false },
    yAxis: { type: 'value', scale: true, axisLabel: { formatter: (v: number) => formatNumber(v) } },
    series: m.lines.map((l, i) => ({
      name: l.name,
      type: 'line',
      connectNulls: false,
      symbolSize: 6,
      data: m.years.map((y) => l.values[y] ?? null),
      ...(i === 0 && m.target
        ? {
            markLine: {
              silent: true,
              symbol: 'none',
              lineStyle: { type: 'dashed', color: '#d4380d' },
              label: { formatter: m.target.label, position: 'insideEndTop', color: '#d4380d' },
              data: [{ yAxis: m.target.value }],
            },
          }
        : {}),
    })),
  };
}
