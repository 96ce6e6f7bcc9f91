// Pure option builder of the schematic park map: approximate points on plain lon/lat axes, one panel per
// part of the science city (they lie far apart), one series per pilot zone; no boundaries, no tiles.
export interface MapPoint {
  code: string;
  label: string;
  name: string;
  kind: string;
  lat: number;
  lon: number;
  /** Legend group (the pilot zone). */
  group: string;
  /** Panel (the part: 四川片区 / 重庆片区). */
  panel: string;
}

export interface MapTexts {
  lon: string;
  lat: string;
  kinds: Record<string, string>;
}

const SYMBOLS: Record<string, string> = { area: 'circle', site: 'triangle', planning_area: 'diamond' };
const PALETTE = ['#1d5fa8', '#d4380d', '#389e0d', '#9254de', '#d48806', '#13a8a8'];

/** The axis range around values, padded and rounded outwards to a tenth of a degree. */
export function paddedRange(values: readonly number[], pad: number): { min: number; max: number } {
  const min = Math.min(...values);
  const max = Math.max(...values);
  return { min: Math.floor((min - pad) * 10) / 10, max: Math.ceil((max + pad) * 10) / 10 };
}

const axis = (name: string, range: { min: number; max: number }, gridIndex: number, gap: number) => ({
  type: 'value',
  gridIndex,
  name,
  nameLocation: 'middle',
  nameGap: gap,
  nameTextStyle: { color: '#8c8c8c' },
  ...range,
  splitLine: { lineStyle: { type: 'dashed', color: '#eee' } },
  axisLabel: { color: '#8c8c8c', fontSize: 11 },
});

export function buildParkMapOption(points: readonly MapPoint[], texts: MapTexts): Record<string, unknown> {
  const panels = [...new Set(points.map((p) => p.panel))];
  const groups = [...new Set(points.map((p) => p.group))];
  const n = Math.max(panels.length, 1);
  const slot = 100 / n;
  const panelOf = (p: MapPoint) => panels.indexOf(p.panel);
  const inPanel = (i: number) => points.filter((p) => panelOf(p) === i);
  // Longitude axes leave room on the right for the labels, which sit right of their points.
  const xRanges = panels.map((_, i) => {
    const r = paddedRange(
      inPanel(i).map((p) => p.lon),
      0.12,
    );
    return { min: r.min, max: Math.ceil((r.max + (r.max - r.min) * 0.15) * 10) / 10 };
  });
  return {
    animation: false,
    color: PALETTE,
    legend: { bottom: 0, data: groups, itemWidth: 12, itemHeight: 12 },
    title: panels.map((name, i) => ({
      text: name,
      left: `${slot * i + slot / 2}%`,
      textAlign: 'center',
      top: 4,
      textStyle: { fontSize: 13, fontWeight: 500, color: '#0f3d73' },
    })),
    grid: panels.map((_, i) => ({ left: `${slot * i + 9}%`, width: `${slot - 13}%`, top: 36, bottom: 88 })),
    xAxis: xRanges.map((r, i) => axis(texts.lon, r, i, 26)),
    yAxis: panels.map((_, i) =>
      axis(
        texts.lat,
        paddedRange(
          inPanel(i).map((p) => p.lat),
          0.08,
        ),
        i,
        38,
      ),
    ),
    tooltip: {
      trigger: 'item',
      formatter: (p: { data: { fullName: string; kindText: string; value: [number, number] } }) =>
        `${p.data.fullName}<br/>${p.data.kindText} · ${p.data.value[1].toFixed(2)}°N, ${p.data.value[0].toFixed(2)}°E`,
    },
    series: panels.flatMap((_, i) =>
      groups
        .map((g) => inPanel(i).filter((p) => p.group === g))
        .filter((pts) => pts.length > 0)
        .map((pts) => ({
          name: pts[0]?.group,
          type: 'scatter',
          xAxisIndex: i,
          yAxisIndex: i,
          symbolSize: 12,
          labelLayout: { hideOverlap: true },
          label: { show: true, position: 'right', formatter: '{b}', fontSize: 11, color: '#333' },
          emphasis: { label: { show: true } },
          data: pts.map((p) => ({
            name: p.label,
            value: [p.lon, p.lat],
            symbol: SYMBOLS[p.kind] ?? 'circle',
            kindText: texts.kinds[p.kind] ?? p.kind,
            code: p.code,
            fullName: p.name,
          })),
        })),
    ),
  };
}
