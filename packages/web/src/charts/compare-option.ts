// Pure option builder: org units compared in one year (horizontal bars, sorted best first) with the target.
import { formatNumber, titleOf, toolboxOf, type ChartTexts } from './common-option.ts';

export interface CompareItem {
  name: string;
  value: number | null;
}

export interface CompareModel {
  items: readonly CompareItem[];
  unit: string;
  /** 1: higher is better (largest on top); -1: lower is better. */
  direction: number;
  target?: { value: number; label: string } | null;
}

/** Units with a value, best first; units without a value are left out (listed in the table). */
export function sortForComparison(items: readonly CompareItem[], direction: number): CompareItem[] {
  return items
    .filter((i): i is CompareItem & { value: number } => i.value !== null && Number.isFinite(i.value))
    .sort((a, b) => (direction < 0 ? a.value - b.value : b.value - a.value));
}

export function buildCompareOption(
  m: CompareModel,
  texts: ChartTexts & { exportName: string; legend: string },
) {
  // Category axes draw bottom-up: reverse so the best unit is on top.
  const sorted = sortForComparison(m.items, m.direction).reverse();
  return {
    animation: false,
    title: titleOf({ ...texts, subtitle: texts.subtitle ?? m.unit }),
    toolbox: toolboxOf(texts, texts.exportName),
    legend: { bottom: 0, data: [texts.legend] },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v: number | null) => (v === null ? '—' : `${formatNumber(v)} ${m.unit}`),
    },
    grid: { left: 8, right: 56, top: 64, bottom: 40, containLabel: true },
    xAxis: { type: 'value', name: m.unit, nameLocation: 'end' },
    yAxis: {
      type: 'category',
      data: sorted.map((i) => i.name),
      axisLabel: { width: 160, overflow: 'truncate' },
    },
    series: [
      {
        name: texts.legend,
        type: 'bar',
        barMaxWidth: 22,
        itemStyle: { color: '#1d5fa8' },
        label: { show: true, position: 'right', formatter: (p: { value: number }) => formatNumber(p.value) },
        data: sorted.map((i) => i.value),
        ...(m.target
          ? {
              markLine: {
                silent: true,
                symbol: 'none',
                lineStyle: { type: 'dashed', color: '#d4380d' },
                label: { formatter: m.target.label, position: 'end', color: '#d4380d' },
                data: [{ xAxis: m.target.value }],
              },
            }
          : {}),
      },
    ],
  };
}
