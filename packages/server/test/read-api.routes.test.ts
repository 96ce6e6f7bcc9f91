// The public read API on both dialects, against the real catalogue in data/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test-support/databases.ts';
import { createSeededApp, type SeededApp } from '../../../test-support/app.ts';

interface Node {
  code: string;
  parentCode: string | null;
  level: string;
  kind: string;
  nameZh: string;
  coordApproximate: boolean;
  children: Node[];
}

const flatten = (nodes: Node[]): Node[] => nodes.flatMap((n) => [n, ...flatten(n.children)]);

describe.each(testDialects())('read API on %s', (dialect) => {
  let s: SeededApp;
  beforeAll(async () => {
    s = await createSeededApp(dialect);
  });
  afterAll(async () => s.close());

  const get = async (url: string, headers: Record<string, string> = {}) => {
    const res = await s.app.inject({ method: 'GET', url, headers });
    return { status: res.statusCode, body: res.json() };
  };

  it('health names the dialect', async () => {
    expect(await get('/api/health')).toEqual({
      status: 200,
      body: { status: 'ok', db: dialect, version: 'test' },
    });
  });

  it('serves the 17 articles in text order with lead units by short name', async () => {
    const { status, body } = await get('/api/policy/articles');
    expect(status).toBe(200);
    const codes = body.items.map((a: { code: string }) => a.code);
    expect(codes).toEqual([
      '(一)',
      '(二)',
      '(三)',
      '(四)',
      '(五)',
      '(六)',
      '(七)',
      '(八)',
      '(九)',
      '(十)',
      '(十一)',
      '(十二)',
      '(十三)',
      '(十四)',
      '(十五)',
      '(十六)',
      '(十七)',
    ]);
    const lead = (code: string) =>
      body.items
        .find((a: { code: string }) => a.code === code)
        .leadUnits.map((u: { shortName: string }) => u.shortName);
    expect(lead('(一)')).toEqual([]);
    expect(lead('(二)')).toEqual([]);
    expect(lead('(三)')).toEqual(['重庆市', '四川省', '科技部', '国资委']);
    expect(lead('(四)')).toEqual([
      '重庆市',
      '四川省',
      '发展改革委',
      '科技部',
      '工业和信息化部',
      '教育部',
      '中科院',
    ]);
    expect(lead('(八)')).toEqual([
      '重庆市',
      '四川省',
      '科技部',
      '工业和信息化部',
      '知识产权局',
      '中科院',
      '工程院',
    ]);
    expect(lead('(十七)')).toEqual(['重庆市', '四川省', '科技部', '发展改革委']);
    for (const a of body.items.slice(2)) expect(a.leadUnits.length).toBeGreaterThan(0);
    const a17 = body.items[16];
    expect(a17.textZh).toContain('研发投入强度、产业创新发展、创新要素集聚、创新生态营造、两地协同联动');
    expect(a17.part.numeralZh).toBe('第六部分');
  });

  it('serves the policy document with its 14 issuers', async () => {
    const { body } = await get('/api/policy');
    expect(body.documentNo).toBe('国科发规〔2023〕31号');
    expect(body.writtenOn).toBe('2023-03-31');
    expect(body.releasedOn).toBe('2023-04-12');
    expect(body.issuers).toHaveLength(14);
  });

  it('serves the 14 lead units and the tasks with the stages of (四)', async () => {
    expect((await get('/api/lead-units')).body.items).toHaveLength(14);
    const tasks = (await get('/api/policy/tasks')).body.items as {
      articleCode: string;
      titleZh: string;
      stage: string | null;
      stageHistory: { changedOn: string }[];
      leadUnits: unknown[];
    }[];
    const articlesWithTasks = new Set(tasks.map((t) => t.articleCode));
    for (const code of ['(三)', '(四)', '(五)', '(十五)', '(十七)'])
      expect(articlesWithTasks.has(code)).toBe(true);
    const stageOf = (name: string) => tasks.find((t) => t.titleZh.includes(name))?.stage;
    expect(stageOf('成渝综合性科学中心')).toBe('building');
    expect(stageOf('电磁驱动聚变装置')).toBe('preconditions');
    expect(stageOf('超瞬态实验装置')).toBe('reserve');
    expect(stageOf('大规模分布孔径深空探测雷达')).toBe('explore');
    expect(stageOf('健康医疗大数据中心')).toBe('prepare');
    const fusion = tasks.find((t) => t.titleZh.includes('电磁驱动聚变装置'))!;
    expect(fusion.stageHistory[0]?.changedOn).toBe('2023-03-31');
    expect(fusion.leadUnits).toHaveLength(7);
  });

  it('puts each pilot zone under its province part, with approximate coordinates', async () => {
    const { body } = await get('/api/org-units');
    expect(body.items).toHaveLength(1);
    const all = flatten(body.items);
    const root = body.items[0] as Node;
    expect(root.level).toBe('city');
    expect(root.children.map((c) => c.level)).toEqual(['part', 'part']);
    const byName = (zh: string) => all.find((n) => n.nameZh.includes(zh))!;
    const parent = (n: Node) => all.find((p) => p.code === n.parentCode)!;
    expect(parent(byName('西部(成都)科学城')).nameZh).toContain('四川片区');
    expect(parent(byName('中国(绵阳)科技城')).nameZh).toContain('四川片区');
    expect(parent(byName('重庆两江协同创新区')).nameZh).toContain('重庆片区');
    expect(parent(byName('西部(重庆)科学城')).nameZh).toContain('重庆片区');
    expect(all.filter((n) => n.level === 'zone' && n.kind === 'area')).toHaveLength(4);
    for (const n of all) if (n.kind !== 'area') expect(n.children.every((c) => c.kind !== 'area')).toBe(true);
    for (const n of all) if (n.kind === 'area' && n.level === 'park') expect(parent(n).level).toBe('zone');
    expect(
      all
        .filter((n) => (n as unknown as { lat: number | null }).lat !== null)
        .every((n) => n.coordApproximate),
    ).toBe(true);
  });

  it('keeps reference regions outside the tree', async () => {
    const regions = (await get('/api/reference-regions')).body.items as { code: string; nameZh: string }[];
    expect(regions.map((r) => r.nameZh).join()).toMatch(/全国/);
    expect(regions).toHaveLength(5);
    const tree = flatten((await get('/api/org-units')).body.items);
    for (const r of regions) expect(tree.some((n) => n.code === r.code)).toBe(false);
  });

  it('serves the framework with its headline targets', async () => {
    const list = (await get('/api/frameworks')).body.items;
    expect(list).toEqual([expect.objectContaining({ code: 'wsc-2023', version: 1, status: 'active' })]);
    const fw = (await get('/api/frameworks/wsc-2023')).body;
    const t = (code: string) => fw.targets.find((x: { indicator: string }) => x.indicator === code);
    const rd = fw.indicators.find((i: { formula: string | null; nameZh: string }) =>
      i.nameZh.includes('研发经费投入强度'),
    );
    expect(rd.aggregation).toBe('ratio');
    expect(t(rd.code)).toMatchObject({ comparator: '>', value: 5, year: 2025, baseYear: 2022 });
    expect(fw.targets.map((x: { value: number }) => x.value).sort((a: number, b: number) => a - b)).toEqual([
      5, 5, 8, 80, 7000,
    ]);
    const dims = fw.dimensions.filter((d: { kind: string }) => d.kind === 'dimension');
    expect(dims).toHaveLength(5);
    const indicators = (await get('/api/frameworks/wsc-2023/indicators')).body.items;
    expect(indicators).toHaveLength(fw.indicators.length);
  });

  it('answers an unknown framework with a coded, localised 404', async () => {
    const zh = await get('/api/frameworks/nope');
    expect(zh.status).toBe(404);
    expect(zh.body.error.code).toBe('E_FRAMEWORK_NOT_FOUND');
    expect(zh.body.error.message).toContain('指标体系不存在');
    const en = await get('/api/frameworks/nope', { 'accept-language': 'en-US,en;q=0.9' });
    expect(en.body.error.message).toBe('No such framework: nope');
  });

  it('serves published data values, sample ones flagged', async () => {
    const { body } = await get('/api/data-values?source=sample&limit=5');
    expect(body.items).toHaveLength(5);
    for (const v of body.items) {
      expect(v).toMatchObject({ source: 'sample', status: 'published', sample: true });
    }
    const published = (await get('/api/data-values?source=published')).body.items;
    expect(published.length).toBeGreaterThan(0);
    for (const v of published) {
      expect(v.sample).toBe(false);
      expect(v.sourceRef).toBeTruthy();
    }
    const one = body.items[0];
    const filtered = (
      await get(`/api/data-values?indicator=${one.indicator}&orgUnit=${one.orgUnit}&period=${one.period}`)
    ).body.items;
    expect(filtered.filter((v: { source: string }) => v.source === 'sample')).toEqual([one]);
    const bad = await get('/api/data-values?limit=0');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('E_REQUEST_INVALID');
  });

  it('publishes an OpenAPI document', async () => {
    const { status, body } = await get('/api/docs/json');
    expect(status).toBe(200);
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/policy/articles', '/api/org-units', '/api/data-values']),
    );
  });

  it('answers an unknown path with E_ROUTE_NOT_FOUND', async () => {
    const r = await get('/api/nothing-here');
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('E_ROUTE_NOT_FOUND');
  });
});
