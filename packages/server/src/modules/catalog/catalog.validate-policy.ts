import type { CatalogueProblem, LeadUnit, PolicyArticle } from '@scimon/contracts/catalog/index';
import type { LocatedCatalogue } from './catalog.located.ts';
import { problemAt, type Located } from './catalog.problem.ts';
import { codeSet, findDuplicates } from './catalog.validate-shared.ts';

/** Articles that name no lead units: (一) 指导思想 and (二) 主要目标. */
export const ARTICLES_WITHOUT_LEAD_UNITS = new Set(['(一)', '(二)']);

/** Checks the document, parts, articles, lead units, stages and tasks. */
export function validatePolicy(c: LocatedCatalogue): CatalogueProblem[] {
  const problems: CatalogueProblem[] = [
    ...findDuplicates(c.parts, (p) => p.code, 'code', { en: 'part code', zh: '部分代码' }),
    ...findDuplicates(c.articles, (a) => a.code, 'code', { en: 'article code', zh: '条目代码' }),
    ...findDuplicates(c.leadUnits, (u) => u.code, 'code', { en: 'lead-unit code', zh: '牵头单位代码' }),
    ...findDuplicates(c.leadUnits, (u) => u.shortName, 'shortName', {
      en: 'lead-unit short name',
      zh: '牵头单位简称',
    }),
    ...findDuplicates(c.stages, (s) => s.code, 'code', { en: 'stage code', zh: '阶段代码' }),
    ...findDuplicates(c.tasks, (t) => t.code, 'code', { en: 'task code', zh: '任务代码' }),
  ];
  const leadUnitCodes = codeSet(c.leadUnits, c.rejectedCodes);
  problems.push(...checkIssuers(c, leadUnitCodes));
  problems.push(...checkArticles(c, leadUnitCodes));
  problems.push(...checkTasks(c, leadUnitCodes));
  return problems;
}

function unknownLeadUnit(item: Located<unknown>, field: string, code: string): CatalogueProblem {
  return problemAt(
    item.at,
    field,
    'E_CATALOG_UNKNOWN_LEAD_UNIT',
    `unknown lead unit ${code}`,
    `未知牵头单位 ${code}`,
  );
}

function checkIssuers(c: LocatedCatalogue, leadUnitCodes: Set<string>): CatalogueProblem[] {
  if (!c.policy) return [];
  const policy = c.policy;
  const problems: CatalogueProblem[] = [];
  policy.value.issuerCodes.forEach((code, i) => {
    if (!leadUnitCodes.has(code)) problems.push(unknownLeadUnit(policy, `issuerCodes.${i}`, code));
  });
  const issuers = new Set(policy.value.issuerCodes);
  for (const unit of c.leadUnits) {
    if (!issuers.has(unit.value.code)) {
      problems.push(
        problemAt(
          unit.at,
          'code',
          'E_CATALOG_LEAD_UNITS_MISMATCH',
          `lead unit ${unit.value.code} is not an issuer of the document`,
          `牵头单位 ${unit.value.code} 不在发文单位之列`,
        ),
      );
    }
  }
  return problems;
}

function checkArticles(c: LocatedCatalogue, leadUnitCodes: Set<string>): CatalogueProblem[] {
  const problems: CatalogueProblem[] = [];
  const partCodes = codeSet(c.parts, c.rejectedCodes);
  const byShortName = new Map(c.leadUnits.map((u) => [u.value.shortName, u.value] as const));
  for (const article of c.articles) {
    const a = article.value;
    if (!partCodes.has(a.partCode)) {
      problems.push(
        problemAt(
          article.at,
          'partCode',
          'E_CATALOG_UNKNOWN_PART',
          `unknown part ${a.partCode}`,
          `未知部分 ${a.partCode}`,
        ),
      );
    }
    a.leadUnitCodes.forEach((code, i) => {
      if (!leadUnitCodes.has(code)) problems.push(unknownLeadUnit(article, `leadUnitCodes.${i}`, code));
    });
    if (ARTICLES_WITHOUT_LEAD_UNITS.has(a.code)) {
      if (a.leadUnitCodes.length > 0) {
        problems.push(
          problemAt(
            article.at,
            'leadUnitCodes',
            'E_CATALOG_LEAD_UNITS_UNEXPECTED',
            `article ${a.code} names no lead units`,
            `条目 ${a.code} 未列牵头单位`,
          ),
        );
      }
      continue;
    }
    problems.push(...checkLeadUnitsAgainstText(article, byShortName));
  }
  return problems;
}

/** (三)–(十七) end with "(重庆市、四川省、科技部…牵头负责)": the listed codes must be exactly those, in that order. */
function checkLeadUnitsAgainstText(
  article: Located<PolicyArticle>,
  byShortName: Map<string, LeadUnit>,
): CatalogueProblem[] {
  const a = article.value;
  if (a.leadUnitCodes.length === 0) {
    return [
      problemAt(
        article.at,
        'leadUnitCodes',
        'E_CATALOG_LEAD_UNITS_MISSING',
        `article ${a.code} must list its lead units`,
        `条目 ${a.code} 缺少牵头单位`,
      ),
    ];
  }
  const ending = /\(([^()]*)牵头负责\)\s*$/.exec(a.textZh);
  if (!ending?.[1]) {
    return [
      problemAt(
        article.at,
        'textZh',
        'E_CATALOG_LEAD_UNITS_MISSING',
        `the text of ${a.code} does not end with its lead units (…牵头负责)`,
        `条目 ${a.code} 正文末尾没有“(…牵头负责)”`,
      ),
    ];
  }
  const named = ending[1].split('、');
  const expected = named.map((name) => byShortName.get(name)?.code ?? `?${name}`);
  const missing = named.filter((name, i) => !a.leadUnitCodes.includes(expected[i] ?? ''));
  if (missing.length > 0) {
    return [
      problemAt(
        article.at,
        'leadUnitCodes',
        'E_CATALOG_LEAD_UNITS_MISSING',
        `article ${a.code} is missing lead unit(s) named by its text: ${missing.join('、')}`,
        `条目 ${a.code} 缺少正文所列牵头单位: ${missing.join('、')}`,
      ),
    ];
  }
  if (expected.join(',') !== a.leadUnitCodes.join(',')) {
    return [
      problemAt(
        article.at,
        'leadUnitCodes',
        'E_CATALOG_LEAD_UNITS_MISMATCH',
        `lead units of ${a.code} must be ${expected.join(', ')} (the text's order)`,
        `条目 ${a.code} 的牵头单位应为 ${named.join('、')}(按正文顺序)`,
      ),
    ];
  }
  return [];
}

