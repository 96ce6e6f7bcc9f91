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

/**
 * `abs` (≥ 1e-6, < 1e21, where String() never uses exponents) rounded to `d` decimals the way Intl does: on
 * its shortest decimal form (0.015 → 0.02, where toFixed gives 0.01), half away from zero.
 */
function roundShortest(abs: number, d: number): [int: string, frac: string] {
  const [int = '0', frac = ''] = String(abs).split('.');
  if (frac.length <= d) return [int, frac];
  let digits = int + frac.slice(0, d);
  if (frac.charCodeAt(d) >= 53 /* '5' */) digits = (BigInt(digits) + 1n).toString().padStart(d + 1, '0');
  return [digits.slice(0, digits.length - d), digits.slice(digits.length - d)];
}

/** Up to 4 significant decimals, thousands separated; '—' for missing. */
export function formatNumber(v: number | null | undefined, digits = 2): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  const abs = Math.abs(v);
  const d = abs >= 1000 ? 0 : abs >= 100 ? 1 : digits;
  // Outside the plain-notation range: the platform formatter.
  if (abs >= 1e21 || (abs !== 0 && abs < 1e-6))
    return v.toLocaleString('en-US', { maximumFractionDigits: d });
  // By hand rather than Intl.NumberFormat: the first formatter costs tens of ms of locale data on the first
  // screen. Same output as en-US: grouped thousands, trailing zeros dropped, a sign even on a rounded zero.
  const [int, frac] = roundShortest(abs, d);
  const decimals = frac.replace(/0+$/, '');
  const sign = v < 0 || Object.is(v, -0) ? '-' : '';
  return `${sign}${int.replace(/\B(?=(\d{3})+$)/g, ',')}${decimals ? `.${decimals}` : ''}`;
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
