// Maps policy rows to API shapes (camelCase), purely.
import type { PolicyArticle, PolicyTask } from '@scimon/contracts';

export function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

interface LeadUnitRow {
  code: string;
  short_name: string;
  full_name: string;
  name_en: string;
  kind: string;
  seq: number;
}

export const presentLeadUnitRef = (u: LeadUnitRow) => ({
  code: u.code,
  shortName: u.short_name,
  fullName: u.full_name,
});

export const presentLeadUnit = (u: LeadUnitRow) => ({
  ...presentLeadUnitRef(u),
  nameEn: u.name_en,
  kind: u.kind,
  seq: u.seq,
});

interface ArticleRow {
  code: string;
  seq: number;
  title_zh: string;
  title_en: string;
  text_zh: string;
  part_code: string;
  part_numeral_zh: string;
  part_title_zh: string;
  part_title_en: string;
}

export function presentArticle(a: ArticleRow, leadUnits: PolicyArticle['leadUnits']): PolicyArticle {
  return {
    code: a.code,
    seq: a.seq,
    part: {
      code: a.part_code,
      numeralZh: a.part_numeral_zh,
      titleZh: a.part_title_zh,
      titleEn: a.part_title_en,
    },
    titleZh: a.title_zh,
    titleEn: a.title_en,
    textZh: a.text_zh,
    leadUnits,
  };
}

interface TaskRow {
  code: string;
  article_code: string;
  parent_code: string | null;
  seq: number;
  title_zh: string;
  title_en: string;
  kind: string;
  stage: string | null;
  start_date: string;
  due_date: string | null;
  due_date_assumption: number;
}

interface StageRow {
  stage: string;
  stage_text_zh: string | null;
  changed_on: string;
  evidence: string | null;
  name_zh: string;
  name_en: string;
}

export function presentTask(
  t: TaskRow,
  leadUnits: PolicyTask['leadUnits'],
  indicatorCodes: string[],
  history: readonly StageRow[],
): PolicyTask {
  return {
    code: t.code,
    articleCode: t.article_code,
    parentCode: t.parent_code,
    seq: t.seq,
    titleZh: t.title_zh,
    titleEn: t.title_en,
    kind: t.kind,
    stage: t.stage,
    startDate: t.start_date,
    dueDate: t.due_date,
    dueDateAssumption: t.due_date_assumption === 1,
    leadUnits,
    indicatorCodes,
    stageHistory: history.map((h) => ({
      stage: h.stage,
      stageNameZh: h.name_zh,
      stageNameEn: h.name_en,
      stageTextZh: h.stage_text_zh,
      changedOn: h.changed_on,
      evidence: h.evidence,
    })),
  };
}
