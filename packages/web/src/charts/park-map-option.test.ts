import { describe, expect, it } from 'vitest';
import { buildParkMapOption, paddedRange, type MapPoint } from './park-map-option.ts';

const texts = { lon: 'lon', lat: 'lat', kinds: { area: 'A', site: 'S' } };
const pt = (
  code: string,
  group: string,
  panel: string,
  lon: number,
  lat: number,
  kind = 'area',
): MapPoint => ({
  code,
  label: code,
  name: `${code} full`,
  kind,
  lat,
  lon,
  group,
  panel,
});

describe('park map option', () => {
  const points = [
    pt('A', 'g1', 'SC', 104, 30.5),
    pt('B', 'g2', 'CQ', 106.5, 29.6, 'site'),
    pt('C', 'g1', 'SC', 104.2, 30.4),
  ];

  it('has one panel per part and one series per zone within it, points as [lon, lat]', () => {
    const o = buildParkMapOption(points, texts);
    expect((o.grid as unknown[]).length).toBe(2);
    const series = o.series as {
      name: string;
      xAxisIndex: number;
      data: { value: number[]; symbol: string; kindText: string }[];
    }[];
    expect(series.map((s) => [s.name, s.xAxisIndex])).toEqual([
      ['g1', 0],
      ['g2', 1],
    ]);
    expect(series[0]?.data.map((d) => d.value)).toEqual([
      [104, 30.5],
      [104.2, 30.4],
    ]);
    expect(series[1]?.data[0]).toMatchObject({ symbol: 'triangle', kindText: 'S' });
  });

  it('pads each panel around its own points', () => {
    const o = buildParkMapOption(points, texts);
    const x = o.xAxis as { min: number; max: number }[];
    expect(x[0]?.min).toBeLessThan(104);
    expect(x[0]?.max).toBeGreaterThan(104.2);
    expect(x[0]?.max).toBeLessThan(106);
    expect(x[1]?.min).toBeLessThan(106.5);
    expect(paddedRange([30, 31], 0.1)).toEqual({ min: 29.9, max: 31.1 });
  });

  it('copes with no points', () => {
    const o = buildParkMapOption([], texts);
    expect(o.series).toEqual([]);
  });
});

describe('park map labels', () => {
  it('leaves room right of the easternmost point for its label', () => {
    const o = buildParkMapOption([pt('W', 'g', 'P', 104, 30), pt('E', 'g', 'P', 105, 30.2)], texts);
    const x = (o.xAxis as { max: number }[])[0];
    expect(x?.max).toBeGreaterThanOrEqual(105.3);
  });
});
