// The indicator download: the chosen org unit and every rolled-up (area) unit below it, year by year, with
// the indicator's metadata and a citation line. Values are those of the monitoring engine at the caller's
// visibility (published only for anonymous callers), so the file matches the explorer on screen.
import type { Kysely } from 'kysely';
import type { Database } from '@scimon/db';
import type { Locale, OrgUnitNode } from '@scimon/contracts';
import { err, ok, type Result } from '@scimon/core';
import { getFrameworkDetail, getFrameworks } from '../frameworks/frameworks.service.ts';
import { getOrgUnitTree } from '../org-units/org-units.service.ts';
import { getSeries, type MonitoringContext, type Visibility } from '../monitoring/monitoring.service.ts';
import type { Cell, DownloadSheet } from './downloads.format.ts';

export interface IndicatorDownloadQuery {
  indicator: string;
  orgUnit?: string;
  from?: number;
  to?: number;
  visibility: Visibility;
  locale: Locale;
  /** Today (Asia/Shanghai) and the instant of generation, from the server clock. */
  today: string;
  now: string;
}

const T = {
  'zh-CN': {
    title: '标题',
    indicator: '指标',
    unit: '计量单位',
    definition: '定义',
    formula: '计算公式',
    source: '数据来源',
    articles: '政策条款',
    targets: '目标',
    scope: '范围',
    years: '年份',
    visibility: '数据口径',
    published: '仅已发布数据',
    reviewed: '已审核及已发布数据（内部，勿公开）',
    sample: '示例数据',
    sampleNote: '含示例数据（演示用，不是真实统计数据，不得引用）',
    generated: '生成时间',
    licence: '许可与引用',
    licenceText: (name: string, date: string) =>
      `引用：西部科学城建设监测评估平台，“${name}”，下载于 ${date}。各数值的版权和口径以所列数据来源为准；依据《关于进一步支持西部科学城加快建设的意见》（国科发规〔2023〕31号）。`,
    header: [
      '组织单元代码',
      '组织单元',
      '层级',
      '年份',
      '数值',
      '计量单位',
      '完整度',
      '数据来源',
      '示例数据',
      '取值方式',
    ],
    levels: { city: '科学城', part: '片区', zone: '先行启动区', park: '园区' } as Record<string, string>,
    origins: {
      stored: '填报值',
      computed: '计算/汇总值',
      fallback: '填报的派生值',
      none: '无数据',
    } as Record<string, string>,
    yes: '是',
    no: '否',
    titleOf: (name: string) => `${name} — 指标数据`,
  },
  'en-US': {
    title: 'Title',
    indicator: 'Indicator',
    unit: 'Unit',
    definition: 'Definition',
    formula: 'Formula',
    source: 'Source',
    articles: 'Policy articles',
    targets: 'Targets',
    scope: 'Scope',
    years: 'Years',
    visibility: 'Data status',
    published: 'Published values only',
    reviewed: 'Approved and published values (internal, do not publish)',
    sample: 'Sample data',
    sampleNote: 'Contains sample data (for demonstration, not real statistics; do not cite)',
    generated: 'Generated',
    licence: 'Licence and citation',
    licenceText: (name: string, date: string) =>
      `Cite as: Western Science City Monitoring and Evaluation Platform, "${name}", downloaded ${date}. Rights and definitions of each value rest with the sources listed; per Guo Ke Fa Gui [2023] No. 31.`,
    header: [
      'Org unit code',
      'Org unit',
      'Level',
      'Year',
      'Value',
      'Unit',
      'Completeness',
      'Sources',
      'Sample',
      'Origin',
    ],
    levels: { city: 'Science city', part: 'Part', zone: 'Pilot zone', park: 'Park' } as Record<
      string,
      string
    >,
    origins: {
      stored: 'reported',
      computed: 'computed / rolled up',
      fallback: 'reported derived value',
      none: 'no data',
    } as Record<string, string>,
    yes: 'yes',
    no: 'no',
    titleOf: (name: string) => `${name} — indicator data`,
  },
} as const;

