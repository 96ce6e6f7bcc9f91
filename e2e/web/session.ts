// Signing in and out of the web app in browser tests, and the forced change of an initial password.
import type { Page } from 'playwright-core';

/** A test user's initial password and the one it changes to at the first sign-in, by username. */
export type TestPasswords = Readonly<Record<string, { initial: string; changed: string }>>;

/** Fills and submits the sign-in form opened from the banner. */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByRole('banner').getByRole('button', { name: '登录' }).click();
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.locator('form').getByRole('button', { name: '登录' }).click();
}

/** On the forced password page: replaces the current password and waits to be let through. */
export async function changeInitialPassword(page: Page, current: string, next: string): Promise<void> {
  await page.getByText('首次登录须先修改初始密码').waitFor();
  await page.getByLabel('当前密码').fill(current);
  await page.getByLabel('新密码', { exact: true }).fill(next);
  await page.getByLabel('确认新密码').fill(next);
  await page.locator('form').getByRole('button', { name: '修改密码' }).click();
  await page.waitForURL((u) => u.pathname !== '/password');
}

/**
 * Signs a test user in: the first time with its initial password, changed on the forced page; later with
 * the changed one.
 */
export async function signInAs(
  page: Page,
  passwords: TestPasswords,
  username: string,
  first: boolean,
): Promise<void> {
  const user = passwords[username];
  if (!user) throw new Error(`no test passwords for ${username}`);
  await signIn(page, username, first ? user.initial : user.changed);
  if (first) await changeInitialPassword(page, user.initial, user.changed);
  await page.getByTestId('user-menu').waitFor();
}

/** Signs out through the user menu. */
export async function signOut(page: Page): Promise<void> {
  const signInButton = page.getByRole('banner').getByRole('button', { name: '登录' });
  // The dropdown animates in; a click during the animation can miss, so try again.
  for (let attempt = 0; attempt < 3; attempt++) {
    if (!(await page.getByRole('menuitem', { name: '退出' }).isVisible()))
      await page.getByTestId('user-menu').click();
    const item = page.getByRole('menuitem', { name: '退出' });
    await item.waitFor();
    await page.waitForTimeout(250);
    await item.click();
    try {
      await signInButton.waitFor({ timeout: 5000 });
      return;
    } catch {
      // still signed in: retry
    }
  }
  await signInButton.waitFor();
}