function checkTasks(c: LocatedCatalogue, leadUnitCodes: Set<string>): CatalogueProblem[] {
  const problems: CatalogueProblem[] = [];
  const articles = new Map(c.articles.map((a) => [a.value.code, a.value] as const));
  const tasks = new Map(c.tasks.map((t) => [t.value.code, t.value] as const));
  const stageCodes = codeSet(c.stages, c.rejectedCodes);
  const indicatorCodes = codeSet(c.indicators, c.rejectedCodes);
  for (const task of c.tasks) {
    const t = task.value;
    const article = articles.get(t.articleCode);
    if (!article && !c.rejectedCodes.has(t.articleCode)) {
      problems.push(
        problemAt(
          task.at,
          'articleCode',
          'E_CATALOG_UNKNOWN_ARTICLE',
          `unknown article ${t.articleCode}`,
          `未知条目 ${t.articleCode}`,
        ),
      );
    }
    if (t.parentCode !== null) {
      const parent = tasks.get(t.parentCode);
      if (!parent && !c.rejectedCodes.has(t.parentCode)) {
        problems.push(
          problemAt(
            task.at,
            'parentCode',
            'E_CATALOG_UNKNOWN_PARENT',
            `unknown parent task ${t.parentCode}`,
            `未知上级任务 ${t.parentCode}`,
          ),
        );
      } else if (parent && (parent.articleCode !== t.articleCode || parent.code === t.code)) {
        problems.push(
          problemAt(
            task.at,
            'parentCode',
            'E_CATALOG_UNKNOWN_PARENT',
            `parent task ${t.parentCode} must be another task of ${t.articleCode}`,
            `上级任务 ${t.parentCode} 应为同一条目 ${t.articleCode} 下的其他任务`,
          ),
        );
      }
    }
    if (t.stage !== null && !stageCodes.has(t.stage)) {
      problems.push(
        problemAt(
          task.at,
          'stage',
          'E_CATALOG_UNKNOWN_STAGE',
          `unknown stage ${t.stage}`,
          `未知阶段 ${t.stage}`,
        ),
      );
    }
    const stageFields = [t.stage, t.stageTextZh, t.stageDate, t.stageSource];
    const setCount = stageFields.filter((v) => v !== null).length;
    if (setCount !== 0 && setCount !== stageFields.length) {
      problems.push(
        problemAt(
          task.at,
          'stage',
          'E_CATALOG_STAGE_INCOMPLETE',
          'stage, stageTextZh, stageDate and stageSource are set together or not at all',
          '阶段、阶段原文、阶段日期、阶段来源须同时填写或同时为空',
        ),
      );
    }
    if (t.kind !== 'task' && t.stage === null) {
      problems.push(
        problemAt(
          task.at,
          'stage',
          'E_CATALOG_STAGE_INCOMPLETE',
          `a ${t.kind} needs the stage its article assigns`,
          '设施/平台须注明正文所定阶段',
        ),
      );
    }
    t.leadUnitCodes.forEach((code, i) => {
      if (!leadUnitCodes.has(code)) problems.push(unknownLeadUnit(task, `leadUnitCodes.${i}`, code));
    });
    if (article && article.leadUnitCodes.join(',') !== t.leadUnitCodes.join(',')) {
      problems.push(
        problemAt(
          task.at,
          'leadUnitCodes',
          'E_CATALOG_LEAD_UNITS_MISMATCH',
          `a task inherits its article's lead units: ${article.leadUnitCodes.join(', ')}`,
          `任务沿用所属条目的牵头单位: ${article.leadUnitCodes.join(', ')}`,
        ),
      );
    }
    t.indicatorCodes.forEach((code, i) => {
      if (!indicatorCodes.has(code))
        problems.push(
          problemAt(
            task.at,
            `indicatorCodes.${i}`,
            'E_CATALOG_UNKNOWN_INDICATOR',
            `unknown indicator ${code}`,
            `未知指标 ${code}`,
          ),
        );
    });
  }
  const articlesWithTasks = new Set(c.tasks.map((t) => t.value.articleCode));
  for (const article of c.articles) {
    if (!ARTICLES_WITHOUT_LEAD_UNITS.has(article.value.code) && !articlesWithTasks.has(article.value.code)) {
      problems.push(
        problemAt(
          article.at,
          'code',
          'E_CATALOG_ARTICLE_WITHOUT_TASK',
          `article ${article.value.code} has no task`,
          `条目 ${article.value.code} 未分解任务`,
        ),
      );
    }
  }
  return problems;
}
