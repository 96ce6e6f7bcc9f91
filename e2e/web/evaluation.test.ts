// Browser: an analyst configures an evaluation run with AHP dimension weights (the consistency ratio
// updates as the matrix is typed), runs it with a small Monte Carlo and sensitivity analysis, and reads
// the ranking with rank-interval bars, the radar and the sensitivity chart; a coordinator publishes it;
// an anonymous visitor can then open it read-only, while the runs page stays 无权访问 for them.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  ADMIN_PASSWORD,
  ensureWebBuild,
  repoRoot,
  startServer,
  type StartedTestServer,
} from '../support/server.ts';
import { launchBrowser, newPage, screenshot, webUrl } from './browser.ts';
import { changeInitialPassword, signIn } from './session.ts';

const INITIAL = 'Evaluation-Initial-Pass-6420';
const ANALYST = { username: 'an.alyst', password: 'Analyst-Pidu-Valley-9137' };
const COORDINATOR = { username: 'co.ordinator', password: 'Coordinator-Jinjiang-4482' };

function cli(args: string[], env: NodeJS.ProcessEnv, input?: string): void {
  const r = spawnSync(process.execPath, ['packages/cli/bin/scimon.mjs', ...args], {
    cwd: repoRoot,
    env,
    input,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`scimon ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
}

async function signInFirstTime(page: Page, user: { username: string; password: string }): Promise<void> {
  await signIn(page, user.username, INITIAL);
  await page.waitForURL((u) => u.pathname === '/password');
  await changeInitialPassword(page, INITIAL, user.password);
  await page.waitForURL((u) => u.pathname === '/');
}

/** Opens the antd Select whose input has this id (the selector, not the hidden search input). */
async function openSelect(page: Page, id: string): Promise<void> {
  await page
    .locator('.ant-select-selector')
    .filter({ has: page.locator(`#${id}`) })
    .click();
}

/** Picks an option of the antd Select whose input has this id. */
async function pick(page: Page, id: string, title: string): Promise<void> {
  await openSelect(page, id);
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .and(page.locator(`[title="${title}"]`))
    .click();
}

describe('web: evaluation', () => {
  let server: StartedTestServer;
  let web: { url: string; stop(): Promise<void> };
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    await ensureWebBuild();
    dir = mkdtempSync(path.join(os.tmpdir(), 'scimon-e2e-eval-'));
    const env = {
      ...process.env,
      SCIMON_DB_PATH: path.join(dir, 'e2e.db'),
      SCIMON_ADMIN_PASSWORD: ADMIN_PASSWORD,
      SCIMON_LOG: 'silent',
      DATABASE_URL: '',
    };
    cli(['seed'], env);
    cli(
      ['users', 'add', ANALYST.username, '--role', 'analyst', '--scope', 'WSC', '--password-stdin'],
      env,
      INITIAL,
    );
    cli(
      ['users', 'add', COORDINATOR.username, '--role', 'coordinator', '--scope', 'WSC', '--password-stdin'],
      env,
      INITIAL,
    );
    server = await startServer({ env: { SCIMON_DB_PATH: env.SCIMON_DB_PATH } });
    web = await webUrl(server.url);
    browser = await launchBrowser();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('configures, runs, reads, publishes and shows a run publicly', { timeout: 300_000 }, async () => {
    let runPath: string;

    // ---- the analyst configures and runs ----
    {
      const { context, page, errors } = await newPage(browser, web.url);
      try {
        await page.goto('/');
        expect(await page.getByRole('link', { name: '综合评价' }).count()).toBe(0);
        await signInFirstTime(page, ANALYST);
        await page.getByRole('link', { name: '综合评价' }).click();
        await page.getByRole('heading', { name: '综合评价' }).waitFor();
        await page.getByRole('button', { name: '新建评价' }).click();
        await page.getByRole('heading', { name: '新建评价' }).waitFor();
        await page.getByTestId('weights-editor').locator('.ant-table-row').first().waitFor();
        await page.locator('#ev-name').fill('园区综合评价（AHP）');
        await page.getByText('仅已发布数据', { exact: true }).click();
        expect(await page.getByTestId('panel-hint').innerText()).toContain('得分可以逐年比较');
        await page.getByText('逐年标准化', { exact: true }).click();
        expect(await page.getByTestId('panel-hint').innerText()).toContain('只能比较排名');
        await page.getByText('面板标准化（各年合并）', { exact: true }).click();
        await screenshot(page, 'evaluation-form', true);

        // AHP over the dimensions: CR updates as the judgements are typed.
        await pick(page, 'ev-wdim', '层次分析法（AHP）');
        const ahp = page.getByTestId('ahp-INDEX');
        await ahp.waitFor();
        const cr = page.getByTestId('ahp-INDEX-cr');
        await cr.waitFor();
        expect(await cr.innerText()).toBe('0.0000');
        // Circular preferences: D1 ≫ D2 ≫ D3 but D3 ≫ D1.
        await page.getByTestId('ahp-INDEX-0-1').fill('9');
        await page.getByTestId('ahp-INDEX-1-2').fill('9');
        await page.getByTestId('ahp-INDEX-0-2').fill('1/9');
        await ahp.getByText('不一致').waitFor();
        const bad = Number(await cr.innerText());
        expect(bad).toBeGreaterThan(0.1);
        await ahp.scrollIntoViewIfNeeded();
        await screenshot(page, 'evaluation-ahp-inconsistent');
        // Consistent judgements: D1 twice as important as D2, three times D3.
        await page.getByTestId('ahp-INDEX-0-1').fill('2');
        await page.getByTestId('ahp-INDEX-0-2').fill('3');
        await page.getByTestId('ahp-INDEX-1-2').fill('3/2');
        await ahp.getByText('一致', { exact: true }).waitFor();
        const good = Number(await cr.innerText());
        expect(good).toBeLessThan(0.1);
        expect(good).not.toBe(bad);
        await screenshot(page, 'evaluation-ahp-consistent');

        // A small Monte Carlo with sensitivity (weights and normalisation vary).
        await page.locator('#ev-runs').fill('200');
        await page.locator('#ev-seed').fill('42');
        await openSelect(page, 'ev-mcnorm');
        for (const title of ['最小-最大', '排名'])
          await page
            .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
            .and(page.locator(`[title="${title}"]`))
            .click();
        await page.keyboard.press('Escape');
        await page.getByText('计算敏感性指数（Saltelli/Jansen）').click();
        await page.locator('#ev-san').fill('50');
        await page.locator('#ev-sab').fill('20');
        await page.getByTestId('run-form').locator('.ant-card').last().scrollIntoViewIfNeeded();
        await screenshot(page, 'evaluation-form-monte-carlo');
        await page.getByRole('button', { name: '开始计算' }).click();

        await page.waitForURL((u) => /^\/evaluation\/\d+$/.test(u.pathname));
        runPath = new URL(page.url()).pathname;
        await page.getByTestId('run-status').filter({ hasText: '已完成' }).waitFor({ timeout: 120_000 });
        await page.getByTestId('ranking-table').locator('.ant-table-row').first().waitFor();
        expect(await page.getByTestId('rank-interval').count()).toBeGreaterThan(3);
        await page.getByTestId('sensitivity-chart').locator('canvas').waitFor();
        await page.getByTestId('radar-chart').locator('canvas').waitFor();
        expect(await page.getByRole('button', { name: '发布' }).count()).toBe(0); // analysts do not publish
        await page.mouse.wheel(0, -100_000);
        await page.waitForTimeout(400);
        await screenshot(page, 'evaluation-run');
        await page.getByTestId('radar-chart').scrollIntoViewIfNeeded();
        await screenshot(page, 'evaluation-charts');
        await page.getByTestId('effective-weights').scrollIntoViewIfNeeded();
        await screenshot(page, 'evaluation-weights-audit');
        await page.getByRole('button', { name: 'English' }).click();
        await page.getByText(/^Ranking \d{4}$/).waitFor();
        await page.waitForTimeout(300);
        await page.mouse.wheel(0, -100_000);
        await screenshot(page, 'evaluation-run-en');
        await page.getByRole('button', { name: '中文' }).click();

        // The list shows the run, finished and not yet published.
        await page.goto('/evaluation');
        await page.getByTestId('run-list').getByText('园区综合评价（AHP）').waitFor();
        expect(await page.getByTestId('run-list').getByText('未发布').count()).toBe(1);
        await screenshot(page, 'evaluation-list');
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    }

    // ---- anonymous before publication: nothing to see ----
    {
      const { context, page } = await newPage(browser, web.url);
      try {
        await page.goto(runPath);
        await page.getByText('无权访问').waitFor();
      } finally {
        await context.close();
      }
    }

    // ---- the coordinator publishes ----
    {
      const { context, page, errors } = await newPage(browser, web.url);
      try {
        await page.goto('/');
        await signInFirstTime(page, COORDINATOR);
        await page.goto(runPath);
        await page.getByTestId('ranking-table').locator('.ant-table-row').first().waitFor();
        await page.getByRole('button', { name: '发布' }).click();
        await page.locator('.ant-popconfirm').getByRole('button', { name: '发布' }).click();
        await page.getByTestId('published-tag').waitFor();
        expect(await page.getByRole('button', { name: '发布' }).count()).toBe(0);
        await page.waitForTimeout(300);
        await screenshot(page, 'evaluation-published');
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    }

    // ---- anonymous after publication: read-only; the runs page itself stays closed ----
    {
      const { context, page, errors } = await newPage(browser, web.url);
      try {
        await page.goto(runPath);
        await page.getByTestId('ranking-table').locator('.ant-table-row').first().waitFor();
        await page.getByText('只读').waitFor();
        await page.getByTestId('sensitivity-chart').locator('canvas').waitFor();
        expect(await page.getByRole('link', { name: '综合评价' }).count()).toBe(0);
        expect(await page.getByRole('button', { name: '发布' }).count()).toBe(0);
        expect(await page.getByRole('button', { name: '取消计算' }).count()).toBe(0);
        await page.mouse.wheel(0, -100_000);
        await page.waitForTimeout(400);
        await screenshot(page, 'evaluation-public');
        await page.goto('/evaluation');
        await page.getByText('无权访问').waitFor();
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    }
  });
});
