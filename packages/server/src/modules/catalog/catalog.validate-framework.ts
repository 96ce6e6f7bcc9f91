import type { CatalogueProblem, Indicator } from '@scimon/contracts/catalog/index';
import { FORMULA_FUNCTIONS, scanFormulaIdentifiers } from './catalog.formula-scan.ts';
import type { LocatedCatalogue } from './catalog.located.ts';
import { problemAt, type Located } from './catalog.problem.ts';
import { codeSet, findDuplicates } from './catalog.validate-shared.ts';

/** Size bounds of a `dimension` (issue: 3–6 indicators per dimension of (十七)). */
export const DIMENSION_SIZE = { min: 3, max: 6 } as const;

/** Checks dimensions, indicators (formulas, flags, weights) and targets. */
export function validateFramework(c: LocatedCatalogue): CatalogueProblem[] {
  const problems: CatalogueProblem[] = [
    ...findDuplicates(c.dimensions, (d) => d.code, 'code', { en: 'dimension code', zh: '维度代码' }),
    ...findDuplicates(c.indicators, (i) => i.code, 'code', { en: 'indicator code', zh: '指标代码' }),
    ...findDuplicates(c.targets, (t) => `${t.indicatorCode}@${t.orgUnitCode}@${t.year}`, 'indicatorCode', {
      en: 'target',
      zh: '目标',
    }),
  ];
  const articleCodes = codeSet(c.articles, c.rejectedCodes);
  const indicatorCodes = codeSet(c.indicators, c.rejectedCodes);
  const dimensions = new Map(c.dimensions.map((d) => [d.value.code, d.value] as const));
  for (const dimension of c.dimensions) {
    dimension.value.articleCodes.forEach((code, i) => {
      if (!articleCodes.has(code))
        problems.push(
          problemAt(
            dimension.at,
            `articleCodes.${i}`,
            'E_CATALOG_UNKNOWN_ARTICLE',
            `unknown article ${code}`,
            `未知条目 ${code}`,
          ),
        );
    });
    const size = c.indicators.filter((i) => i.value.dimensionCodes.includes(dimension.value.code)).length;
    if (dimension.value.kind === 'dimension' && (size < DIMENSION_SIZE.min || size > DIMENSION_SIZE.max)) {
      problems.push(
        problemAt(
          dimension.at,
          'code',
          'E_CATALOG_DIMENSION_SIZE',
          `dimension ${dimension.value.code} has ${size} indicators; expected ${DIMENSION_SIZE.min}–${DIMENSION_SIZE.max}`,
          `维度 ${dimension.value.code} 含 ${size} 个指标, 应为 ${DIMENSION_SIZE.min}–${DIMENSION_SIZE.max} 个`,
        ),
      );
    }
  }
  for (const indicator of c.indicators) {
    problems.push(
      ...checkIndicator(indicator, { articleCodes, indicatorCodes, dimensions, rejected: c.rejectedCodes }),
    );
  }
  const orgUnitCodes = codeSet(c.orgUnits, c.rejectedCodes);
  for (const target of c.targets) {
    const t = target.value;
    if (!indicatorCodes.has(t.indicatorCode)) {
      problems.push(
        problemAt(
          target.at,
          'indicatorCode',
          'E_CATALOG_UNKNOWN_INDICATOR',
          `unknown indicator ${t.indicatorCode}`,
          `未知指标 ${t.indicatorCode}`,
        ),
      );
    }
    if (!orgUnitCodes.has(t.orgUnitCode)) {
      problems.push(
        problemAt(
          target.at,
          'orgUnitCode',
          'E_CATALOG_UNKNOWN_ORG_UNIT',
          `unknown org unit ${t.orgUnitCode} (targets are set on tree nodes)`,
          `未知组织单元 ${t.orgUnitCode}(目标只能设在组织树节点上)`,
        ),
      );
    }
    if (t.baseYear >= t.year) {
      problems.push(
        problemAt(
          target.at,
          'baseYear',
          'E_CATALOG_INVALID_FIELD',
          'base year must be before the target year',
          '基期须早于目标年份',
        ),
      );
    }
  }
  return problems;
}

