// Browser: the admin signs in with the forced password change, creates a reporter for one park (the
// generated password shown once), looks at the audit log; the reporter signs in and changes its password.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ADMIN_PASSWORD, ensureWebBuild, startServer, type StartedTestServer } from '../support/server.ts';
import { launchBrowser, newPage, screenshot, webUrl } from './browser.ts';
import { changeInitialPassword, signIn } from './session.ts';

const NEW_ADMIN_PASSWORD = 'Tianfu-Lake-Second-2841';
const NEW_REPORTER_PASSWORD = 'Luxi-Valley-Reporter-5173';
const PARK = 'CD-XLH';

/** Opens the user menu until the named administration link shows (the dropdown animates in). */
async function openUserMenuLink(page: Page, name: string): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByRole('link', { name }).waitFor();
  await page.waitForTimeout(250);
}

async function signOut(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: '退出' }).click();
  await page.waitForURL((u) => u.pathname === '/');
  await page.getByRole('banner').getByRole('button', { name: '登录' }).waitFor();
}

describe('web: accounts', () => {
  let server: StartedTestServer;
  let web: { url: string; stop(): Promise<void> };
  let browser: Browser;
  let hasAuth = false;

  beforeAll(async () => {
    await ensureWebBuild();
    server = await startServer();
    web = await webUrl(server.url);
    browser = await launchBrowser();
    // The accounts API arrives with the server side of the same issue; until then there is nothing to drive.
    const me = await fetch(`${server.url}/api/auth/me`);
    hasAuth = me.status !== 404;
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
    await server?.stop();
  });

  it(
    'admin changes the initial password, creates a park reporter; the reporter signs in',
    { timeout: 240_000 },
    async (ctx) => {
      if (!hasAuth) ctx.skip('the server has no /api/auth yet');
      const { context, page, errors } = await newPage(browser, web.url);
      let generated: string;
      try {
        await page.goto('/policy');
        await page.getByTestId('article').first().waitFor();
        await signIn(page, 'admin', ADMIN_PASSWORD);

        // Forced change: other pages lead back to it until the password is changed.
        await page.waitForURL((u) => u.pathname === '/password');
        await page.goto('/org-units');
        await page.waitForURL((u) => u.pathname === '/password');
        await page.getByText('首次登录须先修改初始密码').waitFor();
        await screenshot(page, 'password-forced');
        await changeInitialPassword(page, ADMIN_PASSWORD, NEW_ADMIN_PASSWORD);
        await page.waitForURL((u) => u.pathname === '/');

        // The administration pages are in the user menu now.
        await openUserMenuLink(page, '用户管理');
        expect(await page.getByRole('link', { name: '审计日志' }).isVisible()).toBe(true);
        await page.getByRole('link', { name: '用户管理' }).click();
        await page.getByRole('cell', { name: 'admin', exact: true }).first().waitFor();

        // Create a reporter for one park with a generated password.
        await page.getByRole('button', { name: '新建用户' }).click();
        const modal = page.locator('.ant-modal').filter({ hasText: '新建用户' });
        await modal.getByLabel('用户名').fill('reporter-xlh');
        await modal.getByLabel('范围').click();
        await modal.getByLabel('范围').fill(PARK);
        await page.locator('.ant-select-tree-node-content-wrapper').filter({ hasText: PARK }).first().click();
        await modal.getByRole('button', { name: '创建' }).click();
        const secret = page.getByTestId('generated-password');
        await secret.waitFor();
        generated = (await secret.innerText()).trim();
        expect(generated.length).toBeGreaterThanOrEqual(12);
        expect(await page.getByText('此密码只显示这一次').isVisible()).toBe(true);
        await screenshot(page, 'users-generated-password');
        await page.getByRole('button', { name: '我已记下' }).click();
        await page.getByRole('cell', { name: 'reporter-xlh' }).waitFor();
        expect(await page.getByText('园区填报 · 成都科学城一核').isVisible()).toBe(true);
        await page.waitForTimeout(300);
        await screenshot(page, 'users');
        await page.getByRole('button', { name: 'English' }).click();
        await page.getByRole('heading', { name: 'Users' }).waitFor();
        await page.getByText('Park reporter · Chengdu core').waitFor();
        await screenshot(page, 'users-en');
        await page.getByRole('button', { name: '中文' }).click();
        await page.getByRole('heading', { name: '用户管理' }).waitFor();

        // The audit log lists the sign-in and the new user.
        await openUserMenuLink(page, '审计日志');
        await page.getByRole('link', { name: '审计日志' }).click();
        await page.getByRole('heading', { name: '审计日志' }).waitFor();
        await page.locator('.ant-table-row').first().waitFor();
        await page.waitForTimeout(300);
        expect(await page.locator('.ant-table-row').count()).toBeGreaterThan(0);
        await screenshot(page, 'audit');
        await signOut(page);

        // The reporter signs in with the generated password, must change it, and sees no admin pages.
        await signIn(page, 'reporter-xlh', generated);
        await page.waitForURL((u) => u.pathname === '/password');
        await changeInitialPassword(page, generated, NEW_REPORTER_PASSWORD);
        await page.waitForURL((u) => u.pathname === '/');
        await page.getByTestId('user-menu').click();
        await page.getByRole('menuitem', { name: '修改密码' }).waitFor();
        expect(await page.getByRole('link', { name: '用户管理' }).count()).toBe(0);
        await page.keyboard.press('Escape');
        await page.goto('/admin/users');
        await page.getByText('无权访问').waitFor();
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );

  it('shows the localised error of a wrong password', { timeout: 60_000 }, async (ctx) => {
    if (!hasAuth) ctx.skip('the server has no /api/auth yet');
    const { context, page } = await newPage(browser, web.url);
    try {
      await page.goto('/login?lang=en-US');
      await page.getByLabel('Username').fill('nobody');
      await page.getByLabel('Password', { exact: true }).fill('wrong-password-123');
      await page.locator('form').getByRole('button', { name: 'Sign in' }).click();
      const alert = page.getByRole('alert');
      await alert.waitFor();
      expect(await alert.innerText()).not.toMatch(/[\u4e00-\u9fff]/);
    } finally {
      await context.close();
    }
  });
});
