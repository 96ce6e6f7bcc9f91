// Browser: data collection and review. A park reporter opens 工作台, downloads the template, uploads it
// with a mistake ("abc" in a value cell) and sees the located problem, fixes the file, imports and submits;
// the part's reviewer returns it with a reason, which the reporter sees on the workbench; the reporter fixes
// a value in the web form (inline check of a typed number) and submits again; the reviewer approves; the
// reporter sees it approved and opens the changed value's history. A coordinator looks at the review page in
// English and changes the coordination rules (tolerance, source precedence).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ADMIN_PASSWORD, ensureWebBuild, startServer, type StartedTestServer } from '../support/server.ts';
import { scimonOrThrow as scimon } from '../../test-support/cli.ts';
import { launchBrowser, newPage, screenshot, settle } from './browser.ts';
import { signInAs, signOut, type TestPasswords } from './session.ts';

const PARK = 'CD-XLH';
const PERIOD = '2025';
const REPORTER = 'xlh-reporter';
const REVIEWER = 'sc-reviewer';
const COORD = 'xtb-coord';
const PASSWORDS: TestPasswords = {
  [REPORTER]: { initial: 'Reporter-Initial-Pass-3381', changed: 'Luxi-Valley-Changed-6614' },
  [REVIEWER]: { initial: 'Reviewer-Initial-Pass-4492', changed: 'Jinjiang-Review-Changed-7725' },
  [COORD]: { initial: 'Coordinator-Initial-Pass-5503', changed: 'Xietiao-Office-Changed-8836' },
};
const RETURN_REASON = '研发经费内部支出请附统计口径说明。';

/**
 * The provincial bureau's 2025 figures for two of the park's indicators, 12 % above the park's 2024 values
 * (which the reporter copies into 2025): differences the coordination queue shows once the report is approved.
 */
function importProvincialStatistics(env: NodeJS.ProcessEnv, dir: string): void {
  const previous = path.join(dir, 'previous.csv');
  scimon(env, ['export', '--org-unit', PARK, '--period', '2024', '--out', previous]);
  const rows = readFileSync(previous, 'utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\n')
    .slice(1);
  const provincial = ['indicator,org_unit,period,value,source,comment'];
  for (const indicator of ['gdp', 'hitech_enterprises']) {
    const row = rows.find((r) => r.startsWith(`${indicator},${PARK},2024,`));
    if (!row) throw new Error(`no 2024 value of ${indicator} for ${PARK}`);
    const value = Number(row.split(',')[3]) * 1.12;
    // Enterprises are counted in whole numbers.
    const text = indicator === 'hitech_enterprises' ? String(Math.round(value)) : value.toFixed(2);
    provincial.push(`${indicator},${PARK},${PERIOD},${text},provincial,省统计局年报`);
  }
  const file = path.join(dir, 'provincial.csv');
  writeFileSync(file, provincial.join('\n') + '\n');
  scimon(env, ['import', file, '--accept-warnings']);
}

/** The template's value and previous-period columns for the park (found by their headers). */
function templateColumns(ws: ExcelJS.Worksheet): { value: number; previous: number } {
  let value = 0;
  let previous = 0;
  ws.getRow(1).eachCell((cell, col) => {
    const text = String(cell.value ?? '');
    if (text.startsWith(PARK) && text.includes('填报值')) value = col;
    if (text.startsWith(PARK) && text.includes('上期值')) previous = col;
  });
  if (!value || !previous) throw new Error('template columns not found');
  return { value, previous };
}

