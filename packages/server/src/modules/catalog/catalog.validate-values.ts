import type { CatalogueProblem } from '@scimon/contracts/catalog/index';
import type { LocatedCatalogue } from './catalog.located.ts';
import { problemAt } from './catalog.problem.ts';
import { findDuplicates } from './catalog.validate-shared.ts';
import { isParkLeaf } from './catalog.validate-org-units.ts';

/** Checks sample values (raw indicators on park leaves only) and published values (tree nodes or reference regions). */
export function validateValues(c: LocatedCatalogue): CatalogueProblem[] {
  const key = (v: { indicatorCode: string; orgUnitCode: string; period: string }): string =>
    `${v.indicatorCode}@${v.orgUnitCode}@${v.period}`;
  const problems: CatalogueProblem[] = [
    ...findDuplicates(
      c.sampleValues,
      key,
      'period',
      { en: 'sample value', zh: '示例数据' },
      'E_CATALOG_DUPLICATE_VALUE',
    ),
    ...findDuplicates(
      c.publishedValues,
      key,
      'period',
      { en: 'published value', zh: '公开数据' },
      'E_CATALOG_DUPLICATE_VALUE',
    ),
  ];
  const indicators = new Map(c.indicators.map((i) => [i.value.code, i.value] as const));
  const units = new Map(c.orgUnits.map((u) => [u.value.code, u.value] as const));
  const regions = new Set(c.referenceRegions.map((r) => r.value.code));
  const knownIndicator = (code: string): boolean => indicators.has(code) || c.rejectedCodes.has(code);
  for (const item of c.sampleValues) {
    const v = item.value;
    const indicator = indicators.get(v.indicatorCode);
    if (!knownIndicator(v.indicatorCode)) {
      problems.push(
        problemAt(
          item.at,
          'indicatorCode',
          'E_CATALOG_UNKNOWN_INDICATOR',
          `unknown indicator ${v.indicatorCode}`,
          `未知指标 ${v.indicatorCode}`,
        ),
      );
    } else if (indicator && !indicator.raw) {
      problems.push(
        problemAt(
          item.at,
          'indicatorCode',
          'E_CATALOG_VALUE_NOT_ALLOWED',
          `${v.indicatorCode} is derived: sample data holds raw components only`,
          `${v.indicatorCode} 为派生指标: 示例数据只含原始分量`,
        ),
      );
    }
    const unit = units.get(v.orgUnitCode);
    if (!unit && !c.rejectedCodes.has(v.orgUnitCode)) {
      problems.push(
        problemAt(
          item.at,
          'orgUnitCode',
          'E_CATALOG_UNKNOWN_ORG_UNIT',
          `unknown org unit ${v.orgUnitCode}`,
          `未知组织单元 ${v.orgUnitCode}`,
        ),
      );
    } else if (unit && !isParkLeaf(unit)) {
      problems.push(
        problemAt(
          item.at,
          'orgUnitCode',
          'E_CATALOG_VALUE_NOT_ALLOWED',
          `${v.orgUnitCode} is not a park leaf: zones, parts and the city get values only by roll-up`,
          `${v.orgUnitCode} 不是园区叶节点: 片区、先行启动区和科学城的数据只由汇总得到`,
        ),
      );
    }
  }
  for (const item of c.publishedValues) {
    const v = item.value;
    if (!knownIndicator(v.indicatorCode)) {
      problems.push(
        problemAt(
          item.at,
          'indicatorCode',
          'E_CATALOG_UNKNOWN_INDICATOR',
          `unknown indicator ${v.indicatorCode}`,
          `未知指标 ${v.indicatorCode}`,
        ),
      );
    }
    if (!units.has(v.orgUnitCode) && !regions.has(v.orgUnitCode) && !c.rejectedCodes.has(v.orgUnitCode)) {
      problems.push(
        problemAt(
          item.at,
          'orgUnitCode',
          'E_CATALOG_UNKNOWN_ORG_UNIT',
          `unknown org unit or reference region ${v.orgUnitCode}`,
          `未知组织单元或参照区域 ${v.orgUnitCode}`,
        ),
      );
    }
  }
  return problems;
}
