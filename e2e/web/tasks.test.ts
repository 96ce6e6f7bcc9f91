// Browser: task supervision (督办). A task owner (科技部) files a quarterly report with evidence, the
// coordinator returns it, the owner fixes and resubmits, the coordinator accepts; a second server on the same
// database with a later SCIMON_NOW finds the task past its due date and red; the scoreboard reflects it.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ADMIN_PASSWORD, ensureWebBuild, startServer, type StartedTestServer } from '../support/server.ts';
import { scimonOrThrow as scimon } from '../../test-support/cli.ts';
import { launchBrowser, newPage, screenshot, settle } from './browser.ts';
import { signInAs, signOut, type TestPasswords } from './session.ts';

const TASK = 'T03-02';
const OWNER = 'most-owner';
const COORD = 'xietiaoban';
const PASSWORDS: TestPasswords = {
  [OWNER]: { initial: 'Owner-Initial-Pass-4821', changed: 'Sanxia-Owner-Changed-6612' },
  [COORD]: { initial: 'Coord-Initial-Pass-7305', changed: 'Jinyun-Coord-Changed-9034' },
};
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

async function openTask(page: Page): Promise<void> {
  await page.goto(`/tasks/${TASK}`);
  await page.getByTestId('task-title').waitFor();
}

async function pickDate(page: Page, input: ReturnType<Page['locator']>, date: string): Promise<void> {
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

async function overdueOf(page: Page, unit: string): Promise<number> {
  const row = page.locator('tr', { has: page.locator(`[data-unit="${unit}"]`) });
  return Number(await row.getByTestId('score-overdue').innerText());
}

describe('web: task supervision', () => {
  let dir: string;
  let env: Record<string, string>;
  let server: StartedTestServer | undefined;
  let browser: Browser;

  beforeAll(async () => {
    await ensureWebBuild();
    dir = mkdtempSync(path.join(os.tmpdir(), 'scimon-e2e-tasks-'));
    env = {
      SCIMON_DB_PATH: path.join(dir, 'tasks.db'),
      SCIMON_EVIDENCE_DIR: path.join(dir, 'evidence'),
      SCIMON_ADMIN_PASSWORD: ADMIN_PASSWORD,
      SCIMON_LOG: 'silent',
      DATABASE_URL: '',
    };
    scimon(env, ['seed']);
    scimon(
      env,
      ['users', 'add', OWNER, '--role', 'task_owner', '--scope', 'MOST', '--password-stdin'],
      PASSWORDS[OWNER]?.initial,
    );
    scimon(
      env,
      ['users', 'add', COORD, '--role', 'coordinator', '--scope', 'WSC', '--password-stdin'],
      PASSWORDS[COORD]?.initial,
    );
    browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it(
    'report with evidence → returned → fixed → accepted; past its due date the task turns red; scoreboard follows',
    { timeout: 300_000 },
    async () => {
      server = await startServer({ env: { ...env, SCIMON_NOW: '2026-11-28' } });
      let { context, page, errors } = await newPage(browser, server.url);
      try {
        // The board is public: grouped by article, then by colour.
        await page.goto('/');
        await page.getByRole('link', { name: '督办' }).click();
        await page.getByTestId('task-group').first().waitFor();
        expect(await page.getByRole('link', { name: TASK }).isVisible()).toBe(true);
        await settle(page);
        await screenshot(page, 'tasks-board');
        await page.getByText('按颜色', { exact: true }).click();
        await page.getByTestId('task-group').filter({ hasText: '红' }).waitFor();
        await settle(page);
        await screenshot(page, 'tasks-board-by-colour');

        // Anonymous: the task page without reports.
        await openTask(page);
        await page.getByText('进展报告、佐证材料与延期申请仅对协调办').waitFor();

        // Coordinator: due date 2026-12-20 and a milestone.
        await signInAs(page, PASSWORDS, COORD, true);
        await openTask(page);
        await page.getByRole('button', { name: '设置截止日期' }).click();
        const dueModal = page.locator('.ant-modal').filter({ hasText: '设置截止日期' });
        await pickDate(page, dueModal.locator('input').first(), '2026-12-20');
        await dueModal.getByRole('button', { name: '保存' }).click();
        await dueModal.waitFor({ state: 'hidden' });
        await page.locator('.task-facts').getByText('2026-12-20').waitFor();
        await page.getByRole('button', { name: '添加里程碑' }).click();
        const msModal = page.locator('.ant-modal').filter({ hasText: '添加里程碑' });
        await msModal.getByLabel('名称（中文）').fill('首批实验室通过认定');
        await msModal.getByLabel('名称（英文）').fill('First laboratories accredited');
        await pickDate(page, msModal.getByLabel('计划日期'), '2026-12-15');
        await msModal.getByRole('button', { name: '保存' }).click();
        await msModal.waitFor({ state: 'hidden' });
        await page.getByRole('cell', { name: '首批实验室通过认定' }).waitFor();
        await signOut(page);

        // Owner (科技部): reminders, then the quarterly report with evidence.
        await signInAs(page, PASSWORDS, OWNER, true);
        await page.goto('/tasks/reminders');
        await page.getByTestId('reminder').first().waitFor();
        await settle(page);
        await screenshot(page, 'tasks-reminders-owner');
        await openTask(page);
        await page.getByRole('button', { name: '填报进展' }).click();
        let form = page.locator('.ant-modal').filter({ hasText: '填报进展' });
        await form.getByRole('spinbutton', { name: '完成进度' }).fill('90');
        await form.getByLabel('进展情况').fill('已完成两家实验室的申报材料。');
        await pickDate(page, form.locator('.milestone-update input'), '2026-11-20');
        await form.locator('input[type=file]').setInputFiles({
          name: '申报材料.pdf',
          mimeType: 'application/pdf',
          buffer: PDF,
        });
        await form.locator('.ant-upload-list-item-done').waitFor();
        await settle(page);
        await screenshot(page, 'tasks-report-form');
        await form.getByRole('button', { name: '提交报告' }).click();
        await form.waitFor({ state: 'hidden' });
        await page.locator('[data-testid=report][data-status=submitted]').waitFor();
        await signOut(page);

        // Coordinator returns it with a reason.
        await signInAs(page, PASSWORDS, COORD, false);
        await openTask(page);
        await page.locator('[data-testid=report]').getByRole('button', { name: '退回' }).click();
        const ret = page.locator('.ant-modal').filter({ hasText: '退回 2026Q3 报告' });
        await ret.getByLabel('原因').fill('请补充实验室名单和认定文号。');
        await ret.getByRole('button', { name: '退回' }).click();
        await ret.waitFor({ state: 'hidden' });
        await page.getByTestId('return-reason').waitFor();
        await settle(page);
        await screenshot(page, 'tasks-report-returned', true);
        await signOut(page);

        // Owner fixes and resubmits (a new revision, with a new evidence file).
        await signInAs(page, PASSWORDS, OWNER, false);
        await openTask(page);
        await page.getByRole('button', { name: '填报进展' }).click();
        form = page.locator('.ant-modal').filter({ hasText: '填报进展' });
        await form.getByText('本期报告已被退回').waitFor();
        await form.getByLabel('进展情况').fill('已完成两家实验室的申报材料；名单及认定文号见附件。');
        await form.locator('input[type=file]').setInputFiles({
          name: '实验室名单.txt',
          mimeType: 'text/plain',
          buffer: Buffer.from('实验室名单\n1. 某某全国重点实验室 国科发基〔2026〕12号\n'),
        });
        await form.locator('.ant-upload-list-item-done').waitFor();
        await form.getByRole('button', { name: '提交报告' }).click();
        await form.waitFor({ state: 'hidden' });
        await page.locator('[data-testid=report][data-status=submitted]').waitFor();
        // … and asks for more time.
        await page.getByRole('button', { name: '申请延期' }).click();
        const ext = page.locator('.ant-modal').filter({ hasText: '申请延期' });
        await pickDate(page, ext.getByLabel('申请延至'), '2027-03-31');
        await ext.getByLabel('延期理由').fill('认定批次调整至 2027 年一季度。');
        await ext.getByRole('button', { name: '提交申请' }).click();
        await ext.waitFor({ state: 'hidden' });
        await page.getByTestId('extension').waitFor();
        await signOut(page);

        // Coordinator accepts; the task is green, the timeline shows the whole exchange.
        await signInAs(page, PASSWORDS, COORD, false);
        await openTask(page);
        await page
          .locator('[data-testid=report][data-status=submitted]')
          .getByRole('button', { name: '采纳' })
          .click();
        await page.locator('[data-testid=report][data-status=accepted]').waitFor();
        await page.locator('[data-testid=timeline-entry][data-kind=report_accepted]').waitFor();
        // the fixed revision carried the milestone's done date, applied on acceptance
        await page.getByRole('cell', { name: '按期完成' }).waitFor();
        // the extension is refused: the due date stays
        await page.getByTestId('extension').getByRole('button', { name: '不予批准' }).click();
        const refuse = page.locator('.ant-modal').filter({ hasText: '不予批准延期' });
        await refuse.getByLabel('原因').fill('请按原计划推进。');
        await refuse.getByRole('button', { name: '不予批准' }).click();
        await refuse.waitFor({ state: 'hidden' });
        await page.locator('[data-testid=timeline-entry][data-kind=extension_refused]').waitFor();
        expect(await page.locator('[data-testid=timeline-entry][data-kind=report_returned]').count()).toBe(1);
        expect(await page.locator('[data-testid=timeline-entry][data-kind=report_submitted]').count()).toBe(
          2,
        );
        expect(
          await page.locator('.task-colour-big [data-testid=task-colour]').getAttribute('data-colour'),
        ).toBe('green');
        await settle(page);
        await screenshot(page, 'tasks-detail-accepted');
        await screenshot(page, 'tasks-detail-accepted-full', true);
        await page.goto('/tasks/scoreboard');
        await page.getByTestId('score-unit').first().waitFor();
        const overdueBefore = await overdueOf(page, 'MOST');
        await settle(page);
        await screenshot(page, 'tasks-scoreboard-before');
        expect(errors).toEqual([]);
        await context.close();
        await server.stop();
        server = undefined;

        // A later day on the same database: the due date has passed.
        server = await startServer({ env: { ...env, SCIMON_NOW: '2027-01-05' } });
        ({ context, page, errors } = await newPage(browser, server.url));
        await page.goto('/tasks');
        await signInAs(page, PASSWORDS, COORD, false);
        await openTask(page);
        expect(
          await page.locator('.task-colour-big [data-testid=task-colour]').getAttribute('data-colour'),
        ).toBe('red');
        expect(await page.getByTestId('colour-reason').innerText()).toBe('已逾期');
        await settle(page);
        await screenshot(page, 'tasks-detail-red');
        await page.goto('/tasks/T04-02');
        await page.getByTestId('task-title').waitFor();
        await page.getByRole('button', { name: '变更阶段' }).click();
        const stage = page.locator('.ant-modal').filter({ hasText: '变更建设阶段' });
        await stage.locator('.ant-select').first().click();
        await page.locator('.ant-select-item-option').filter({ hasText: '启动建设' }).click();
        await stage.getByLabel('依据').fill('川发改投资〔2026〕88号');
        await stage.getByRole('button', { name: '保存' }).click();
        await stage.waitFor({ state: 'hidden' });
        await page
          .locator('[data-testid=timeline-entry][data-kind=stage_changed]', { hasText: '启动建设' })
          .waitFor();
        await settle(page);
        await screenshot(page, 'tasks-stage-changed');
        await page.goto('/tasks/scoreboard');
        await page.getByTestId('score-unit').first().waitFor();
        expect(await overdueOf(page, 'MOST')).toBe(overdueBefore + 1);
        await settle(page);
        await screenshot(page, 'tasks-scoreboard-after');
        await page.goto('/tasks/reminders');
        await page.locator('[data-testid=reminder][data-kind=task_overdue]').first().waitFor();
        await settle(page);
        await screenshot(page, 'tasks-reminders-coordinator');

        // English.
        await page.getByRole('button', { name: 'English' }).click();
        await page.getByText('My reminders').waitFor();
        await screenshot(page, 'tasks-reminders-en');
        await page.getByText('Scoreboard', { exact: true }).click();
        await page.getByRole('columnheader', { name: 'Reports on time' }).waitFor();
        await settle(page);
        await screenshot(page, 'tasks-scoreboard-en');
        await openTask(page);
        await page.getByText('Progress reports').waitFor();
        expect(await page.getByTestId('colour-reason').innerText()).toBe('Overdue');
        await settle(page);
        await screenshot(page, 'tasks-detail-en', true);
        await page.goto('/tasks');
        await page.getByTestId('task-group').first().waitFor();
        await settle(page);
        await screenshot(page, 'tasks-board-en');
        expect(errors).toEqual([]);
      } catch (e) {
        await screenshot(page, 'tasks-failure', true).catch(() => {});
        throw new Error(`${String(e)}\n${errors.join('\n')}`, { cause: e });
      } finally {
        await context.close();
      }
    },
  );
});
