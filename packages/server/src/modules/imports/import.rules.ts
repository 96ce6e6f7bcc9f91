// The validation rules across indicators and the wording of warnings. Rules are written in the formula
// language; `missing: skip` leaves a rule unchecked when an operand is not reported.
import type { ValidationRule, WarningKind } from '@scimon/core';

export const DEFAULT_RULES: readonly ValidationRule[] = [
  { code: 'R01', expression: 'rd_expenditure <= gdp', missing: 'skip', importance: 'error' },
  {
    code: 'R02',
    expression: 'enterprise_rd_expenditure <= rd_expenditure',
    missing: 'skip',
    importance: 'error',
  },
  {
    code: 'R03',
    expression: 'basic_research_expenditure <= rd_expenditure',
    missing: 'skip',
    importance: 'error',
  },
  {
    code: 'R04',
    expression: 'cross_region_contract_turnover <= tech_contract_turnover',
    missing: 'skip',
    importance: 'warning',
  },
];

export const WARNING_TEXT: Record<WarningKind, { zh: string; en: string }> = {
  outlier_z: { zh: '偏离历史均值超过 3 个标准差', en: 'more than 3 standard deviations from its history' },
  outlier_mad: {
    zh: '偏离历史中位数过远（稳健 z 值 > 3.5）',
    en: 'far from its history’s median (robust z > 3.5)',
  },
  yoy_change: { zh: '较上期变动超过 50%', en: 'changes by more than 50 % on the previous period' },
  fraction_of_percent: {
    zh: '小于 1 而历史值均大于 1，可能填成了小数而非百分数',
    en: 'below 1 where its history is above 1: a fraction instead of a percentage?',
  },
  magnitude_1e4: {
    zh: '约为历史值的 1 万倍或万分之一，可能混淆了万元与亿元',
    en: 'about 10⁴ times (or 1/10⁴ of) its history: 万元 and 亿元 mixed up?',
  },
};

export const ruleWarningText = (code: string, expression: string) => ({
  zh: `违反预警规则 ${code}（${expression}）`,
  en: `breaks warning rule ${code} (${expression})`,
});
