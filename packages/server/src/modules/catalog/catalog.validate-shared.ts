import type { CatalogueProblem } from '@scimon/contracts/catalog/index';
import { problemAt, type Located } from './catalog.problem.ts';

/** Reports every item whose key repeats an earlier item's key (the first occurrence is kept). */
export function findDuplicates<T>(
  items: readonly Located<T>[],
  keyOf: (value: T) => string,
  field: string,
  what: { en: string; zh: string },
  code: 'E_CATALOG_DUPLICATE_CODE' | 'E_CATALOG_DUPLICATE_VALUE' = 'E_CATALOG_DUPLICATE_CODE',
): CatalogueProblem[] {
  const first = new Map<string, Located<T>>();
  const problems: CatalogueProblem[] = [];
  for (const item of items) {
    const key = keyOf(item.value);
    const earlier = first.get(key);
    if (earlier) {
      const where = `${earlier.at.file}:${earlier.at.line}`;
      problems.push(
        problemAt(
          item.at,
          field,
          code,
          `duplicate ${what.en} ${key} (first at ${where})`,
          `${what.zh} ${key} 重复(首次出现于 ${where})`,
        ),
      );
    } else {
      first.set(key, item);
    }
  }
  return problems;
}

/** The set of codes of some items, plus the codes of rejected items (so that references to them are not reported). */
export function codeSet<T extends { code: string }>(
  items: readonly Located<T>[],
  rejected: ReadonlySet<string>,
): Set<string> {
  return new Set([...items.map((i) => i.value.code), ...rejected]);
}
