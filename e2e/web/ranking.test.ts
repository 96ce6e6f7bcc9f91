// Browser: the public 排名 page (issue 7 §4) once a published evaluation run exists. A coordinator creates a
// run through the API (parks, 2023–2024 on published data, a small Monte Carlo) and publishes it; an
// anonymous visitor then finds the 排名 link and sees the rank-interval bars, the dimension radar and the
// year-on-year rank change, in both languages, at 1366×768 and 1920×1080.
import { mkdtempSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request, type APIRequestContext, type Browser } from 'playwright-core';
import type { EvaluationRunDetail } from '@scimon/contracts';
import { ADMIN_PASSWORD, repoRoot } from '../support/server.ts';
import { launchBrowser, newPage, screenshot } from './browser.ts';
import { startDashboardServer, waitVisible, watchAssets, type DashboardServer } from './dashboard-server.ts';

const COORD = 'coord-rank';
const COORD_PASSWORD = 'Tianfu-Ranking-Pass-1357';
const COORD_NEW_PASSWORD = 'Jinjiang-Ranking-Next-8642';
const RUN_NAME = '2023—2024 年园区综合评价（示例数据）';

function cli(args: string[], env: NodeJS.ProcessEnv, input?: string) {
  const r = spawnSync(process.execPath, ['packages/cli/bin/scimon.mjs', ...args], {
    cwd: repoRoot,
    env,
    input,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`scimon ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
}

/** A signed-in API client of the coordinator: session cookie kept, CSRF token echoed on writes. */
async function coordinatorApi(baseURL: string): Promise<{
  api: APIRequestContext;
  post: (url: string, data?: unknown) => Promise<{ status: number; body: unknown }>;
}> {
  const api = await request.newContext({ baseURL });
  const post = async (url: string, data?: unknown) => {
    const state = await api.storageState();
    const csrf = state.cookies.find((c) => c.name === 'scimon_csrf')?.value ?? '';
    const res = await api.post(url, { data: data ?? {}, headers: { 'x-csrf-token': csrf } });
    return { status: res.status(), body: await res.json().catch(() => null) };
  };
  const login = await post('/api/auth/login', { username: COORD, password: COORD_PASSWORD });
  expect(login.status, JSON.stringify(login.body)).toBe(200);
  const changed = await post('/api/auth/password', {
    currentPassword: COORD_PASSWORD,
    newPassword: COORD_NEW_PASSWORD,
  });
  expect(changed.status, JSON.stringify(changed.body)).toBeLessThan(300);
  // Sign in again in case the change ended the session.
  const again = await post('/api/auth/login', { username: COORD, password: COORD_NEW_PASSWORD });
  expect(again.status, JSON.stringify(again.body)).toBe(200);
  return { api, post };
}

describe('web: 排名 (published evaluation runs)', () => {
  let server: DashboardServer;
  let browser: Browser;
  let dir: string;
  let run: EvaluationRunDetail;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'scimon-rank-'));
    const env = {
      ...process.env,
      SCIMON_DB_PATH: path.join(dir, 'rank.db'),
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

    // The run, through the API as the coordinator: created, finished (Monte Carlo in a worker), published.
    const { api, post } = await coordinatorApi(server.url);
    try {
      const created = await post('/api/evaluation/runs', {
        name: RUN_NAME,
        years: [2023, 2024],
        level: 'park',
        dataStatus: 'published',
        settings: { uncertainty: { runs: 200, seed: 7, weightNoise: 0.25 } },
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const id = (created.body as EvaluationRunDetail).id;
      const deadline = Date.now() + 120_000;
      for (;;) {
        run = (await (await api.get(`/api/evaluation/runs/${id}`)).json()) as EvaluationRunDetail;
        if (run.status !== 'queued' && run.status !== 'running') break;
        if (Date.now() > deadline) throw new Error(`run ${id} still ${run.status} after 120 s`);
        await new Promise((r) => setTimeout(r, 250));
      }
      expect(run.status, JSON.stringify(run.error)).toBe('done');
      const published = await post(`/api/evaluation/runs/${id}/publish`);
      expect(published.status, JSON.stringify(published.body)).toBe(200);
    } finally {
      await api.dispose();
    }
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('lists the published run to anonymous callers, with rank intervals for the last year', async () => {
    const list = (await (await fetch(`${server.url}/api/evaluation/runs`)).json()) as {
      items: { id: number; published: boolean }[];
    };
    expect(list.items.map((i) => [i.id, i.published])).toEqual([[run.id, true]]);
    expect(run.years).toEqual([2023, 2024]);
    expect(run.uncertainty?.year).toBe(2024);
    const ranks = run.uncertainty?.ranks ?? [];
    expect(ranks.length).toBeGreaterThan(2);
    for (const r of ranks) expect(r.q5! <= r.median! && r.median! <= r.q95!).toBe(true);
    // Both years are ranked, so the rank change has two points per unit.
    expect(new Set(run.results?.rows.map((r) => r.year))).toEqual(new Set([2023, 2024]));
  });

  it(
    'shows an anonymous visitor the rank intervals, the radar and the rank change, in both languages',
    { timeout: 180_000 },
    async () => {
      const { context, page, errors } = await newPage(browser, await server.onCurrentBuild());
      watchAssets(page, errors);
      try {
        await page.goto('/');
        // The header link appears once a published run exists.
        const link = page.getByRole('link', { name: '排名', exact: true });
        await waitVisible(link, errors);
        await link.click();
        await page.waitForURL((u) => u.pathname === '/ranking');
        const charts = page.getByTestId('ranking-charts').locator('.scimon-chart > [role="img"]');
        await expect.poll(() => charts.count(), { timeout: 60_000 }).toBe(3);
        expect(await charts.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')))).toEqual([
          '2024 年综合排名及名次区间',
          '2024 年各维度得分',
          '名次逐年变化',
        ]);
        // Every chart drew on its canvas.
        await expect
          .poll(() => page.getByTestId('ranking-charts').locator('canvas').count(), { timeout: 30_000 })
          .toBe(3);
        expect(await page.getByTestId('ranking-run').innerText()).toContain(RUN_NAME);
        // The radar starts with the first three parks of the nominal ranking.
        const radarUnits = page.getByTestId('radar-units').locator('.ant-select-selection-item');
        expect(await radarUnits.count()).toBe(3);
        await page.waitForTimeout(500);
        await screenshot(page, 'ranking-zh');
        await screenshot(page, 'ranking-zh-full', true);

        // Another year: the intervals become nominal ranks only (the Monte Carlo analysed 2024).
        await page.getByTestId('ranking-year').locator('.ant-select-selector').click();
        await page.locator('.ant-select-item-option[title="2023"]').click();
        await expect.poll(() => charts.first().getAttribute('aria-label')).toBe('2023 年综合排名及名次区间');
        await page.getByTestId('ranking-year').locator('.ant-select-selector').click();
        await page.locator('.ant-select-item-option[title="2024"]').click();

        await page.setViewportSize({ width: 1920, height: 1080 });
        await page.waitForTimeout(500);
        await screenshot(page, 'ranking-zh-1920');

        await page.setViewportSize({ width: 1366, height: 768 });
        await page.getByRole('button', { name: 'English' }).click();
        await expect
          .poll(() => charts.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label'))))
          .toEqual([
            'Overall ranking and rank intervals, 2024',
            'Dimension scores, 2024',
            'Rank change year on year',
          ]);
        await page.waitForTimeout(500);
        await screenshot(page, 'ranking-en');
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );
});
