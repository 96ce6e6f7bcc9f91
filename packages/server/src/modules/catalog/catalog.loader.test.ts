import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Catalogue, CatalogueProblem } from '@scimon/contracts/catalog/index';
import { formatProblem, loadCatalogue } from './catalog.loader.ts';
import { breakFile, copyDataDir, DATA_DIR, removeDir } from './catalog.test-helpers.ts';
import { isParkLeaf } from './catalog.validate.ts';

describe('the real catalogue under data/', () => {
  let catalogue: Catalogue;
  beforeAll(async () => {
    const result = await loadCatalogue(DATA_DIR);
    if (!result.ok) throw new Error(result.error.map((p) => formatProblem(p, 'en-US')).join('\n'));
    catalogue = result.value;
  });

  it('holds the document, 6 parts, 17 articles and 14 lead units', () => {
    expect(catalogue.policy.documentNo).toBe('国科发规〔2023〕31号');
    expect(catalogue.policy.writtenOn).toBe('2023-03-31');
    expect(catalogue.policy.releasedOn).toBe('2023-04-12');
    expect(catalogue.parts.map((p) => p.numeralZh)).toEqual([
      '第一部分',
      '第二部分',
      '第三部分',
      '第四部分',
      '第五部分',
      '第六部分',
    ]);
    expect(catalogue.articles).toHaveLength(17);
    expect(catalogue.articles.map((a) => a.seq)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
    expect(catalogue.leadUnits).toHaveLength(14);
    expect(catalogue.policy.issuerCodes).toEqual(catalogue.leadUnits.map((u) => u.code));
  });

  it('gives each article its lead units in the text order; (一)(二) none', () => {
    const byCode = new Map(catalogue.articles.map((a) => [a.code, a]));
    expect(byCode.get('(一)')?.leadUnitCodes).toEqual([]);
    expect(byCode.get('(二)')?.leadUnitCodes).toEqual([]);
    expect(byCode.get('(三)')?.leadUnitCodes).toEqual(['CQ', 'SC', 'MOST', 'SASAC']);
    expect(byCode.get('(八)')?.leadUnitCodes).toEqual(['CQ', 'SC', 'MOST', 'MIIT', 'CNIPA', 'CAS', 'CAE']);
    const shortNames = new Map(catalogue.leadUnits.map((u) => [u.code, u.shortName]));
    for (const a of catalogue.articles.slice(2)) {
      expect(a.textZh.endsWith(`(${a.leadUnitCodes.map((c) => shortNames.get(c)).join('、')}牵头负责)`)).toBe(
        true,
      );
    }
    expect(shortNames.get('NDRC')).toBe('发展改革委');
  });

  it('decomposes every article (三)–(十七) into tasks that inherit its lead units', () => {
    for (const a of catalogue.articles.slice(2)) {
      const tasks = catalogue.tasks.filter((t) => t.articleCode === a.code);
      expect(tasks.length, a.code).toBeGreaterThan(0);
      for (const t of tasks) expect(t.leadUnitCodes).toEqual(a.leadUnitCodes);
    }
  });

  it('gives each facility and platform of (四) the stage its text assigns', () => {
    const stages = Object.fromEntries(
      catalogue.tasks.filter((t) => t.articleCode === '(四)').map((t) => [t.titleZh, t.stage]),
    );
    expect(stages).toEqual({
      成渝综合性科学中心: 'building',
      跨尺度矢量光场时空调控验证装置: 'preconditions',
      电磁驱动聚变装置: 'preconditions',
      超瞬态实验装置: 'reserve',
      大规模分布孔径深空探测雷达: 'explore',
      空间太阳能电站关键系统综合研究设施: 'explore',
      多态耦合轨道交通动模试验平台: 'explore',
      柔性基底微纳结构成像系统研究装置: 'explore',
      汽车软件虚拟孪生开发云: 'prepare',
      健康医疗大数据中心: 'prepare',
    });
    for (const t of catalogue.tasks.filter((x) => x.articleCode === '(四)')) {
      expect(t.stageDate).toBe('2023-03-31');
      expect(t.stageSource).toBe('国科发规〔2023〕31号 (四)');
    }
  });

  it("puts each pilot zone under its province's part of the science city", () => {
    const unit = (code: string) => catalogue.orgUnits.find((u) => u.code === code);
    const root = catalogue.orgUnits.filter((u) => u.parentCode === null);
    expect(root.map((u) => u.nameZh)).toEqual(['西部科学城']);
    const zones = catalogue.orgUnits.filter((u) => u.level === 'zone' && u.kind === 'area');
    const partOf = Object.fromEntries(zones.map((z) => [z.nameZh, unit(z.parentCode ?? '')?.nameZh]));
    expect(partOf).toEqual({
      '西部(成都)科学城': '西部科学城四川片区',
      '中国(绵阳)科技城': '西部科学城四川片区',
      重庆两江协同创新区: '西部科学城重庆片区',
      '西部(重庆)科学城': '西部科学城重庆片区',
    });
    expect(catalogue.orgUnits.every((u) => u.coordApproximate)).toBe(true);
  });

  it('keeps reference regions outside the tree, in one code namespace', () => {
    expect(catalogue.referenceRegions.map((r) => r.nameZh)).toEqual([
      '全国',
      '重庆市(全市)',
      '四川省(全省)',
      '成都市',
      '绵阳市',
    ]);
    const codes = [...catalogue.orgUnits, ...catalogue.referenceRegions].map((u) => u.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('has five dimensions of 3–6 indicators plus the headline group, and the (二) targets', () => {
    const { dimensions, indicators, targets } = catalogue.framework;
    expect(dimensions.filter((d) => d.kind === 'dimension').map((d) => d.nameZh)).toEqual([
      '研发投入强度',
      '产业创新发展',
      '创新要素集聚',
      '创新生态营造',
      '两地协同联动',
    ]);
    for (const d of dimensions) {
      const n = indicators.filter((i) => i.dimensionCodes.includes(d.code)).length;
      if (d.kind === 'dimension') expect(n).toBeGreaterThanOrEqual(3);
      if (d.kind === 'dimension') expect(n).toBeLessThanOrEqual(6);
    }
    expect(indicators.find((i) => i.code === 'rd_intensity')?.formula).toBe('rd_expenditure / gdp * 100');
    expect(targets.map((t) => [t.indicatorCode, t.comparator, t.value, t.kind])).toEqual([
      ['rd_intensity', '>', 5, 'level'],
      ['hv_patents_per_10k', '>=', 80, 'level'],
      ['hitech_enterprises', '>=', 7000, 'level'],
      ['hitech_revenue', '>=', 8, 'growth'],
      ['tech_contract_turnover', '>=', 5, 'growth'],
    ]);
  });

  it('holds sample values for park leaves and raw indicators only, 2019–2025, with a few gaps', () => {
    const leaves = new Set(catalogue.orgUnits.filter(isParkLeaf).map((u) => u.code));
    const raw = new Set(catalogue.framework.indicators.filter((i) => i.raw).map((i) => i.code));
    const cells = leaves.size * raw.size * 7;
    expect(catalogue.sampleValues.every((v) => leaves.has(v.orgUnitCode) && raw.has(v.indicatorCode))).toBe(
      true,
    );
    expect(new Set(catalogue.sampleValues.map((v) => v.orgUnitCode))).toEqual(leaves);
    expect(new Set(catalogue.sampleValues.map((v) => v.period))).toEqual(
      new Set(['2019', '2020', '2021', '2022', '2023', '2024', '2025']),
    );
    expect(catalogue.sampleValues.length).toBeLessThan(cells);
    expect(catalogue.sampleValues.length).toBeGreaterThan(cells * 0.9);
  });

  it('keeps the citation of every published value', () => {
    expect(catalogue.publishedValues.length).toBeGreaterThan(0);
    expect(catalogue.publishedValues.every((v) => v.sourceRef.length > 0)).toBe(true);
  });
});

describe('a broken catalogue is refused with file, line and field', () => {
  let dir = '';
  afterEach(async () => {
    if (dir) await removeDir(dir);
    dir = '';
  });

  async function problemsAfter(
    file: string,
    from: string,
    to: string,
  ): Promise<{ line: number; problems: CatalogueProblem[] }> {
    dir = await copyDataDir();
    const line = await breakFile(dir, file, from, to);
    const result = await loadCatalogue(dir);
    if (result.ok) throw new Error('expected the broken catalogue to be refused');
    return { line, problems: result.error };
  }

  it('an unknown parent', async () => {
    const { line, problems } = await problemsAfter(
      'org-units/org-units.csv',
      'CD-XJJ,CD-KXC,',
      'CD-XJJ,NOPE,',
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: 'org-units/org-units.csv',
        line,
        field: 'parentCode',
        code: 'E_CATALOG_UNKNOWN_PARENT',
      }),
    );
  });

  it('a duplicate code, within a file and across org units and reference regions', async () => {
    const { line, problems } = await problemsAfter(
      'org-units/reference-regions.csv',
      'CHENGDU,成都市',
      'CD-XLH,成都市',
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: 'org-units/reference-regions.csv',
        line,
        field: 'code',
        code: 'E_CATALOG_DUPLICATE_CODE',
      }),
    );
    await removeDir(dir);
    const again = await problemsAfter('policy/tasks.yaml', 'code: T03-02', 'code: T03-01');
    expect(again.problems).toContainEqual(
      expect.objectContaining({
        file: 'policy/tasks.yaml',
        line: again.line,
        field: 'code',
        code: 'E_CATALOG_DUPLICATE_CODE',
      }),
    );
  });

  it('an article missing a lead unit its text names', async () => {
    const { line, problems } = await problemsAfter(
      'policy/articles.yaml',
      'leadUnitCodes: [CQ, SC, MOST, SASAC]',
      'leadUnitCodes: [CQ, SC, MOST]',
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: 'policy/articles.yaml',
        line,
        field: 'leadUnitCodes',
        code: 'E_CATALOG_LEAD_UNITS_MISSING',
      }),
    );
  });

  it('an article of (三)–(十七) with no lead units at all', async () => {
    const { line, problems } = await problemsAfter(
      'policy/articles.yaml',
      'leadUnitCodes: [CQ, SC, PBC, MOST]',
      'leadUnitCodes: []',
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: 'policy/articles.yaml',
        line,
        field: 'leadUnitCodes',
        code: 'E_CATALOG_LEAD_UNITS_MISSING',
      }),
    );
  });

  it('an article naming an unknown lead unit', async () => {
    const { line, problems } = await problemsAfter(
      'policy/articles.yaml',
      'leadUnitCodes: [CQ, SC, MOST, GACC]',
      'leadUnitCodes: [CQ, SC, MOST, CUSTOMS]',
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: 'policy/articles.yaml',
        line,
        field: 'leadUnitCodes.3',
        code: 'E_CATALOG_UNKNOWN_LEAD_UNIT',
      }),
    );
  });

  it('overlapping park leaves', async () => {
    const { line, problems } = await problemsAfter(
      'org-units/org-units.csv',
      'Shapingba,29.6,106.3,true,,,,',
      'Shapingba,29.6,106.3,true,,CQ-GXQ,,',
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: 'org-units/org-units.csv',
        line,
        field: 'within',
        code: 'E_CATALOG_PARK_OVERLAP',
      }),
    );
  });

  it('park leaves that overlap through `overlaps`', async () => {
    const { line, problems } = await problemsAfter(
      'org-units/org-units.csv',
      'Jiulongpo,29.48,106.4,true,,,,',
      'Jiulongpo,29.48,106.4,true,,,CQ-SPB;CQ-BB,',
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: 'org-units/org-units.csv',
        line,
        field: 'overlaps',
        code: 'E_CATALOG_PARK_OVERLAP',
      }),
    );
  });

  it('a bad org-unit code', async () => {
    const { line, problems } = await problemsAfter(
      'org-units/org-units.csv',
      'CQ-GYW,WSC-CQ',
      'cq gyw,WSC-CQ',
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: 'org-units/org-units.csv',
        line,
        field: 'code',
        code: 'E_CATALOG_BAD_CODE',
      }),
    );
  });

  it('a bad indicator code (YAML line of the field)', async () => {
    const { line, problems } = await problemsAfter(
      'framework/wsc-2023/indicators.yaml',
      '  - code: basic_research_share\n',
      '  - code: Basic-Research\n',
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: 'framework/wsc-2023/indicators.yaml',
        line,
        field: 'code',
        code: 'E_CATALOG_BAD_CODE',
      }),
    );
  });

  it('a park directly under a part (level order)', async () => {
    const { line, problems } = await problemsAfter(
      'org-units/org-units.csv',
      'CD-SWC,CD-KXC,',
      'CD-SWC,WSC-SC,',
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: 'org-units/org-units.csv',
        line,
        field: 'level',
        code: 'E_CATALOG_LEVEL_ORDER',
      }),
    );
  });

  it('a task naming an unknown article, stage or lead unit', async () => {
    const article = await problemsAfter(
      'policy/tasks.yaml',
      'code: T12-02\n    articleCode: (十二)',
      'code: T12-02\n    articleCode: (二十)',
    );
    expect(article.problems).toContainEqual(
      expect.objectContaining({
        file: 'policy/tasks.yaml',
        line: article.line + 1,
        field: 'articleCode',
        code: 'E_CATALOG_UNKNOWN_ARTICLE',
      }),
    );
    await removeDir(dir);
    const stage = await problemsAfter('policy/tasks.yaml', 'stage: reserve', 'stage: dreaming');
    expect(stage.problems).toContainEqual(
      expect.objectContaining({
        file: 'policy/tasks.yaml',
        line: stage.line,
        field: 'stage',
        code: 'E_CATALOG_UNKNOWN_STAGE',
      }),
    );
    await removeDir(dir);
    const unit = await problemsAfter(
      'policy/tasks.yaml',
      'leadUnitCodes: [CQ, SC, MOST, NDRC]\n    indicatorCodes: [joint_projects]\n  - code: T14-01',
      'leadUnitCodes: [CQ, SC, MOST, WTO]\n    indicatorCodes: [joint_projects]\n  - code: T14-01',
    );
    expect(unit.problems).toContainEqual(
      expect.objectContaining({
        file: 'policy/tasks.yaml',
        line: unit.line,
        field: 'leadUnitCodes.3',
        code: 'E_CATALOG_UNKNOWN_LEAD_UNIT',
      }),
    );
  });

  it('a formula naming an unknown indicator, and a target on an unknown org unit', async () => {
    const f = await problemsAfter(
      'framework/wsc-2023/indicators.yaml',
      'formula: rd_expenditure / gdp * 100',
      'formula: rd_expenditure / gdpx * 100',
    );
    expect(f.problems).toContainEqual(
      expect.objectContaining({
        file: 'framework/wsc-2023/indicators.yaml',
        line: f.line,
        field: 'formula',
        code: 'E_CATALOG_FORMULA_UNKNOWN_INDICATOR',
      }),
    );
    await removeDir(dir);
    const t = await problemsAfter(
      'framework/wsc-2023/targets.csv',
      'hv_patents_per_10k,WSC,',
      'hv_patents_per_10k,XYZ,',
    );
    expect(t.problems).toContainEqual(
      expect.objectContaining({
        file: 'framework/wsc-2023/targets.csv',
        line: t.line,
        field: 'orgUnitCode',
        code: 'E_CATALOG_UNKNOWN_ORG_UNIT',
      }),
    );
  });

  it('sample values on a zone are refused', async () => {
    const { line, problems } = await problemsAfter(
      'sample/sample-values.csv',
      'gdp,CD-XLH,2019,',
      'gdp,CD-KXC,2019,',
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: 'sample/sample-values.csv',
        line,
        field: 'orgUnitCode',
        code: 'E_CATALOG_VALUE_NOT_ALLOWED',
      }),
    );
  });

  it('collects problems from every file, not just the first', async () => {
    dir = await copyDataDir();
    await breakFile(dir, 'org-units/org-units.csv', 'CD-XJJ,CD-KXC,', 'CD-XJJ,NOPE,');
    await breakFile(
      dir,
      'policy/articles.yaml',
      'leadUnitCodes: [CQ, SC, MOST, SASAC]',
      'leadUnitCodes: [CQ, SC, MOST]',
    );
    const result = await loadCatalogue(dir);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(new Set(result.error.map((p) => p.file))).toEqual(
        new Set(['org-units/org-units.csv', 'policy/articles.yaml', 'policy/tasks.yaml']),
      );
  });

  it('a YAML syntax error and a missing file', async () => {
    const { line, problems } = await problemsAfter(
      'policy/document.yaml',
      "  writtenOn: '2023-03-31'",
      "  writtenOn: '2023-03-31\n  oops: [",
    );
    expect(
      problems.some(
        (p) => p.file === 'policy/document.yaml' && p.code === 'E_CATALOG_PARSE' && p.line >= line,
      ),
    ).toBe(true);
    await removeDir(dir);
    dir = await copyDataDir();
    await removeDir(`${dir}/policy/stages.csv`);
    const result = await loadCatalogue(dir);
    expect(
      !result.ok &&
        result.error.some((p) => p.file === 'policy/stages.csv' && p.code === 'E_CATALOG_FILE_MISSING'),
    ).toBe(true);
  });

  it('formats a problem as file:line: field: message in either language', () => {
    const p: CatalogueProblem = {
      file: 'org-units/org-units.csv',
      line: 9,
      field: 'parentCode',
      code: 'E_CATALOG_UNKNOWN_PARENT',
      message: 'unknown parent NOPE',
      messageZh: '未知上级单元 NOPE',
    };
    expect(formatProblem(p, 'en-US')).toBe('org-units/org-units.csv:9: parentCode: unknown parent NOPE');
    expect(formatProblem(p, 'zh-CN')).toBe('org-units/org-units.csv:9: parentCode: 未知上级单元 NOPE');
  });
});
