// Pure option builder of the map page: the schematic park map (park-map-option) with each point coloured
// by one indicator (continuous visual map) and sized by another; points without a value are hollow grey.
import { buildParkMapOption, type MapPoint, type MapTexts } from './park-map-option.ts';
import { formatNumber, toolboxOf, type ChartTexts } from './common-option.ts';

export interface ValuedPoint extends MapPoint {
  colourValue: number | null;
  sizeValue: number | null;
}

export interface IndicatorMapTexts extends MapTexts, ChartTexts {
  exportName: string;
  colourName: string;
  colourUnit: string;
  sizeName: string;
  sizeUnit: string;
  noValue: string;
}

const MIN_SIZE = 10;
const MAX_SIZE = 40;

/** Symbol size by square root of the value (area ∝ value) between MIN_SIZE and MAX_SIZE. */
export function sizeScale(values: readonly (number | null)[]): (v: number | null) => number {
  const finite = values.filter((v): v is number => v !== null && Number.isFinite(v) && v >= 0);
  const max = Math.max(0, ...finite);
  return (v) => {
    if (v === null || !Number.isFinite(v) || v < 0 || max === 0) return MIN_SIZE;
    return MIN_SIZE + (MAX_SIZE - MIN_SIZE) * Math.sqrt(v / max);
  };
}

export const ZONE_SHAPES = ['circle', 'rect', 'triangle', 'diamond', 'roundRect', 'pin'] as const;

export function buildIndicatorMapOption(points: readonly ValuedPoint[], texts: IndicatorMapTexts) {
  const base = buildParkMapOption(points, texts) as {
    series: { name?: string; data: { code: string; value: [number, number] }[] }[];
    grid: Record<string, unknown>[];
    legend: Record<string, unknown>;
  } & Record<string, unknown>;
  const byCode = new Map(points.map((p) => [p.code, p]));
  const size = sizeScale(points.map((p) => p.sizeValue));
  const colours = points
    .map((p) => p.colourValue)
    .filter((v): v is number => v !== null && Number.isFinite(v));
  const min = colours.length ? Math.min(...colours) : 0;
  const max = colours.length ? Math.max(...colours) : 1;
  // Colour carries the indicator, so the zones (one series each) differ by shape, and the legend shows
  // the shapes in neutral grey rather than colours that appear nowhere on the map.
  const zones = (base.legend.data as string[] | undefined) ?? [];
  const shapeOf = (zone: string | undefined) =>
    ZONE_SHAPES[Math.max(0, zones.indexOf(zone ?? '')) % ZONE_SHAPES.length];
  const series = base.series.map((s) => ({
    ...s,
    symbol: shapeOf(s.name),
    labelLayout: { hideOverlap: true, moveOverlap: 'shiftY' },
    symbolSize: (_: unknown, p: { data: { sizeValue: number | null } }) => size(p.data.sizeValue),
    data: s.data.map((d) => {
      const p = byCode.get(d.code);
      const c = p?.colourValue ?? null;
      return {
        ...d,
        symbol: shapeOf(s.name),
        // The third dimension drives the visual map; missing values stay out of its range.
        value: [d.value[0], d.value[1], c ?? Number.NaN],
        colourValue: c,
        sizeValue: p?.sizeValue ?? null,
        ...(c === null ? { itemStyle: { color: '#fff', borderColor: '#bfbfbf', borderWidth: 1.5 } } : {}),
      };
    }),
  }));
  return {
    ...base,
    title: [
      {
        text: texts.title,
        subtext: texts.subtitle ?? '',
        left: 0,
        top: 0,
        textStyle: { fontSize: 14, fontWeight: 600, color: '#1f1f1f' },
        subtextStyle: { fontSize: 12, color: '#8c8c8c' },
      },
      ...((base.title as Record<string, unknown>[]) ?? []).map((t) => ({ ...t, top: 52 })),
    ],
    toolbox: toolboxOf(texts, texts.exportName),
    grid: base.grid.map((g) => ({ ...g, top: 84, bottom: 110 })),
    legend: { ...base.legend, bottom: 0, itemStyle: { color: '#8c8c8c' } },
    visualMap: {
      type: 'continuous',
      dimension: 2,
      min,
      max: max === min ? min + 1 : max,
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 28,
      itemHeight: 160,
      text: [formatNumber(max), `${texts.colourName} (${texts.colourUnit}) ${formatNumber(min)}`],
      inRange: { color: ['#d6e4ff', '#597ef7', '#10239e'] },
      outOfRange: { color: '#fff' },
    },
    tooltip: {
      trigger: 'item',
      formatter: (p: { data: { fullName: string; colourValue: number | null; sizeValue: number | null } }) =>
        `${p.data.fullName}<br/>${texts.colourName}: ${
          p.data.colourValue === null
            ? texts.noValue
            : `${formatNumber(p.data.colourValue)} ${texts.colourUnit}`
        }<br/>${texts.sizeName}: ${
          p.data.sizeValue === null ? texts.noValue : `${formatNumber(p.data.sizeValue)} ${texts.sizeUnit}`
        }`,
    },
    series,
  };
}
