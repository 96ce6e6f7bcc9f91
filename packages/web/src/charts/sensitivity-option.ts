// Pure option builder of the sensitivity chart (Saltelli/Jansen, as COINr's SA_estimate): per uncertain
// input the first-order index Si and the total index STi as horizontal bars in two panels side by side,
// each with its bootstrap 5–95 % bounds as a whisker over the bar when the run has them (values in the tooltip and the table beside).
import { PALETTE, formatNumber, titleOf, toolboxOf, type ChartTexts } from './common-option.ts';

export interface SensitivityFactor {
  /** Display name of the uncertain input (e.g. 权重). */
  name: string;
  si: number | null;
  sti: number | null;
  siQ5: number | null;
  siQ95: number | null;
  stiQ5: number | null;
  stiQ95: number | null;
}

export interface SensitivityTexts extends ChartTexts {
  exportName: string;
  /** Panel and legend names, e.g. 一阶指数 Si / 总效应指数 STi. */
  first: string;
  total: string;
  /** Name of the bounds in the tooltip, e.g. 5–95 % 区间. */
  bounds: string;
}

type Key = 'si' | 'sti';

const FIRST = PALETTE[0] ?? '#1d5fa8';
const TOTAL = PALETTE[1] ?? '#d4380d';

/** Whisker segments [x5, x95] at each factor's category (markLine pairs); none without bounds. */
export function whiskers(factors: readonly SensitivityFactor[], key: Key) {
  const lo = key === 'si' ? 'siQ5' : 'stiQ5';
  const hi = key === 'si' ? 'siQ95' : 'stiQ95';
  return factors
    .filter((f) => f[lo] !== null && f[hi] !== null)
    .map((f) => [{ coord: [f[lo], f.name] }, { coord: [f[hi], f.name] }]);
}

/** The largest value drawn (estimates and bounds), at least 1 so that indices read on [0, 1]. */
export function sensitivityMax(factors: readonly SensitivityFactor[]): number {
  const vals = factors
    .flatMap((f) => [f.si, f.sti, f.siQ95, f.stiQ95])
    .filter((v): v is number => v !== null);
  const m = Math.max(1, ...vals);
  return m <= 1 ? 1 : Math.ceil(m * 2) / 2;
}

export function buildSensitivityOption(factors: readonly SensitivityFactor[], texts: SensitivityTexts) {
  // Category axes draw bottom-up: reverse so the first factor is on top.
  const rows = [...factors].reverse();
  const names = rows.map((f) => f.name);
  const max = sensitivityMax(factors);
  // Estimates can fall a little below 0 or above 1 with few samples: whole axes in steps of 0.25 / 0.5.
  const low = Math.min(
    0,
    ...factors.flatMap((f) => [f.si, f.siQ5, f.sti, f.stiQ5]).filter((v): v is number => v !== null),
  );
  const step = max > 1 || low < -0.5 ? 0.5 : 0.25;
  const min = Math.floor(low / step) * step;
  const panel = (key: Key, i: number, color: string, name: string) => {
    const lo = key === 'si' ? 'siQ5' : 'stiQ5';
    const hi = key === 'si' ? 'siQ95' : 'stiQ95';
    return {
      name,
      type: 'bar',
      xAxisIndex: i,
      yAxisIndex: i,
      barMaxWidth: 22,
      itemStyle: { color, borderRadius: [0, 3, 3, 0] },
      data: rows.map((f) => ({
        value: f[key],
        bounds: f[lo] !== null && f[hi] !== null ? [f[lo], f[hi]] : null,
      })),
      markLine: {
        silent: true,
        symbol: ['none', 'none'],
        label: { show: false },
        lineStyle: { color: '#262626', width: 2, type: 'solid' },
        data: whiskers(rows, key),
      },
    };
  };
  const tooltipFormatter = (p: {
    seriesName: string;
    name: string;
    value: number | null;
    data: { bounds: [number, number] | null };
  }) => {
    const b = p.data.bounds;
    const bounds = b ? `<br/>${texts.bounds}: ${formatNumber(b[0], 3)} – ${formatNumber(b[1], 3)}` : '';
    return `${p.name}<br/>${p.seriesName}: <b>${formatNumber(p.value, 3)}</b>${bounds}`;
  };
  const axis = (i: number) => ({
    type: 'value',
    gridIndex: i,
    min,
    max,
    interval: step,
    axisLabel: { fontSize: 11 },
  });
  return {
    animation: false,
    color: [FIRST, TOTAL],
    title: titleOf(texts),
    toolbox: toolboxOf(texts, texts.exportName),
    legend: { bottom: 0, data: [texts.first, texts.total] },
    tooltip: { trigger: 'item', formatter: tooltipFormatter },
    grid: [
      { left: 8, width: '42%', top: 64, bottom: 36, containLabel: true },
      { right: 40, width: '42%', top: 64, bottom: 36, containLabel: true },
    ],
    xAxis: [axis(0), axis(1)],
    yAxis: [
      { type: 'category', gridIndex: 0, data: names, axisLabel: { fontSize: 12 } },
      { type: 'category', gridIndex: 1, data: names, axisLabel: { fontSize: 12 } },
    ],
    series: [panel('si', 0, FIRST, texts.first), panel('sti', 1, TOTAL, texts.total)],
  };
}
