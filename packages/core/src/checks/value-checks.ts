// Per-value checks on the way in: the indicator's value type and a generous sanity range by unit.
// Ranges are deliberately wide (they catch typing slips such as an extra 000, not judgement calls).

export type ValueType = 'number' | 'integer' | 'percent';

export interface IndicatorShape {
  readonly valueType: string;
  /** The Chinese unit (亿元, 万人, 家, 个, %, …): it decides the sanity range. */
  readonly unitZh: string;
}

export interface Range {
  readonly min: number;
  readonly max: number;
}

/** Units counted in whole things: values must be non-negative integers. */
const COUNT_UNITS = new Set(['家', '个', '件', '项', '人', '人年', '所', '座', '台', '篇']);

/**
 * The sanity range of an indicator. 亿元 up to 10⁷ (ten times China's GDP); 万人 up to 2 × 10⁵ (more
 * than China's population); counts up to 10⁷; percentages from −100 to 1000 (growth rates may exceed
 * 100 %); anything else: non-negative, up to 10¹².
 */
export function sanityRange(ind: IndicatorShape): Range {
  if (ind.valueType === 'percent' || ind.unitZh === '%') return { min: -100, max: 1000 };
  if (ind.unitZh === '亿元' || ind.unitZh === '万元')
    return { min: 0, max: ind.unitZh === '亿元' ? 1e7 : 1e11 };
  if (ind.unitZh === '万人') return { min: 0, max: 2e5 };
  if (ind.valueType === 'integer' || COUNT_UNITS.has(ind.unitZh)) return { min: 0, max: 1e7 };
  return { min: 0, max: 1e12 };
}

export type ValueProblem =
  | { readonly code: 'E_IMPORT_NOT_INTEGER' }
  | { readonly code: 'E_IMPORT_NEGATIVE' }
  | { readonly code: 'E_IMPORT_OUT_OF_RANGE'; readonly min: number; readonly max: number };

/** The check of one indicator's values, its range worked out once (an import checks millions). */
export function valueChecker(ind: IndicatorShape): (value: number) => ValueProblem | null {
  const range = sanityRange(ind);
  const integer = ind.valueType === 'integer';
  return (value) => {
    if (integer && !Number.isInteger(value)) return { code: 'E_IMPORT_NOT_INTEGER' };
    if (value < 0 && range.min >= 0) return { code: 'E_IMPORT_NEGATIVE' };
    if (value < range.min || value > range.max) return { code: 'E_IMPORT_OUT_OF_RANGE', ...range };
    return null;
  };
}

/** The first value-type or range problem of a value, or null. */
export function checkValue(value: number, ind: IndicatorShape): ValueProblem | null {
  return valueChecker(ind)(value);
}
