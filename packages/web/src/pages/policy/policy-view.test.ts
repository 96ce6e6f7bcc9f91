import { describe, expect, it } from 'vitest';
import type { PolicyArticle, PolicyTask } from '@scimon/contracts';
import { groupByPart, tasksByArticle } from './policy-view.ts';

const part = (code: string) => ({ code, numeralZh: code, titleZh: code, titleEn: code });
const article = (code: string, seq: number, p: string): PolicyArticle => ({
  code,
  seq,
  part: part(p),
  titleZh: code,
  titleEn: code,
  textZh: '',
  leadUnits: [],
});
const task = (
  code: string,
  seq: number,
  articleCode: string,
  parentCode: string | null = null,
): PolicyTask => ({
  code,
  articleCode,
  parentCode,
  seq,
  titleZh: code,
  titleEn: code,
  kind: 'task',
  stage: null,
  startDate: '2023-03-31',
  dueDate: null,
  dueDateAssumption: false,
  leadUnits: [],
  indicatorCodes: [],
  stageHistory: [],
});

describe('policy view', () => {
  it('groups articles by part in text order', () => {
    const groups = groupByPart([
      article('(三)', 3, 'P2'),
      article('(一)', 1, 'P1'),
      article('(二)', 2, 'P1'),
    ]);
    expect(groups.map((g) => [g.part.code, g.articles.map((a) => a.code)])).toEqual([
      ['P1', ['(一)', '(二)']],
      ['P2', ['(三)']],
    ]);
  });

  it('puts sub-tasks right after their parent', () => {
    const m = tasksByArticle([
      task('B', 2, '(四)'),
      task('A1', 3, '(四)', 'A'),
      task('A', 1, '(四)'),
      task('C', 1, '(五)'),
    ]);
    expect(m.get('(四)')?.map((t) => t.code)).toEqual(['A', 'A1', 'B']);
    expect(m.get('(五)')?.map((t) => t.code)).toEqual(['C']);
  });
});
