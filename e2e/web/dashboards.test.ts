// Browser: the dashboards (issue 7). An anonymous visitor sees the overview on published data with the
// 示例数据 tag in view; a coordinator drills city → 四川片区 → 西部(成都)科学城 → a park and back, switches
// the language, exports a chart (PNG) and a table (CSV and xlsx); the map and the 排名 empty state render;
// selectors, drill-down, chart exports and downloads are reached with Tab (spot-check with page.keyboard).
// The published-run 排名 page is in ranking.test.ts. Waits are generous but bounded: the machine is shared.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ADMIN_PASSWORD, repoRoot } from '../support/server.ts';
import { launchBrowser, newPage, screenshot } from './browser.ts';
import { startDashboardServer, waitVisible, watchAssets, type DashboardServer } from './dashboard-server.ts';

const COORD = 'coord1';
const COORD_PASSWORD = 'Tianfu-Coordinator-Pass-2468';
const COORD_NEW_PASSWORD = 'Jinjiang-Coordinator-Next-9753';

const TITLES_ZH = [
  '研发经费投入强度（全社会研发经费投入占地区生产总值比重）',
  '万人高价值发明专利拥有量',
  '国家高新技术企业数',
  '高技术产业营业收入年均增速',
  '技术合同成交额年均增速',
];

