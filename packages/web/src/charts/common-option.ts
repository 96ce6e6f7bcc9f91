// Pieces every chart option shares: the title, the toolbox with save-as-PNG, a readable number format.
export interface ChartTexts {
  title: string;
  /** Subtitle, e.g. the unit or "示例数据". */
  subtitle?: string;
  saveAsImage: string;
}

export function titleOf(texts: ChartTexts): Record<string, unknown> {
  return {
    text: texts.title,
    subtext: texts.subtitle ?? '',
    left: 0,
    top: 0,
    textStyle: { fontSize: 14, fontWeight: 600, color: '#1f1f1f' },
    subtextStyle: { fontSize: 12, color: '#8c8c8c' },
  };
}

export function toolboxOf(texts: ChartTexts, name: string): Record<string, unknown> {
  return {
    right: 0,
    top: 0,
    feature: { saveAsImage: { title: texts.saveAsImage, name, pixelRatio: 2, backgroundColor: '#fff' } },
  };
}

// One formatter per number of decimals: toLocaleString with options builds a new Intl.NumberFormat on every
// call, which is slow (tens of ms per page of cards).
const formatters = new Map<number, Intl.NumberFormat>();

/** Up to 4 significant decimals, thousands separated; '—' for missing. */
export function formatNumber(v: number | null | undefined, digits = 2): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  const abs = Math.abs(v);
  const d = abs >= 1000 ? 0 : abs >= 100 ? 1 : digits;
  let f = formatters.get(d);
  if (!f) {
    f = new Intl.NumberFormat('en-US', { maximumFractionDigits: d, minimumFractionDigits: 0 });
    formatters.set(d, f);
  }
  return f.format(v);
}

export const PALETTE = [
  '#1d5fa8',
  '#d4380d',
  '#389e0d',
  '#9254de',
  '#d48806',
  '#13a8a8',
  '#c41d7f',
  '#595959',
];
