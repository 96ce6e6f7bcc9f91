// The server of the dashboards' browser tests, guarded against the web build changing under it.
//
// When another test process rebuilds packages/web/dist (any edit of the web sources makes it stale, and
// every e2e file calls ensureWebBuild), the chunks a page loaded from the old index.html are gone: the
// server answers a missing /assets/ file with index.html (text/html), the module script fails and the page
// never renders — a locator.waitFor then times out after 30 s. These helpers (a) restart the server on the
// current build before each test, and (b) turn that symptom into a clear error message instead of a bare
// time-out.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { ensureWebBuild, repoRoot, startServer, type StartedTestServer } from '../support/server.ts';

const builtIndex = path.join(repoRoot, 'packages/web/dist/index.html');
const buildStamp = () => (existsSync(builtIndex) ? statSync(builtIndex).mtimeMs : 0);

export interface DashboardServer {
  /** The base URL of the current server (it changes when the server is restarted). */
  readonly url: string;
  /** Rebuilds the web app when stale and restarts the server when dist changed since it started. */
  onCurrentBuild(): Promise<string>;
  stop(): Promise<void>;
}

export async function startDashboardServer(env: Record<string, string>): Promise<DashboardServer> {
  await ensureWebBuild();
  let stamp = buildStamp();
  let server: StartedTestServer = await startServer({ env, timeoutMs: 120_000 });
  return {
    get url() {
      return server.url;
    },
    async onCurrentBuild() {
      await ensureWebBuild();
      if (buildStamp() !== stamp) {
        await server.stop();
        stamp = buildStamp();
        server = await startServer({ env, timeoutMs: 120_000 });
      }
      return server.url;
    },
    stop: () => server.stop(),
  };
}

/** Records scripts and styles that come back as HTML (the web build was replaced while the server ran). */
export function watchAssets(page: Page, errors: string[]): void {
  page.on('response', (res) => {
    const url = new URL(res.url());
    if (!url.pathname.startsWith('/assets/')) return;
    const type = res.headers()['content-type'] ?? '';
    if (res.status() >= 400 || type.startsWith('text/html'))
      errors.push(
        `asset ${url.pathname} answered ${res.status()} ${type}: packages/web/dist was rebuilt while the server ran`,
      );
  });
}

/** locator.waitFor with a bounded, generous time-out whose failure says what the page reported. */
export async function waitVisible(locator: Locator, errors: string[], timeout = 60_000): Promise<void> {
  try {
    await locator.waitFor({ timeout });
  } catch (e) {
    const detail = errors.length ? `\npage errors:\n  ${errors.join('\n  ')}` : '';
    throw new Error(`${(e as Error).message.split('\n')[0]}${detail}`, { cause: e });
  }
}
