// Browser: an anonymous visitor reads the catalogue and the org units, and switches the language.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ensureWebBuild, startServer, type StartedTestServer } from '../support/server.ts';
import { launchBrowser, newPage, screenshot, webUrl } from './browser.ts';

const CODES = [
  '一',
  '二',
  '三',
  '四',
  '五',
  '六',
  '七',
  '八',
  '九',
  '十',
  '十一',
  '十二',
  '十三',
  '十四',
  '十五',
  '十六',
  '十七',
].map((n) => `(${n})`);

describe('web: anonymous visitor', () => {
  let server: StartedTestServer;
  let web: { url: string; stop(): Promise<void> };
  let browser: Browser;

  beforeAll(async () => {
    await ensureWebBuild();
    server = await startServer();
    web = await webUrl(server.url);
    browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
    await server?.stop();
  });

  it(
    'reads all 17 articles with codes and lead units at /policy, without being sent to a login page',
    { timeout: 60_000 },
    async () => {
      const { context, page, errors } = await newPage(browser, web.url);
      try {
        await page.goto('/policy');
        const articles = page.getByTestId('article');
        await expect.poll(() => articles.count(), { timeout: 15_000 }).toBe(17);
        expect(new URL(page.url()).pathname).toBe('/policy');
        expect(await articles.evaluateAll((els) => els.map((e) => e.getAttribute('data-code')))).toEqual(
          CODES,
        );
        const third = page.locator('[data-testid="article"][data-code="(三)"] [data-testid="lead-units"]');
        const units = await third.locator('.ant-tag').allInnerTexts();
        expect(units).toEqual(expect.arrayContaining(['重庆市', '四川省', '科技部', '国资委']));
        await expect.poll(() => page.getByRole('link', { name: '政策目录' }).isVisible()).toBe(true);
        expect(await page.getByRole('link', { name: '一城多园' }).isVisible()).toBe(true);
        expect(await page.getByRole('button', { name: 'English' }).isVisible()).toBe(true);
        expect(await page.getByRole('button', { name: '登录' }).isVisible()).toBe(true);
        await screenshot(page, 'catalogue-zh');

        // Article text and tasks expand; stages are shown.
        await page.locator('[data-testid="article"][data-code="(四)"]').click();
        await page.getByText('条文').first().waitFor();
        const stages = await page.locator('.ant-collapse-content-active .ant-tag').allInnerTexts();
        expect(stages.some((s) => ['在建', '落实前提条件', '储备', '探索预研', '筹备论证'].includes(s))).toBe(
          true,
        );
        await screenshot(page, 'catalogue-zh-article-expanded');
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );

  it(
    'switches to English with the visible button; the choice persists; ?lang= selects it',
    { timeout: 60_000 },
    async () => {
      const { context, page, errors } = await newPage(browser, web.url);
      try {
        await page.goto('/policy');
        await page.getByTestId('article').first().waitFor();
        await page.getByRole('button', { name: 'English' }).click();
        await page.getByRole('heading', { name: 'Policy catalogue' }).waitFor();
        expect(await page.getByRole('button', { name: '中文' }).isVisible()).toBe(true);
        expect(await page.getByRole('link', { name: 'Org units' }).isVisible()).toBe(true);
        expect(await page.getByRole('button', { name: 'Sign in' }).isVisible()).toBe(true);
        expect(await page.locator('html').getAttribute('lang')).toBe('en-US');
        await page.reload();
        await page.getByRole('heading', { name: 'Policy catalogue' }).waitFor();
        await page.getByTestId('article').first().waitFor();
        await screenshot(page, 'catalogue-en');
        await page.getByRole('button', { name: '中文' }).click();
        await page.getByRole('heading', { name: '政策目录' }).waitFor();
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
      const fresh = await newPage(browser, web.url);
      try {
        await fresh.page.goto('/policy?lang=en-US');
        await fresh.page.getByRole('heading', { name: 'Policy catalogue' }).waitFor();
        await fresh.page.goto('/org-units?lang=zh-CN');
        await fresh.page.getByRole('heading', { name: '一城多园' }).waitFor();
        expect(await fresh.page.getByRole('button', { name: 'English' }).isVisible()).toBe(true);
      } finally {
        await fresh.context.close();
      }
    },
  );

  it(
    'shows the org-unit tree, the schematic map and the reference regions',
    { timeout: 60_000 },
    async () => {
      const { context, page, errors } = await newPage(browser, web.url);
      try {
        await page.goto('/org-units');
        await page.getByText('西部(成都)科学城').first().waitFor();
        await page.locator('canvas').first().waitFor();
        expect(await page.getByText('示意图，位置为近似值', { exact: true }).isVisible()).toBe(true);
        expect(await page.getByText('规划范围').first().isVisible()).toBe(true);
        expect(await page.getByRole('cell', { name: 'SICHUAN' }).count()).toBe(1);
        await page.waitForTimeout(500);
        await screenshot(page, 'org-units-zh');
        await page.getByRole('button', { name: 'English' }).click();
        await page.getByText('Schematic, approximate positions', { exact: true }).waitFor();
        await page.waitForTimeout(500);
        await screenshot(page, 'org-units-en');
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );

  it('shows 无权访问 (not a crash, not a redirect) on an admin page', { timeout: 60_000 }, async () => {
    const { context, page, errors } = await newPage(browser, web.url);
    try {
      await page.goto('/admin/users');
      await page.getByText('无权访问').waitFor();
      expect(new URL(page.url()).pathname).toBe('/admin/users');
      expect(await page.getByRole('link', { name: '用户管理' }).count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
