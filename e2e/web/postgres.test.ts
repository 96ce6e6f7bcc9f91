// Browser smoke run on PostgreSQL: the server migrates and seeds an empty database, the catalogue renders.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createTestDb, testDialects, type TestDb } from '../../test-support/databases.ts';
import { ensureWebBuild, startServer, type StartedTestServer } from '../support/server.ts';
import { launchBrowser, newPage, screenshot, webUrl } from './browser.ts';

describe.runIf(testDialects().includes('postgres'))('web: catalogue on PostgreSQL', () => {
  let db: TestDb;
  let server: StartedTestServer;
  let web: { url: string; stop(): Promise<void> };
  let browser: Browser;

  beforeAll(async () => {
    await ensureWebBuild();
    db = await createTestDb('postgres', { migrate: false });
    server = await startServer({ env: db.env });
    web = await webUrl(server.url);
    browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
    await server?.stop();
    await db?.close();
  });

  it('serves the catalogue from PostgreSQL', { timeout: 60_000 }, async () => {
    const health = (await (await fetch(`${server.url}/api/health`)).json()) as { db: string };
    expect(health.db).toBe('postgres');
    const { context, page, errors } = await newPage(browser, web.url);
    try {
      await page.goto('/policy');
      await expect.poll(() => page.getByTestId('article').count(), { timeout: 15_000 }).toBe(17);
      await screenshot(page, 'catalogue-zh-postgres');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
