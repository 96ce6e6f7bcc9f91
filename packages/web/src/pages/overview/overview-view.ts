// Pure helpers of the overview cards: the sparkline path, band colours, progress percentages.
import type { TargetCard } from '@scimon/contracts';

export const BAND_COLOURS: Record<string, string> = {
  blue: '#1d5fa8',
  green: '#389e0d',
  yellow: '#d48806',
  red: '#cf1322',
  grey: '#8c8c8c',
};

export const OPEN_SDG_COLOURS: Record<string, string> = {
  target_achieved: 'blue',
  substantial_progress: 'green',
  moderate_progress: 'gold',
  limited_progress: 'orange',
  deterioration: 'red',
  not_available: 'default',
};

/** SVG polyline points of a sparkline in a w×h box (null values break the line into segments). */
export function sparklineSegments(
  values: readonly (number | null)[],
  w: number,
  h: number,
  pad = 2,
): string[] {
  const finite = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (finite.length === 0) return [];
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  const span = max - min || 1;
  const step = values.length > 1 ? (w - 2 * pad) / (values.length - 1) : 0;
  const segments: string[] = [];
  let current: string[] = [];
  values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) {
      if (current.length) segments.push(current.join(' '));
      current = [];
      return;
    }
    const x = pad + i * step;
    const y = h - pad - ((v - min) / span) * (h - 2 * pad);
    current.push(`${x.toFixed(1)},${y.toFixed(1)}`);
  });
  if (current.length) segments.push(current.join(' '));
  return segments;
}

/** 0–100 for a progress bar; null when unknown. */
export function percent(share: number | null | undefined): number | null {
  if (share === null || share === undefined || !Number.isFinite(share)) return null;
  return Math.max(0, Math.min(100, Math.round(share * 1000) / 10));
}

/** Growth targets are stated as an average annual rate: the card shows the achieved rate (in %). */
export function headlineValue(card: TargetCard): { value: number | null; isGrowth: boolean } {
  if (card.kind === 'growth')
    return { value: card.achievedGrowth === null ? null : card.achievedGrowth * 100, isGrowth: true };
  return { value: card.value, isGrowth: false };
}

/** The card's evaluation is withheld because the value covers only some reporting units. */
export const isWithheldPartial = (card: TargetCard) => card.status.withheld === 'partial';

export const COMPARATOR_TEXT: Record<string, string> = { '>': '>', '>=': '≥', '<': '<', '<=': '≤' };