interface IndicatorContext {
  articleCodes: Set<string>;
  indicatorCodes: Set<string>;
  dimensions: Map<string, { kind: 'headline' | 'dimension' }>;
  rejected: ReadonlySet<string>;
}

function checkIndicator(item: Located<Indicator>, ctx: IndicatorContext): CatalogueProblem[] {
  const i = item.value;
  const problems: CatalogueProblem[] = [];
  i.dimensionCodes.forEach((code, k) => {
    if (!ctx.dimensions.has(code) && !ctx.rejected.has(code))
      problems.push(
        problemAt(
          item.at,
          `dimensionCodes.${k}`,
          'E_CATALOG_UNKNOWN_DIMENSION',
          `unknown dimension ${code}`,
          `未知维度 ${code}`,
        ),
      );
  });
  i.articleCodes.forEach((code, k) => {
    if (!ctx.articleCodes.has(code))
      problems.push(
        problemAt(
          item.at,
          `articleCodes.${k}`,
          'E_CATALOG_UNKNOWN_ARTICLE',
          `unknown article ${code}`,
          `未知条目 ${code}`,
        ),
      );
  });
  if (i.raw !== (i.formula === null)) {
    problems.push(
      problemAt(
        item.at,
        'formula',
        'E_CATALOG_FORMULA_MISMATCH',
        'a raw indicator has no formula; a derived one has one',
        '原始指标不设公式, 派生指标须有公式',
      ),
    );
  }
  if (i.aggregation === 'ratio' && i.formula === null) {
    problems.push(
      problemAt(
        item.at,
        'aggregation',
        'E_CATALOG_FORMULA_MISMATCH',
        'a ratio is recomputed from its formula, so it needs one',
        '比率类指标由公式重算, 须有公式',
      ),
    );
  }
  if ((i.aggregation === 'weighted_mean') !== (i.weightIndicator !== null)) {
    problems.push(
      problemAt(
        item.at,
        'weightIndicator',
        'E_CATALOG_INVALID_FIELD',
        'weightIndicator is set exactly for weighted_mean',
        '仅 weighted_mean 须设权重指标',
      ),
    );
  }
  if (i.weightIndicator !== null && !ctx.indicatorCodes.has(i.weightIndicator)) {
    problems.push(
      problemAt(
        item.at,
        'weightIndicator',
        'E_CATALOG_UNKNOWN_INDICATOR',
        `unknown indicator ${i.weightIndicator}`,
        `未知指标 ${i.weightIndicator}`,
      ),
    );
  }
  for (const id of i.formula === null ? [] : scanFormulaIdentifiers(i.formula)) {
    if (
      id.called ? !FORMULA_FUNCTIONS.has(id.name) : !ctx.indicatorCodes.has(id.name) || id.name === i.code
    ) {
      problems.push(
        problemAt(
          item.at,
          'formula',
          'E_CATALOG_FORMULA_UNKNOWN_INDICATOR',
          id.called
            ? `unknown function ${id.name}()`
            : id.name === i.code
              ? `formula of ${i.code} refers to itself`
              : `formula names unknown indicator ${id.name}`,
          id.called
            ? `未知函数 ${id.name}()`
            : id.name === i.code
              ? `${i.code} 的公式引用了自身`
              : `公式引用了未知指标 ${id.name}`,
        ),
      );
    }
  }
  const inHeadline = i.dimensionCodes.some((code) => ctx.dimensions.get(code)?.kind === 'headline');
  if (inHeadline !== i.headline) {
    problems.push(
      problemAt(
        item.at,
        'headline',
        'E_CATALOG_HEADLINE_MISMATCH',
        'headline is true exactly for indicators of the headline group',
        '仅主要目标组的指标 headline 为 true',
      ),
    );
  }
  if (i.dimensionCodes.length > 0 !== i.weight > 0) {
    problems.push(
      problemAt(
        item.at,
        'weight',
        'E_CATALOG_WEIGHT_MISMATCH',
        'an indicator in a dimension has a positive weight; a pure component has weight 0',
        '属于维度的指标权重须大于0, 纯分量指标权重为0',
      ),
    );
  }
  return problems;
}