function cli(args: string[], env: NodeJS.ProcessEnv, input?: string) {
  const r = spawnSync(process.execPath, ['packages/cli/bin/scimon.mjs', ...args], {
    cwd: repoRoot,
    env,
    input,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`scimon ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
}

interface TabStop {
  tag: string;
  id: string;
  testid: string | null;
  unit: string | null;
  label: string;
}

/** Presses Tab up to `max` times from the top of the page and describes each focused element. */
async function tabStops(page: Page, max = 120): Promise<TabStop[]> {
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  const stops: TabStop[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    // A string, so that this Node-side file needs no DOM types.
    const stop = (await page.evaluate(`(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const testid = el.closest('[data-testid]');
      return {
        tag: el.tagName.toLowerCase(),
        id: el.id,
        testid: testid ? testid.getAttribute('data-testid') : null,
        unit: el.getAttribute('data-unit'),
        label: (el.getAttribute('aria-label') || el.innerText || '').trim().slice(0, 40),
      };
    })()`)) as TabStop | null;
    if (!stop) continue;
    const prev = stops[0];
    if (prev && stops.length > 3 && JSON.stringify(prev) === JSON.stringify(stop)) break; // wrapped round
    stops.push(stop);
  }
  return stops;
}

/** The screenshot at 1366×768 and again at 1920×1080 (`<name>-1920`), back at 1366×768 afterwards. */
async function screenshotBoth(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.waitForTimeout(500); // charts follow their element's size
  await screenshot(page, `${name}-1920`);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.waitForTimeout(300);
}

async function cardTitles(page: Page): Promise<string[]> {
  return page.getByTestId('target-card').locator('.target-title').allInnerTexts();
}

describe('web: dashboards', () => {
  let server: DashboardServer;
  let browser: Browser;
  let dir: string;

  /** A fresh page on a server that serves the current web build (see dashboard-server.ts). */
  const open = async () => {
    const url = await server.onCurrentBuild();
    const opened = await newPage(browser, url);
    watchAssets(opened.page, opened.errors);
    return opened;
  };

  beforeAll(async () => {
    // The coordinator is created with the CLI against the database the server then opens.
    dir = mkdtempSync(path.join(os.tmpdir(), 'scimon-dash-'));
    const env = {
      ...process.env,
      SCIMON_DB_PATH: path.join(dir, 'dash.db'),
      SCIMON_ADMIN_PASSWORD: ADMIN_PASSWORD,
      DATABASE_URL: '',
      SCIMON_LOG: 'silent',
    };
    cli(['seed'], env);
    cli(
      ['users', 'add', COORD, '--role', 'coordinator', '--scope', 'WSC', '--password-stdin'],
      env,
      `${COORD_PASSWORD}\n`,
    );
    server = await startDashboardServer({ SCIMON_DB_PATH: env.SCIMON_DB_PATH });
    browser = await launchBrowser();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it(
    'shows an anonymous visitor the overview at / on published data, with the sample tag in view',
    { timeout: 180_000 },
    async () => {
      const { context, page, errors } = await open();
      try {
        await page.goto('/');
        await expect.poll(() => page.getByTestId('target-card').count(), { timeout: 60_000 }).toBe(5);
        expect(new URL(page.url()).pathname).toBe('/');
        expect(await cardTitles(page)).toEqual(TITLES_ZH);
        // 示例数据 in the header, inside the first screen, without hovering.
        const tag = page.getByTestId('sample-tag').first();
        expect(await tag.isVisible()).toBe(true);
        const box = await tag.boundingBox();
        expect(box && box.y + box.height).toBeLessThan(768);
        expect(await page.getByTestId('target-card').first().getByTestId('sample-tag').isVisible()).toBe(
          true,
        );
        // Published values only, said on the page and by the API the page reads.
        expect(await page.getByTestId('as-of').innerText()).toContain('已发布数据');
        const overview = (await page.evaluate(async () =>
          (await fetch('/api/monitoring/overview')).json(),
        )) as { visibility: string };
        expect(overview.visibility).toBe('published');
        // The city's 2025 R&D intensity is partial: said plainly, not blank.
        const rd = page.locator('[data-testid="target-card"][data-indicator="rd_intensity"]');
        expect(await rd.getByTestId('incomplete').innerText()).toBe('数据不完整');
        expect(await page.getByTestId('dimension').count()).toBe(5);
        expect(await page.getByTestId('warning').count()).toBeGreaterThan(0);
        expect(await page.getByRole('link', { name: '总览' }).isVisible()).toBe(true);
        // No published evaluation run: no 排名 link.
        expect(await page.getByRole('link', { name: '排名' }).count()).toBe(0);
        await screenshot(page, 'overview-zh');
        await page.setViewportSize({ width: 1920, height: 1080 });
        await screenshot(page, 'overview-zh-1920');
        // Anonymous downloads hold published values only.
        const csv = await page.evaluate(async () =>
          (await fetch('/api/downloads/indicator/rd_intensity.csv')).text(),
        );
        expect(csv).toContain('仅已发布数据');
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );

  it(
    'lets a coordinator drill down to a park and back, switch language and export a chart and a table',
    { timeout: 300_000 },
    async () => {
      const { context, page, errors } = await open();
      try {
        await page.goto('/login');
        await page.getByLabel('用户名').fill(COORD);
        await page.getByLabel('密码', { exact: true }).fill(COORD_PASSWORD);
        await page.locator('form').getByRole('button', { name: '登录' }).click();
        await waitVisible(page.getByText('首次登录须先修改初始密码'), errors);
        await page.getByLabel('当前密码').fill(COORD_PASSWORD);
        await page.getByLabel('新密码', { exact: true }).fill(COORD_NEW_PASSWORD);
        await page.getByLabel('确认新密码').fill(COORD_NEW_PASSWORD);
        await page.locator('form').getByRole('button', { name: '修改密码' }).click();
        await page.waitForURL((u) => u.pathname === '/', { timeout: 60_000 });
        await expect.poll(() => page.getByTestId('target-card').count(), { timeout: 60_000 }).toBe(5);
        await expect
          .poll(() => page.getByTestId('as-of').innerText(), { timeout: 30_000 })
          .toContain('含已审核未发布数据');
        const current = page.getByTestId('current-unit');
        expect(await current.innerText()).toBe('西部科学城');

        await page.locator('[data-unit="WSC-SC"]').click();
        await expect.poll(() => current.innerText(), { timeout: 30_000 }).toBe('四川片区');
        expect(new URL(page.url()).searchParams.get('orgUnit')).toBe('WSC-SC');
        await page.locator('[data-unit="CD-KXC"]').click();
        await expect.poll(() => current.innerText(), { timeout: 30_000 }).toBe('成都科学城');
        await expect
          .poll(() => page.getByTestId('as-of').innerText(), { timeout: 30_000 })
          .toContain('西部(成都)科学城');
        expect(await page.getByTestId('target-card').count()).toBe(5);
        await screenshot(page, 'overview-zone-zh');
        await page.locator('[data-unit="CD-XLH"]').click();
        await expect.poll(() => current.innerText(), { timeout: 30_000 }).toBe('成都科学城一核');
        await expect
          .poll(() => page.getByTestId('as-of').innerText(), { timeout: 30_000 })
          .toContain('成都科学城(一核');
        await screenshot(page, 'overview-park-zh');
        // Back up through the breadcrumb, and the URL addresses the view directly.
        await page.getByTestId('org-unit-picker').getByRole('link', { name: '西部科学城' }).click();
        await expect.poll(() => current.innerText(), { timeout: 30_000 }).toBe('西部科学城');
        await page.goto('/?orgUnit=CD-KXC&year=2024');
        await expect.poll(() => page.getByTestId('as-of').innerText(), { timeout: 60_000 }).toContain('2024');
        expect(await current.innerText()).toBe('成都科学城');

        await screenshot(page, 'overview-zone-2024-zh');

        // Language.
        await page.goto('/');
        await expect.poll(() => page.getByTestId('target-card').count(), { timeout: 60_000 }).toBe(5);
        await page.getByRole('button', { name: 'English' }).click();
        await expect.poll(() => cardTitles(page), { timeout: 30_000 }).toContain('R&D intensity');
        expect(await page.getByTestId('sample-tag').first().innerText()).toBe('Sample data');
        await screenshotBoth(page, 'overview-en');
        await page.getByRole('button', { name: '中文' }).click();
        await expect.poll(() => cardTitles(page), { timeout: 30_000 }).toContain('国家高新技术企业数');

        // Explorer: charts, table, PNG and CSV / xlsx exports.
        await page.goto('/indicators/hitech_enterprises?orgUnit=CD-KXC');
        await waitVisible(page.getByTestId('metadata'), errors);
        await waitVisible(page.locator('canvas').nth(1), errors);
        await waitVisible(page.getByTestId('history-table'), errors);
        await page.waitForTimeout(300);
        await screenshotBoth(page, 'explorer-zh');
        await screenshot(page, 'explorer-zh-full', true);
        const [png] = await Promise.all([
          page.waitForEvent('download'),
          page.getByTestId('export-png').first().click(),
        ]);
        expect(png.suggestedFilename()).toBe('hitech_enterprises-trend.png');
        const pngBytes = readFileSync((await png.path())!);
        expect(pngBytes.subarray(1, 4).toString()).toBe('PNG');
        const [csv] = await Promise.all([
          page.waitForEvent('download'),
          page.getByTestId('download-csv').click(),
        ]);
        expect(csv.suggestedFilename()).toBe('hitech_enterprises_CD-KXC.csv');
        const csvBytes = readFileSync((await csv.path())!);
        expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        expect(csvBytes.toString('utf8')).toContain('国家高新技术企业数');
        const [xlsx] = await Promise.all([
          page.waitForEvent('download'),
          page.getByTestId('download-xlsx').click(),
        ]);
        expect(xlsx.suggestedFilename()).toBe('hitech_enterprises_CD-KXC.xlsx');
        expect(
          readFileSync((await xlsx.path())!)
            .subarray(0, 2)
            .toString(),
        ).toBe('PK');

        // The map and the 排名 page (no published run yet: its empty state).
        await page.goto('/map');
        await waitVisible(page.locator('canvas').first(), errors);
        expect(await page.getByText('示意图，位置为近似值').first().isVisible()).toBe(true);
        await page.waitForTimeout(300);
        await screenshotBoth(page, 'map-zh');
        await page.goto('/ranking');
        await waitVisible(page.getByTestId('ranking-empty'), errors);
        await screenshot(page, 'ranking-empty-zh');
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );

  it(
    'reaches the selectors, the drill-down, the chart exports and the downloads with the keyboard',
    { timeout: 240_000 },
    async () => {
      const { context, page, errors } = await open();
      try {
        await page.goto('/');
        await expect.poll(() => page.getByTestId('target-card').count(), { timeout: 60_000 }).toBe(5);
        const overview = await tabStops(page);
        const has = (stops: TabStop[], f: (s: TabStop) => boolean) => stops.some(f);
        expect(has(overview, (s) => s.tag === 'a' && s.label === '指标')).toBe(true); // header links
        expect(has(overview, (s) => s.id === 'overview-year')).toBe(true); // year selector
        expect(has(overview, (s) => s.unit === 'WSC-SC')).toBe(true); // drill-down buttons
        // The drill-down works from the keyboard: focus the 四川片区 button and press Enter.
        await page.locator('[data-unit="WSC-SC"]').focus();
        await page.keyboard.press('Enter');
        await expect
          .poll(() => page.getByTestId('current-unit').innerText(), { timeout: 30_000 })
          .toBe('四川片区');

        await page.goto('/indicators/hitech_enterprises?orgUnit=CD-KXC');
        await waitVisible(page.getByTestId('history-table'), errors);
        await waitVisible(page.locator('canvas').nth(1), errors);
        const explorer = await tabStops(page, 160);
        expect(has(explorer, (s) => s.testid === 'indicator-select')).toBe(true);
        expect(has(explorer, (s) => s.id === 'explorer-year')).toBe(true);
        expect(explorer.filter((s) => s.testid === 'export-png').length).toBe(2);
        expect(has(explorer, (s) => s.testid === 'download-csv')).toBe(true);
        expect(has(explorer, (s) => s.testid === 'download-xlsx')).toBe(true);
        // An export button works from the keyboard.
        await page.getByTestId('export-png').first().focus();
        const [png] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
        expect(png.suggestedFilename()).toBe('hitech_enterprises-trend.png');

        await page.goto('/map');
        await waitVisible(page.locator('canvas').first(), errors);
        const map = await tabStops(page);
        for (const id of ['map-colour', 'map-size', 'map-year'])
          expect(
            has(map, (s) => s.id === id),
            id,
          ).toBe(true);
        expect(has(map, (s) => s.testid === 'export-png')).toBe(true);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );
  it(
    'lets the coordinator change a target where its base-year assumption is shown (a new framework version)',
    { timeout: 300_000 },
    async () => {
      const { context, page, errors } = await open();
      try {
        await page.goto('/login');
        await page.getByLabel('用户名').fill(COORD);
        await page.getByLabel('密码', { exact: true }).fill(COORD_NEW_PASSWORD);
        await page.locator('form').getByRole('button', { name: '登录' }).click();
        await page.waitForURL((u) => u.pathname === '/', { timeout: 60_000 });
        await expect.poll(() => page.getByTestId('target-card').count(), { timeout: 60_000 }).toBe(5);
        const card = page.getByTestId('target-card').filter({ hasText: '万人高价值发明专利拥有量' });
        await card.getByRole('button', { name: '修改目标' }).click();
        const dialog = page.getByRole('dialog');
        await waitVisible(
          dialog.getByText('基期年份和比较方式是需要协调办确认的假设', { exact: false }),
          errors,
        );
        await dialog.getByLabel('目标值').fill('90');
        await screenshot(page, 'overview-target-editor-zh');
        await dialog.getByRole('button', { name: '保存' }).click();
        await expect.poll(() => card.innerText(), { timeout: 60_000 }).toMatch(/[≥>]=?\s*90\b/);
        const fw = (await (await fetch(`${server.url}/api/frameworks/wsc-2023`)).json()) as {
          version: number;
          targets: { indicator: string; value: number }[];
        };
        expect(fw.version).toBe(2);
        expect(fw.targets.find((x) => x.indicator === 'hv_patents_per_10k')?.value).toBe(90);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );
});