function findNode(roots: readonly OrgUnitNode[], code: string): OrgUnitNode | null {
  for (const r of roots) {
    if (r.code === code) return r;
    const f = findNode(r.children, code);
    if (f) return f;
  }
  return null;
}

/** The unit and its descendants that roll up (kind area), depth first. */
function areaSubtree(node: OrgUnitNode): OrgUnitNode[] {
  if (node.kind !== 'area') return [node];
  const out: OrgUnitNode[] = [];
  const walk = (n: OrgUnitNode) => {
    if (n.kind !== 'area') return;
    out.push(n);
    n.children.forEach(walk);
  };
  walk(node);
  return out;
}

export async function buildIndicatorDownload(
  ctx: MonitoringContext,
  q: IndicatorDownloadQuery,
): Promise<Result<{ sheet: DownloadSheet; fileBase: string }>> {
  const db: Kysely<Database> = ctx.db;
  const t = T[q.locale];
  const en = q.locale === 'en-US';
  const active = (await getFrameworks(db)).find((f) => f.status === 'active');
  if (!active) return err({ code: 'E_FRAMEWORK_NOT_FOUND', params: { code: '—' } });
  const fw = await getFrameworkDetail(db, active.code, active.version);
  if (!fw.ok) return fw;
  const ind = fw.value.indicators.find((i) => i.code === q.indicator);
  if (!ind) return err({ code: 'E_MONITORING_INDICATOR_NOT_FOUND', params: { code: q.indicator } });

  const tree = await getOrgUnitTree(db, q.today);
  const rootCode = q.orgUnit ?? tree[0]?.code;
  const node = rootCode ? findNode(tree, rootCode) : null;
  if (!node) return err({ code: 'E_ORG_UNIT_NOT_FOUND', params: { code: q.orgUnit ?? '—' } });

  const name = en ? ind.nameEn : ind.nameZh;
  const unit = en ? ind.unitEn : ind.unitZh;
  const rows: Cell[][] = [];
  let sample = false;
  const years = new Set<string>();
  for (const u of areaSubtree(node)) {
    const s = await getSeries(ctx, {
      indicator: ind.code,
      orgUnit: u.code,
      from: q.from,
      to: q.to,
      visibility: q.visibility,
    });
    if (!s.ok) return s;
    for (const item of s.value.items) {
      const isSample = item.sources.includes('sample');
      sample ||= isSample;
      years.add(item.period);
      rows.push([
        u.code,
        en ? u.nameEn : u.nameZh,
        t.levels[u.level] ?? u.level,
        Number(item.period),
        item.value,
        unit,
        item.completeness,
        item.sources.join('; '),
        isSample ? t.yes : t.no,
        t.origins[item.origin] ?? item.origin,
      ]);
    }
  }
  const targets = fw.value.targets
    .filter((x) => x.indicator === ind.code)
    .map(
      (x) => `${x.orgUnit} ${x.year}: ${x.comparator} ${x.value}${x.kind === 'growth' ? ' %/a' : ` ${unit}`}`,
    )
    .join('; ');
  const sortedYears = [...years].sort();
  const metadata: [string, string][] = [
    [t.title, t.titleOf(name)],
    [t.indicator, `${name} (${ind.code})`],
    [t.unit, unit],
    [t.definition, en ? ind.definitionEn : ind.definitionZh],
    [t.formula, ind.formula ?? '—'],
    [t.source, ind.source],
    [t.articles, ind.articleCodes.join(' ')],
    [t.targets, targets || '—'],
    [t.scope, `${en ? node.nameEn : node.nameZh} (${node.code})`],
    [t.years, sortedYears.length ? `${sortedYears[0]}–${sortedYears[sortedYears.length - 1]}` : '—'],
    [t.visibility, q.visibility === 'published' ? t.published : t.reviewed],
    ...(sample ? ([[t.sample, t.sampleNote]] as [string, string][]) : []),
    [t.generated, q.now],
    [t.licence, t.licenceText(name, q.today)],
  ];
  return ok({
    sheet: { sheetName: ind.code, metadata, header: t.header, rows },
    fileBase: `${ind.code}_${node.code}`,
  });
}
