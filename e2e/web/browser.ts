// Chromium (Debian's /usr/bin/chromium) driven by playwright-core, with the flags of the stack notes.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { freePort, repoRoot } from '../support/server.ts';

export const screenshotDir = path.join(repoRoot, 'e2e/web/screenshots');

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A fresh context at 1366×768 (the size the pages must read well at); page errors fail the test. */
export async function newPage(
  browser: Browser,
  baseURL: string,
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // Failed API calls are answers the UI handles (401 = anonymous, 403 = no access); other errors count.
    if (
      m.type() === 'error' &&
      !(m.text().startsWith('Failed to load resource') && m.location().url.includes('/api/'))
    ) {
      errors.push(`console: ${m.text()}`);
    }
  });
  return { context, page, errors };
}

export async function screenshot(page: Page, name: string, fullPage = false): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage });
}

/** Settles layout and charts before a screenshot. */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(400);
}

/**
 * The URL the browser opens: the server itself, which serves packages/web/dist. For working on the web app
 * against a server without static serving, SCIMON_E2E_VITE_PREVIEW=1 puts `vite preview` (proxying /api
 * to the server) in front instead.
 */
export async function webUrl(serverUrl: string): Promise<{ url: string; stop(): Promise<void> }> {
  if (process.env.SCIMON_E2E_VITE_PREVIEW !== '1') return { url: serverUrl, stop: async () => {} };
  const port = await freePort();
  const child = spawn(
    path.join(repoRoot, 'node_modules/.bin/vite'),
    ['preview', '--port', String(port), '--strictPort'],
    {
      cwd: path.join(repoRoot, 'packages/web'),
      env: { ...process.env, SCIMON_API_TARGET: serverUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`vite preview did not start:\n${out}`)), 20_000);
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes(String(port))) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  return {
    url: `http://localhost:${port}`,
    stop: async () => {
      child.kill('SIGTERM');
    },
  };
}
