// Pure option builders of the 排名 page: rank intervals (5–95 % bars with the nominal rank and median),
// a dimension radar per unit, and the rank change year on year.
import { PALETTE, titleOf, toolboxOf, type ChartTexts } from './common-option.ts';

export interface RankRow {
  name: string;
  nominal: number | null;
  median: number | null;
  q5: number | null;
  q95: number | null;
}

interface RankTexts extends ChartTexts {
  exportName: string;
  interval: string;
  nominal: string;
  median: string;
  rankAxis: string;
}

/** Best (rank 1) on top; units without a nominal rank last. */
export function sortByRank(rows: readonly RankRow[]): RankRow[] {
  return [...rows].sort((a, b) => (a.nominal ?? Infinity) - (b.nominal ?? Infinity));
}

const escapeHtml = (t: string) =>
  t.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Tooltip of one unit: its nominal and median rank and the interval (q5–q95), not the stacked bar values. */
export function rankTooltip(
  sorted: readonly RankRow[],
  params: unknown,
  texts: Pick<RankTexts, 'interval' | 'nominal' | 'median'>,
): string {
  const first = (Array.isArray(params) ? params[0] : params) as { dataIndex?: number } | undefined;
  const r = first?.dataIndex === undefined ? undefined : sorted[first.dataIndex];
  if (!r) return '';
  const n = (v: number | null) => (v === null ? '—' : String(Math.round(v * 10) / 10));
  const lines = [`<b>${escapeHtml(r.name)}</b>`, `${escapeHtml(texts.nominal)}: ${n(r.nominal)}`];
  if (r.median !== null) lines.push(`${escapeHtml(texts.median)}: ${n(r.median)}`);
  if (r.q5 !== null && r.q95 !== null && (r.median !== null || r.q5 !== r.q95))
    lines.push(`${escapeHtml(texts.interval)}: ${n(r.q5)}–${n(r.q95)}`);
  return lines.join('<br/>');
}

export function buildRankIntervalOption(rows: readonly RankRow[], texts: RankTexts) {
  const sorted = sortByRank(rows).reverse();
  const maxRank = Math.max(1, ...rows.map((r) => Math.max(r.q95 ?? 0, r.nominal ?? 0)));
  return {
    animation: false,
    title: titleOf(texts),
    toolbox: toolboxOf(texts, texts.exportName),
    legend: { bottom: 0, data: [texts.interval, texts.nominal, texts.median] },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => rankTooltip(sorted, params, texts),
    },
    grid: { left: 8, right: 24, top: 64, bottom: 60, containLabel: true },
    // Ranks are whole numbers: ticks on them (every other one beyond 12 units), bars span rank ± 0.5.
    xAxis: {
      type: 'value',
      name: texts.rankAxis,
      nameLocation: 'middle',
      nameGap: 24,
      min: 0,
      max: maxRank + 1,
      interval: maxRank > 12 ? 2 : 1,
      axisLabel: { formatter: (v: number) => (v >= 1 && v <= maxRank ? String(v) : '') },
    },
    yAxis: { type: 'category', data: sorted.map((r) => r.name) },
    series: [
      {
        name: 'base',
        type: 'bar',
        stack: 'interval',
        silent: true,
        itemStyle: { color: 'transparent' },
        tooltip: { show: false },
        data: sorted.map((r) => (r.q5 === null ? null : r.q5 - 0.5)),
      },
      {
        name: texts.interval,
        type: 'bar',
        stack: 'interval',
        barMaxWidth: 14,
        itemStyle: { color: '#adc6ff', borderRadius: 3 },
        data: sorted.map((r) => (r.q5 === null || r.q95 === null ? null : r.q95 - r.q5 + 1)),
      },
      {
        name: texts.nominal,
        type: 'scatter',
        symbol: 'diamond',
        symbolSize: 12,
        itemStyle: { color: '#1d5fa8' },
        data: sorted.map((r) => r.nominal),
      },
      {
        name: texts.median,
        type: 'scatter',
        symbol: 'rect',
        symbolSize: [3, 14],
        itemStyle: { color: '#d4380d' },
        data: sorted.map((r) => r.median),
      },
    ],
  };
}

export interface RadarModel {
  dimensions: readonly { code: string; name: string }[];
  units: readonly { name: string; scores: Record<string, number | null> }[];
  max: number;
}

export function buildRadarOption(m: RadarModel, texts: ChartTexts & { exportName: string }) {
  return {
    animation: false,
    color: PALETTE,
    title: titleOf(texts),
    toolbox: toolboxOf(texts, texts.exportName),
    legend: { type: 'scroll', bottom: 0, data: m.units.map((u) => u.name) },
    tooltip: { trigger: 'item' },
    radar: {
      center: ['50%', '55%'],
      radius: '62%',
      indicator: m.dimensions.map((d) => ({ name: d.name, max: m.max, min: 0 })),
      axisName: { color: '#434343', fontSize: 11 },
    },
    series: [
      {
        type: 'radar',
        symbolSize: 4,
        areaStyle: { opacity: 0.08 },
        data: m.units.map((u) => ({ name: u.name, value: m.dimensions.map((d) => u.scores[d.code] ?? 0) })),
      },
    ],
  };
}

export interface RankChangeModel {
  years: readonly number[];
  units: readonly { name: string; ranks: Record<number, number | null> }[];
}

export function buildRankChangeOption(
  m: RankChangeModel,
  texts: ChartTexts & { exportName: string; rankAxis: string },
) {
  const maxRank = Math.max(1, ...m.units.flatMap((u) => Object.values(u.ranks).map((r) => r ?? 0)));
  return {
    animation: false,
    color: PALETTE,
    title: titleOf(texts),
    toolbox: toolboxOf(texts, texts.exportName),
    legend: { type: 'scroll', bottom: 0, data: m.units.map((u) => u.name) },
    tooltip: { trigger: 'axis' },
    grid: { left: 48, right: 24, top: 84, bottom: 56 },
    xAxis: { type: 'category', data: m.years.map(String), boundaryGap: false },
    yAxis: {
      type: 'value',
      name: texts.rankAxis,
      nameLocation: 'start',
      inverse: true,
      min: 1,
      max: maxRank,
      interval: maxRank > 12 ? 2 : 1,
    },
    series: m.units.map((u) => ({
      name: u.name,
      type: 'line',
      symbolSize: 6,
      emphasis: { focus: 'series' },
      data: m.years.map((y) => u.ranks[y] ?? null),
    })),
  };
}
