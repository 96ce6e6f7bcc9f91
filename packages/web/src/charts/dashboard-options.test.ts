// Chart option builders of the dashboards: pure view model → ECharts option.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildTrendOption } from './trend-option.ts';
import { formatNumber } from './common-option.ts';
import { buildCompareOption, sortForComparison } from './compare-option.ts';
import { buildIndicatorMapOption, sizeScale } from './indicator-map-option.ts';
import {
  buildRadarOption,
  buildRankChangeOption,
  buildRankIntervalOption,
  sortByRank,
} from './ranking-option.ts';
import { sparklineSegments, percent, headlineValue } from '../pages/overview/overview-view.ts';
import { unitsToCompare } from '../pages/indicators/explorer-view.ts';

const texts = { title: '研发经费投入强度', saveAsImage: '保存为图片', exportName: 'rd' };

describe('trend option', () => {
  const o = buildTrendOption(
    {
      years: ['2023', '2024', '2025'],
      lines: [
        { name: '西部科学城', values: { '2023': 4.4, '2024': 4.5, '2025': null } },
        { name: '四川片区', values: { '2023': 4.1, '2025': 4.3 } },
      ],
      unit: '%',
      target: { value: 5, label: '目标 > 5' },
    },
    texts,
  );
  it('has a title with the unit, legend, tooltip and a save-as-PNG toolbox', () => {
    expect(o.title).toMatchObject({ text: '研发经费投入强度', subtext: '%' });
    expect(o.legend.data).toEqual(['西部科学城', '四川片区']);
    expect(o.tooltip.trigger).toBe('axis');
    expect(o.toolbox).toMatchObject({ feature: { saveAsImage: { name: 'rd', title: '保存为图片' } } });
  });
  it('draws one line per unit with gaps for missing years, and the target once', () => {
    expect(o.series.map((s) => s.data)).toEqual([
      [4.4, 4.5, null],
      [4.1, null, 4.3],
    ]);
    expect(o.series[0]).toMatchObject({ markLine: { data: [{ yAxis: 5 }] } });
    expect(o.series[1]).not.toHaveProperty('markLine');
  });
});

describe('comparison option', () => {
  const items = [
    { name: 'A', value: 2 },
    { name: 'B', value: null },
    { name: 'C', value: 7 },
    { name: 'D', value: 4 },
  ];
  it('sorts best first by the direction and leaves out missing values', () => {
    expect(sortForComparison(items, 1).map((i) => i.name)).toEqual(['C', 'D', 'A']);
    expect(sortForComparison(items, -1).map((i) => i.name)).toEqual(['A', 'D', 'C']);
  });
  it('puts the best bar on top (category axes draw bottom-up) with the target line', () => {
    const o = buildCompareOption(
      { items, unit: '家', direction: 1, target: { value: 5, label: 't' } },
      { ...texts, legend: '2025 年数值' },
    );
    expect(o.yAxis.data).toEqual(['A', 'D', 'C']);
    expect(o.series[0]!.data).toEqual([2, 4, 7]);
    expect(o.series[0]).toMatchObject({ markLine: { data: [{ xAxis: 5 }] } });
    expect(o.legend.data).toEqual(['2025 年数值']);
    expect(o.title).toMatchObject({ subtext: '家' });
  });
});

describe('indicator map option', () => {
  const pt = (code: string, lon: number, c: number | null, s: number | null) => ({
    code,
    label: code,
    name: code,
    kind: 'area',
    lat: 30,
    lon,
    group: 'Z',
    panel: '四川片区',
    colourValue: c,
    sizeValue: s,
  });
  const o = buildIndicatorMapOption(
    [pt('a', 104, 2, 100), pt('b', 104.2, 6, 25), pt('c', 104.4, null, null)],
    {
      ...texts,
      lon: 'lon',
      lat: 'lat',
      kinds: { area: '区域' },
      colourName: '强度',
      colourUnit: '%',
      sizeName: '收入',
      sizeUnit: '亿元',
      noValue: '无数据',
    },
  );
  it('colours by a continuous visual map over the third value and marks missing values hollow', () => {
    expect(o.visualMap).toMatchObject({ dimension: 2, min: 2, max: 6 });
    const data = o.series[0]!.data as { code: string; value: number[]; itemStyle?: unknown }[];
    expect(data.map((d) => d.value[2])).toEqual([2, 6, Number.NaN]);
    expect(data[2]!.itemStyle).toMatchObject({ color: '#fff' });
    expect(o.toolbox).toBeDefined();
  });
  it('tells zones apart by shape, with a grey legend (colour belongs to the indicator)', () => {
    expect((o.series[0] as { symbol?: string }).symbol).toBe('circle');
    const items = o.series[0]!.data as { symbol?: string }[];
    expect(items.every((d) => d.symbol === 'circle')).toBe(true);
    expect(o.legend).toMatchObject({ itemStyle: { color: '#8c8c8c' } });
  });
  it('sizes by the square root of the value (area ∝ value)', () => {
    const size = sizeScale([100, 25, null]);
    expect(size(100)).toBe(40);
    expect(size(25)).toBe(25);
    expect(size(null)).toBe(10);
  });
});

