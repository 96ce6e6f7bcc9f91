// Exports: the task tree in the CLI's contract (JSON nodes with children; flat rows for table and CSV)
// and the .xlsx workbook (tasks, scoreboard, scoring rules).
import ExcelJS from 'exceljs';
import type { Scoreboard, TaskSummary } from '@scimon/contracts';

/** One task in `scimon tasks list --format json`; the keys and their order are a contract (issue 8). */
export interface TaskNode {
  code: string;
  article: string;
  titleZh: string;
  titleEn: string;
  leadUnits: { code: string; shortName: string; fullName: string }[];
  coUnits: { code: string; shortName: string; fullName: string }[];
  stage: string | null;
  start: string;
  due: string | null;
  percent: number | null;
  colour: TaskSummary['colour'];
  children: TaskNode[];
}

const node = (t: TaskSummary): TaskNode => ({
  code: t.code,
  article: t.articleCode,
  titleZh: t.titleZh,
  titleEn: t.titleEn,
  leadUnits: t.leadUnits,
  coUnits: t.coUnits,
  stage: t.stage,
  start: t.startDate,
  due: t.dueDate,
  percent: t.percent,
  colour: t.colour,
  children: [],
});

/**
 * Nests the kept tasks under their parents. A kept task whose parent was filtered out stands at the top
 * level, so every printed task matches the filter.
 */
export function taskTree(kept: readonly TaskSummary[]): TaskNode[] {
  const nodes = new Map(kept.map((t) => [t.code, node(t)]));
  const roots: TaskNode[] = [];
  for (const t of kept) {
    const parent = t.parentCode ? nodes.get(t.parentCode) : undefined;
    (parent ? parent.children : roots).push(nodes.get(t.code)!);
  }
  return roots;
}

/** Depth-first rows of the tree, for table and CSV output. */
export function flatten(nodes: readonly TaskNode[]): TaskNode[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children)]);
}

export const TABLE_COLUMNS = ['code', 'article', 'title', 'lead_units', 'due', 'percent', 'colour'] as const;

/** A row of the table and CSV contract: lead units' short names joined by 、. */
export function tableRow(n: TaskNode, lang: 'zh-CN' | 'en-US'): string[] {
  return [
    n.code,
    n.article,
    lang === 'en-US' ? n.titleEn : n.titleZh,
    n.leadUnits.map((u) => u.shortName).join('、'),
    n.due ?? '',
    n.percent === null ? '' : String(n.percent),
    n.colour,
  ];
}

const pct = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 10);

export async function workbook(tasks: readonly TaskSummary[], board: Scoreboard): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Science City Monitor';
  const ts = wb.addWorksheet('任务 Tasks');
  ts.columns = [
    { header: '编号 code', key: 'code', width: 14 },
    { header: '条款 article', key: 'article', width: 8 },
    { header: '上级 parent', key: 'parent', width: 12 },
    { header: '任务 title', key: 'titleZh', width: 50 },
    { header: 'Title', key: 'titleEn', width: 50 },
    { header: '牵头单位 lead units', key: 'leads', width: 30 },
    { header: '配合单位 co-units', key: 'co', width: 20 },
    { header: '阶段 stage', key: 'stage', width: 14 },
    { header: '开始 start', key: 'start', width: 12 },
    { header: '截止 due', key: 'due', width: 12 },
    { header: '截止日期为假设 due assumed', key: 'assumed', width: 10 },
    { header: '进度% percent', key: 'percent', width: 10 },
    { header: '时间进度% time share', key: 'share', width: 10 },
    { header: '颜色 colour', key: 'colour', width: 10 },
    { header: '原因 reason', key: 'reason', width: 14 },
    { header: '办结 closed', key: 'closed', width: 12 },
  ];
  for (const t of tasks)
    ts.addRow({
      code: t.code,
      article: t.articleCode,
      parent: t.parentCode ?? '',
      titleZh: t.titleZh,
      titleEn: t.titleEn,
      leads: t.leadUnits.map((u) => u.shortName).join('、'),
      co: t.coUnits.map((u) => u.shortName).join('、'),
      stage: t.stageNameZh ?? '',
      start: t.startDate,
      due: t.dueDate ?? '',
      assumed: t.dueDateAssumption ? 1 : 0,
      percent: t.percent,
      share: t.timeShare,
      colour: t.colour,
      reason: t.colourReason,
      closed: t.closedOn ?? '',
    });
  const sb = wb.addWorksheet('考核 Scoreboard');
  sb.columns = [
    { header: '排名 rank', key: 'rank', width: 8 },
    { header: '单位 unit', key: 'unit', width: 16 },
    { header: '代码 code', key: 'code', width: 8 },
    { header: '得分 score', key: 'score', width: 10 },
    { header: '牵头任务 tasks led', key: 'tasks', width: 10 },
    { header: '应报 reports due', key: 'due', width: 10 },
    { header: '按时 on time', key: 'onTime', width: 10 },
    { header: '报告按时率% on-time reports', key: 'onTimeRate', width: 12 },
    { header: '按期办结率% closed on time', key: 'closureRate', width: 12 },
    { header: '逾期 overdue', key: 'overdue', width: 10 },
    { header: '里程碑按期率% milestones met', key: 'msRate', width: 12 },
    { header: '指标进展% indicator progress', key: 'ind', width: 12 },
    { header: '红 red', key: 'red', width: 6 },
    { header: '黄 yellow', key: 'yellow', width: 6 },
    { header: '绿 green', key: 'green', width: 6 },
    { header: '蓝 blue', key: 'blue', width: 6 },
  ];
  for (const r of board.items)
    sb.addRow({
      rank: r.rank,
      unit: r.leadUnit.shortName,
      code: r.leadUnit.code,
      score: r.score === null ? null : Math.round(r.score * 10) / 10,
      tasks: r.tasksLed,
      due: r.reportsDue,
      onTime: r.reportsOnTime,
      onTimeRate: pct(r.onTimeReportRate),
      closureRate: pct(r.onTimeClosureRate),
      overdue: r.overdue,
      msRate: pct(r.milestoneRate),
      ind: pct(r.indicatorProgress),
      ...r.colours,
    });
  const rs = wb.addWorksheet('评分规则 Rules');
  rs.columns = [
    { header: '指标 criterion', key: 'criterion', width: 20 },
    { header: '名称', key: 'nameZh', width: 20 },
    { header: 'Name', key: 'nameEn', width: 32 },
    { header: '权重 weight', key: 'weight', width: 10 },
  ];
  for (const r of board.rules) rs.addRow(r);
  rs.addRow({});
  rs.addRow({ criterion: `as of ${board.asOf}` });
  for (const ws of [ts, sb, rs]) ws.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
