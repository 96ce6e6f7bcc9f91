import { describe, expect, it } from 'vitest';
import { loadCatalogue } from './catalog.loader.ts';
import { DATA_DIR } from './catalog.test-helpers.ts';
import {
  formatPublishedCsv,
  importFigures,
  parseFigures,
  type PublishedMapping,
} from './published.import.ts';
import { readPublishedMapping } from './published.mapping.ts';

const FIGURES = `entity,indicator,year,value,unit,source
全国,国内高价值发明专利拥有量,2024,197.8,万件,国家知识产权局 2025-01-15
重庆市,R&D经费投入强度,2019,1.99,%,derived: 2020年2.11% 比上年提高0.12
重庆市,地区生产总值,2024,32193.15,亿元,chaxiaohao.com (low-quality secondary; UNCERTAIN)
四川省,技术合同成交额,2020,1249,亿元,四川在线 (approx.)
四川省,研究与试验发展经费支出,2013-2017,2550,亿元,政府工作报告
全国,每万人口高价值发明专利拥有量,2025H1,15.3,件,国新办
渝北区,高新技术企业数,2021,796,家,"渝北区基本情况, circa 2022"
重庆市,人均地区生产总值,2021,86879,元,重庆市统计局
成都市,地区生产总值,2023,22000,亿元,"成都市政府工作报告: '超2.2万亿元'"
`;

const MAPPING: PublishedMapping = {
  indicators: [
    {
      figuresIndicator: '国内高价值发明专利拥有量',
      figuresUnit: '万件',
      indicatorCode: 'high_value_patents',
      scale: 10000,
      note: '万件 → 件',
    },
    {
      figuresIndicator: '高新技术企业数',
      figuresUnit: '家',
      indicatorCode: 'hitech_enterprises',
      scale: 1,
      note: 'stock',
    },
    {
      figuresIndicator: '人均地区生产总值',
      figuresUnit: '元',
      indicatorCode: null,
      scale: null,
      note: 'not a framework indicator',
    },
    { figuresIndicator: '地区生产总值', figuresUnit: '亿元', indicatorCode: 'gdp', scale: 1, note: 'GDP' },
  ],
  entities: [
    { figuresEntity: '全国', orgUnitCode: 'CN', note: 'reference region' },
    { figuresEntity: '重庆市', orgUnitCode: 'CHONGQING', note: 'reference region' },
    { figuresEntity: '成都市', orgUnitCode: 'CHENGDU', note: 'reference region' },
    { figuresEntity: '渝北区', orgUnitCode: null, note: 'a district, not a tree node' },
  ],
  exclusions: [
    {
      figuresEntity: '成都市',
      figuresIndicator: '地区生产总值',
      figuresYear: '2023',
      reason: 'a lower bound',
    },
  ],
};

describe('importing published figures', () => {
  const outcomes = importFigures(parseFigures(FIGURES), MAPPING);
  const by = (line: number) => outcomes.find((o) => o.row.line === line);

  it('loads a mapped row, scaled, with its citation', () => {
    expect(by(2)).toMatchObject({
      status: 'loaded',
      value: {
        indicatorCode: 'high_value_patents',
        orgUnitCode: 'CN',
        period: '2024',
        value: 1978000,
        sourceRef: '国家知识产权局 2025-01-15',
      },
    });
  });

  it('skips rows marked derived, UNCERTAIN, low-quality or approx., and non-period years', () => {
    expect(by(3)).toMatchObject({ status: 'skipped', reason: 'source marked "derived"' });
    expect(by(4)).toMatchObject({ status: 'skipped' });
    expect(by(5)).toMatchObject({ status: 'skipped', reason: 'source marked "approx."' });
    expect(by(6)).toMatchObject({ status: 'skipped', reason: '"2013-2017" is not a period code' });
    expect(by(7)).toMatchObject({ status: 'skipped', reason: '"2025H1" is not a period code' });
  });

  it('skips other entities, lists unmapped indicators and applies reviewed exclusions', () => {
    expect(by(8)).toMatchObject({ status: 'skipped', reason: 'entity: a district, not a tree node' });
    expect(by(9)).toMatchObject({ status: 'unmapped', reason: 'not a framework indicator' });
    expect(by(10)).toMatchObject({ status: 'skipped', reason: 'review: a lower bound' });
  });

  it('writes only the loaded rows', () => {
    expect(formatPublishedCsv(outcomes).trim().split('\n')).toHaveLength(2);
  });

  it('refuses a figure whose entity was never reviewed', () => {
    expect(() =>
      importFigures(
        parseFigures('entity,indicator,year,value,unit,source\n火星,GDP,2024,1,亿元,x\n'),
        MAPPING,
      ),
    ).toThrow(/entity "火星"/);
  });

  it('the committed mapping files name only known indicators, tree nodes and reference regions', async () => {
    const mapping = await readPublishedMapping(DATA_DIR);
    const result = await loadCatalogue(DATA_DIR);
    if (!result.ok) throw new Error('catalogue must load');
    const indicators = new Set(result.value.framework.indicators.map((i) => i.code));
    const units = new Set([...result.value.orgUnits, ...result.value.referenceRegions].map((u) => u.code));
    for (const row of mapping.indicators)
      if (row.indicatorCode !== null) expect(indicators.has(row.indicatorCode), row.indicatorCode).toBe(true);
    for (const row of mapping.entities)
      if (row.orgUnitCode !== null) expect(units.has(row.orgUnitCode), row.orgUnitCode).toBe(true);
    for (const v of result.value.publishedValues) expect(units.has(v.orgUnitCode)).toBe(true);
  });
});