describe('ranking options', () => {
  const rows = [
    { name: 'B', nominal: 2, median: 2, q5: 1, q95: 4 },
    { name: 'A', nominal: 1, median: 1, q5: 1, q95: 2 },
    { name: 'C', nominal: null, median: null, q5: null, q95: null },
  ];
  it('orders by nominal rank and stacks an invisible base under the interval bar', () => {
    expect(sortByRank(rows).map((r) => r.name)).toEqual(['A', 'B', 'C']);
    const o = buildRankIntervalOption(rows, {
      ...texts,
      interval: '区间',
      nominal: '名义',
      median: '中位',
      rankAxis: '名次',
    });
    expect(o.yAxis.data).toEqual(['C', 'B', 'A']);
    expect(o.series[0]!.data).toEqual([null, 0.5, 0.5]);
    expect(o.series[1]!.data).toEqual([null, 4, 2]);
    expect(o.legend.data).toEqual(['区间', '名义', '中位']);
    // The tooltip tells the interval, not the stacked bar's length.
    expect(o.tooltip.formatter([{ dataIndex: 1 }])).toBe('<b>B</b><br/>名义: 2<br/>中位: 2<br/>区间: 1–4');
    expect(o.tooltip.formatter([{ dataIndex: 0 }])).toBe('<b>C</b><br/>名义: —');
  });
  it('builds a radar of dimension scores and an inverted rank-change axis', () => {
    const radar = buildRadarOption(
      {
        dimensions: [
          { code: 'D1', name: '研发' },
          { code: 'D2', name: '产业' },
        ],
        units: [{ name: 'A', scores: { D1: 80, D2: null } }],
        max: 100,
      },
      texts,
    );
    expect(radar.radar.indicator).toEqual([
      { name: '研发', max: 100, min: 0 },
      { name: '产业', max: 100, min: 0 },
    ]);
    expect(radar.series[0]!.data).toEqual([{ name: 'A', value: [80, 0] }]);
    const change = buildRankChangeOption(
      { years: [2023, 2024], units: [{ name: 'A', ranks: { 2023: 2, 2024: 1 } }] },
      { ...texts, rankAxis: '名次' },
    );
    expect(change.yAxis).toMatchObject({ inverse: true, min: 1, max: 2 });
    expect(change.series[0]!.data).toEqual([2, 1]);
  });
});

describe('overview helpers', () => {
  it('draws a sparkline scaled into the box, broken at missing values', () => {
    expect(sparklineSegments([1, 2, null, 3], 32, 12, 2)).toEqual(['2.0,10.0 11.3,6.0', '30.0,2.0']);
    expect(sparklineSegments([null], 10, 10)).toEqual([]);
  });
  it('clamps progress to 0–100 and shows growth targets as achieved rates', () => {
    expect(percent(1.73)).toBe(100);
    expect(percent(0.4567)).toBe(45.7);
    expect(percent(null)).toBeNull();
    // The number stays exact (0.097 × 100 is 9.700000000000001 in binary floating point); rounding is
    // the display's job, done once by formatNumber.
    const growth = headlineValue({ kind: 'growth', achievedGrowth: 0.097, value: 7188 } as never);
    expect(growth.isGrowth).toBe(true);
    expect(growth.value).toBeCloseTo(9.7, 12);
    expect(formatNumber(growth.value)).toBe('9.7');
    expect(headlineValue({ kind: 'growth', achievedGrowth: null, value: 7188 } as never).value).toBeNull();
  });
  it('formats numbers as Intl.NumberFormat en-US does (grouping, up to the decimals, half away from zero)', () => {
    const intl = (v: number, digits: number) => {
      const abs = Math.abs(v);
      const d = abs >= 1000 ? 0 : abs >= 100 ? 1 : digits;
      return new Intl.NumberFormat('en-US', { maximumFractionDigits: d, minimumFractionDigits: 0 }).format(v);
    };
    for (const v of [0, -0, 0.005, 0.015, 1.005, -2.5, 999.95, 1234.5, 1e6, -1234567.891, 0.125, 5e-324])
      expect(formatNumber(v), String(v)).toBe(intl(v, 2));
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double({ min: -1e15, max: 1e15, noNaN: true }),
          fc.integer().map((i) => i / 1000),
        ),
        fc.integer({ min: 0, max: 4 }),
        (v, digits) => formatNumber(v, digits) === intl(v, digits),
      ),
      { numRuns: 2000 },
    );
  });
  it('compares a unit with its children, a leaf with its siblings', () => {
    const leaf = { code: 'P1', kind: 'area', children: [] };
    const site = { code: 'S', kind: 'site', children: [] };
    const zone = {
      code: 'Z',
      kind: 'area',
      children: [leaf, { code: 'P2', kind: 'area', children: [] }, site],
    };
    expect(unitsToCompare([zone] as never).others.map((o) => o.code)).toEqual(['P1', 'P2']);
    expect(unitsToCompare([zone, leaf] as never).others.map((o) => o.code)).toEqual(['P1', 'P2']);
  });
});