async function fillTemplate(file: string, mistake: boolean): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet('数据');
  if (!ws) throw new Error('sheet 数据 missing');
  const cols = templateColumns(ws);
  let first = true;
  for (let r = 2; r <= ws.rowCount; r++) {
    const prev = ws.getRow(r).getCell(cols.previous).value;
    if (typeof prev !== 'number') continue;
    // Last year's figure again: a plausible value that raises no warning.
    ws.getRow(r).getCell(cols.value).value = mistake && first ? 'abc' : prev;
    first = false;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function upload(page: Page, buffer: Buffer): Promise<void> {
  await page.locator('.upload-panel input[type=file]').setInputFiles({
    name: `template-${PARK}-${PERIOD}.xlsx`,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer,
  });
  await page.getByTestId('upload-result').waitFor();
}

async function openWorkbench(page: Page, tab?: 'upload'): Promise<void> {
  await page.goto(`/workbench?orgUnit=${PARK}&period=${PERIOD}${tab ? `&tab=${tab}` : ''}`);
  await page.getByTestId('submission-bar').waitFor();
}

describe('web: data collection and review', () => {
  let dir: string;
  let env: Record<string, string>;
  let server: StartedTestServer | undefined;
  let browser: Browser;

  beforeAll(async () => {
    await ensureWebBuild();
    dir = mkdtempSync(path.join(os.tmpdir(), 'scimon-e2e-collection-'));
    env = {
      SCIMON_DB_PATH: path.join(dir, 'collection.db'),
      SCIMON_ADMIN_PASSWORD: ADMIN_PASSWORD,
      SCIMON_LOG: 'silent',
      DATABASE_URL: '',
    };
    scimon(env, ['seed']);
    const add = (user: string, role: string, scope: string) =>
      scimon(
        env,
        ['users', 'add', user, '--role', role, '--scope', scope, '--password-stdin'],
        PASSWORDS[user]?.initial,
      );
    add(REPORTER, 'reporter', PARK);
    add(REVIEWER, 'reviewer', 'WSC-SC');
    add(COORD, 'coordinator', 'WSC');
    importProvincialStatistics(env, dir);
    browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it(
    'template with a mistake → located problem → fixed → imported → submitted → returned with a reason → fixed in the form → approved',
    { timeout: 300_000 },
    async () => {
      server = await startServer({ env: { ...env, SCIMON_NOW: '2026-05-20' } });
      const { context, page, errors } = await newPage(browser, server.url);
      try {
        // Reporter: 工作台 is linked in the header after sign-in; / stays the public overview.
        await page.goto('/');
        expect(await page.getByRole('banner').getByRole('link', { name: '工作台' }).count()).toBe(0);
        await signInAs(page, PASSWORDS, REPORTER, true);
        await page.getByRole('banner').getByRole('link', { name: '工作台' }).click();
        await page.waitForURL((u) => u.pathname === '/workbench');
        expect(await page.getByRole('banner').getByRole('link', { name: '审核' }).count()).toBe(0);
        await openWorkbench(page, 'upload');
        expect(await page.getByTestId('submission-bar').getAttribute('data-status')).toBe('none');

        // The template, filled with a mistake.
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByTestId('download-template').click(),
        ]);
        const templateFile = path.join(dir, 'template.xlsx');
        await download.saveAs(templateFile);
        await upload(page, await fillTemplate(templateFile, true));
        const problems = page.getByTestId('problem-table');
        await problems.waitFor();
        const problemRow = problems.locator('tr.problem-row').first();
        expect(await problemRow.innerText()).toContain('abc');
        expect(await problemRow.innerText()).toMatch(/数据[\s\S]*\b2\b[\s\S]*填报值/);
        expect(await problemRow.innerText()).toContain('不是数字');
        expect(await page.getByTestId('do-import').count()).toBe(0);
        await page.waitForLoadState('networkidle');
        await problems.scrollIntoViewIfNeeded();
        await screenshot(page, 'collection-upload-problems');

        // Fixed: a clean check, then the import, then Submit.
        await upload(page, await fillTemplate(templateFile, false));
        await page.locator('[data-testid=upload-result][data-ok=true]').waitFor();
        await page.getByTestId('do-import').click();
        await page.getByTestId('import-done').waitFor();
        await page.locator('[data-testid=submission-bar][data-status=draft]').waitFor();
        await page.getByTestId('submit-button').click();
        await page.locator('[data-testid=submission-bar][data-status=submitted]').waitFor();
        await page.locator('[data-testid=my-submissions] [data-status=submitted]').waitFor();
        await settle(page);
        await screenshot(page, 'collection-workbench-submitted');
        await signOut(page);

        // Reviewer: 审核, the queue, returns it with a reason.
        await signInAs(page, PASSWORDS, REVIEWER, true);
        await page.getByRole('banner').getByRole('link', { name: '审核' }).click();
        await page.waitForURL((u) => u.pathname === '/review');
        await page.goto(`/review?period=${PERIOD}`);
        const queue = page.getByTestId('approval-queue');
        const row = queue.locator('tr', { has: page.locator(`[data-unit="${PARK}"]`) });
        await row.waitFor();
        await settle(page);
        await screenshot(page, 'collection-review-queue');
        await row.locator(`[data-unit="${PARK}"]`).click();
        await page.getByTestId('submission-detail').waitFor();
        await settle(page);
        await screenshot(page, 'collection-review-detail');
        // Each value of the drawer opens its history.
        await page.getByTestId('submission-detail').getByTestId('value-history').first().click();
        await page.getByTestId('value-history-detail').waitFor();
        await page.keyboard.press('Escape');
        await page.getByTestId('value-history-detail').waitFor({ state: 'hidden' });
        await page.keyboard.press('Escape');
        await page.getByTestId('submission-detail').waitFor({ state: 'hidden' });
        await row.getByRole('button', { name: '退回' }).click();
        const modal = page.locator('.ant-modal').filter({ hasText: '退回' });
        await modal.getByLabel('理由').fill(RETURN_REASON);
        await modal.getByRole('button', { name: '退回' }).click();
        await modal.waitFor({ state: 'hidden' });
        await signOut(page);

        // Reporter: the returned submission and its reason on the workbench.
        await signInAs(page, PASSWORDS, REPORTER, false);
        await page.getByRole('banner').getByRole('link', { name: '工作台' }).click();
        await page.getByTestId('returned-alert').waitFor();
        expect(await page.getByTestId('returned-reason').innerText()).toBe(RETURN_REASON);
        expect(await page.getByTestId('row-reason').first().innerText()).toBe(RETURN_REASON);
        await settle(page);
        await screenshot(page, 'collection-workbench-returned');

        // Fixed in the web form: a mistyped value is flagged inline, then a full-width number is accepted.
        await openWorkbench(page);
        await page.locator('[data-testid=submission-bar][data-status=returned]').waitFor();
        const firstValue = page.locator('.entry-form input[data-indicator]').first();
        const typed = await firstValue.inputValue();
        expect(typed).not.toBe('');
        await firstValue.fill('12x');
        await page.getByTestId('value-error').first().waitFor();
        expect(await page.getByTestId('value-error').first().innerText()).toContain('不是数字');
        await page.waitForLoadState('networkidle');
        await page.getByTestId('value-error').first().scrollIntoViewIfNeeded();
        await screenshot(page, 'collection-entry-form-error');
        const fullWidth = typed.replace(/[0-9.]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
        await firstValue.fill(fullWidth);
        await page.getByTestId('value-error').waitFor({ state: 'detached' });
        await page.locator('.entry-form input[aria-label$="的备注"]').first().fill('已补充统计口径说明');
        await page.getByTestId('save-draft').click();
        await page.getByText('已保存').waitFor();
        await page.getByTestId('submit-button').click();
        await page.locator('[data-testid=submission-bar][data-status=submitted]').waitFor();
        await signOut(page);

        // Reviewer approves.
        await signInAs(page, PASSWORDS, REVIEWER, false);
        await page.goto(`/review?period=${PERIOD}`);
        await row.waitFor();
        await row.getByTestId('approve-one').click();
        await queue.locator(`[data-unit="${PARK}"]`).waitFor({ state: 'detached' });
        await page.goto(`/review?period=${PERIOD}&tab=rates`);
        await page.getByTestId('reporting-rates').waitFor();
        await settle(page);
        await screenshot(page, 'collection-review-rates');
        await page.goto(`/review?period=${PERIOD}&tab=coordination`);
        await page.getByTestId('coordination-queue').waitFor();
        await settle(page);
        await screenshot(page, 'collection-review-coordination');
        // Resolve the first difference: accept the park's report, with a reason.
        const coordRows = page.getByTestId('coordination-queue').locator('tbody tr.ant-table-row');
        const openBefore = await coordRows.count();
        expect(openBefore).toBeGreaterThan(0);
        await coordRows.first().getByRole('button', { name: '处理' }).click();
        const resolveModal = page.locator('.ant-modal').filter({ hasText: '协调：' });
        await resolveModal.getByRole('radio', { name: /园区填报/ }).check();
        await resolveModal.getByLabel('理由').fill('园区台账口径与统计口径一致，采用园区填报数。');
        await page.waitForTimeout(300);
        await screenshot(page, 'collection-review-resolve');
        await resolveModal.getByRole('button', { name: '处理' }).click();
        await resolveModal.waitFor({ state: 'hidden' });
        await expect.poll(() => coordRows.count()).toBe(openBefore - 1);
        await signOut(page);

        // Reporter: approved.
        await signInAs(page, PASSWORDS, REPORTER, false);
        await openWorkbench(page);
        await page.locator('[data-testid=submission-bar][data-status=approved]').waitFor();
        expect(await page.getByTestId('returned-alert').count()).toBe(0);
        await settle(page);
        await screenshot(page, 'collection-workbench-approved');
        // The history (历史) of the value changed in the form: imported, returned, changed with a comment.
        await page.locator('.entry-form [data-testid=value-history]').first().click();
        const history = page.getByTestId('value-history-detail');
        await history.waitFor();
        expect(await history.innerText()).toContain('已补充统计口径说明');
        expect(await history.innerText()).toContain('退回');
        await page.waitForTimeout(300);
        await screenshot(page, 'collection-history');
        await page.keyboard.press('Escape');
        await history.waitFor({ state: 'hidden' });
        await signOut(page);

        // Coordinator, in English: deadlines and releases.
        await signInAs(page, PASSWORDS, COORD, true);
        await page.goto(`/review?period=${PERIOD}&tab=publishing&lang=en-US`);
        await page.getByText('Submission deadlines').waitFor();
        await page.getByRole('tab', { name: 'Deadlines & releases' }).waitFor();
        await settle(page);
        await screenshot(page, 'collection-review-publishing-en');
        // The coordination rules: tolerance 8 %, provincial statistics before national.
        await page.goto(`/review?period=${PERIOD}&tab=coordination&lang=en-US`);
        await page.getByTestId('coordination-rules').waitFor();
        await page.getByTestId('edit-rules').click();
        const rules = page.getByTestId('coordination-settings');
        await rules.waitFor();
        await rules.getByLabel('Relative tolerance').fill('8');
        await rules.getByRole('button', { name: 'Move Provincial stats up' }).click();
        expect(await rules.locator('[data-source]').first().getAttribute('data-source')).toBe('provincial');
        await page.waitForTimeout(300);
        await screenshot(page, 'collection-coordination-settings-en');
        await page.getByTestId('save-rules').click();
        await rules.waitFor({ state: 'hidden' });
        await expect.poll(() => page.getByTestId('rules-tolerance').innerText()).toContain('8%');
        expect(await page.getByTestId('rules-precedence').innerText()).toMatch(
          /^Provincial stats\s*>\s*National/,
        );
        await settle(page);
        await screenshot(page, 'collection-review-coordination-en');
        await page.goto(`/review?period=${PERIOD}&tab=queue&lang=en-US`);
        await page.getByTestId('approval-queue').waitFor();
        await settle(page);
        await screenshot(page, 'collection-review-queue-en');
        await page.goto(`/workbench?orgUnit=${PARK}&period=${PERIOD}&lang=en-US`);
        await page.getByTestId('submission-bar').waitFor();
        await settle(page);
        await screenshot(page, 'collection-workbench-en');

        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );
});
