// Task supervision through the HTTP API on both dialects: the public list, the coordinator's changes,
// reports with evidence (return, fix, accept), extensions, closure, colours on chosen dates, the
// scoreboard by hand, reminders and the outbox, the .xlsx export, and every refusal of the issue.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.ts';
import { authConfigFromEnv } from '../src/modules/auth/auth.config.ts';
import { testDialects } from '../../../test-support/databases.ts';
import { createSeededApp, fixedClock, type SeededApp } from '../../../test-support/app.ts';
import { adminClient, Client, userClient, type Json } from '../../../test-support/http-client.ts';

const PDF = Buffer.from('%PDF-1.4\n% evidence of the (十一) pilot\n%%EOF\n');
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe.each(testDialects())('task supervision on %s', (dialect) => {
  let s: SeededApp;
  let later: FastifyInstance;
  let evidenceRoot: string;
  let coord: Client;
  let cq: Client;
  let pbc: Client;
  let gacc: Client;
  let anon: Client;
  const audit = async (action: string) =>
    s.t.db.selectFrom('audit_event').selectAll().where('action', '=', action).orderBy('id').execute();
  const count = async (table: 'task_report' | 'task_evidence' | 'task_extension') =>
    Number(
      (
        await s.t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const task = async (c: Client, code: string) =>
    (await c.send('GET', `/api/tasks/${encodeURIComponent(code)}`)).body!;

  beforeAll(async () => {
    evidenceRoot = mkdtempSync(path.join(os.tmpdir(), 'scimon-evidence-'));
    process.env.SCIMON_EVIDENCE_DIR = evidenceRoot;
    s = await createSeededApp(dialect, fixedClock('2026-11-28'));
    const admin = await adminClient(s);
    expect(
      (await admin.send('POST', '/api/users', { username: 'coord', role: 'coordinator', scope: 'WSC' }))
        .status,
    ).toBe(201);
    coord = await userClient(s, 'coord.office', 'coordinator', 'WSC');
    cq = await userClient(s, 'owner.cq', 'task_owner', 'CQ');
    pbc = await userClient(s, 'owner.pbc', 'task_owner', 'PBC');
    gacc = await userClient(s, 'owner.gacc', 'task_owner', 'GACC');
    anon = new Client(s.app);
  });
  afterAll(async () => {
    await later?.close();
    await s.close();
    rmSync(evidenceRoot, { recursive: true, force: true });
    delete process.env.SCIMON_EVIDENCE_DIR;
  });

  it('lists every seeded task publicly, (三)–(十七), each with exactly one colour', async () => {
    const r = await anon.send('GET', '/api/tasks');
    expect(r.status).toBe(200);
    const items = r.body!.items as Json[];
    expect(items).toHaveLength(54);
    expect(new Set(items.map((t) => t.articleCode)).size).toBe(15);
    for (const t of items) expect(['red', 'yellow', 'green', 'blue']).toContain(t.colour);
    // Tied to a 2025 target: due 2025-12-31 (an assumption), so overdue on 2026-11-28.
    expect(items.find((t) => t.code === 'T05-03')).toMatchObject({
      dueDate: '2025-12-31',
      dueDateAssumption: true,
      colour: 'red',
      colourReason: 'overdue',
    });
    expect(items.find((t) => t.code === 'T03-01')).toMatchObject({
      dueDate: null,
      percent: null,
      colour: 'green',
      leadUnits: [{ code: 'CQ' }, { code: 'SC' }, { code: 'MOST' }, { code: 'SASAC' }],
    });
    const board = (await anon.send('GET', '/api/tasks/board?by=colour')).body!;
    expect(board.groups.map((g: Json) => g.key)).toEqual(['red', 'yellow', 'blue', 'green']);
    expect(board.groups[0].items.map((t: Json) => t.code)).toEqual(['T05-03', 'T08-03', 'T09-01', 'T09-02']);
    const byUnit = (await anon.send('GET', '/api/tasks/board?by=leadUnit')).body!;
    expect(byUnit.groups.find((g: Json) => g.key === 'GACC').items.map((t: Json) => t.code)).toEqual([
      'T12-01',
      'T12-02',
      'T12-03',
    ]);
  });

  it('lets the coordinator change settings and weights (audited), nobody else', async () => {
    expect((await cq.send('PATCH', '/api/tasks/settings', { reportGraceDays: 60 })).body!.error.code).toBe(
      'E_AUTH_FORBIDDEN',
    );
    const r = await coord.send('PATCH', '/api/tasks/settings', {
      reportGraceDays: 60,
      reportingStart: '2026-07-01',
      evidenceMaxBytes: 2048,
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      reportGraceDays: 60,
      reportingStart: '2026-07-01',
      statusRules: { redLagPoints: 30 },
    });
    const w = await coord.send('PUT', '/api/tasks/scoring-rules', { weights: { indicator_progress: 0 } });
    expect(w.body!.items.map((x: Json) => x.weight)).toEqual([0.3, 0.2, 0.2, 0.15, 0]);
    expect((await audit('task.settings_changed')).at(-1)).toMatchObject({ actor: 'coord.office' });
    expect(await audit('task.scoring_rules_changed')).toHaveLength(1);
  });

  it('adds tasks (inheriting lead units) and refuses a due date in the past, writing nothing', async () => {
    const past = await coord.send(
      'POST',
      '/api/tasks',
      { articleCode: '(三)', titleZh: '过去', titleEn: 'Past', dueDate: '2026-11-27' },
      { headers: { 'accept-language': 'en-US' } },
    );
    expect(past.status).toBe(400);
    expect(past.body!.error).toMatchObject({
      code: 'E_TASK_DUE_DATE_PAST',
      message: 'The due date 2026-11-27 is before today (2026-11-28): give today or a later date',
    });
    expect(
      await s.t.db.selectFrom('task').select('code').where('code', 'like', 'T03-0%').execute(),
    ).toHaveLength(3);
    const a = await coord.send('POST', '/api/tasks', {
      articleCode: '(三)',
      titleZh: '新建实验室甲',
      titleEn: 'Lab A',
      startDate: '2026-11-18',
      dueDate: '2026-12-28',
    });
    expect(a).toMatchObject({ status: 201, body: { code: 'T03-04' } });
    const b = await coord.send('POST', '/api/tasks', {
      articleCode: '(三)',
      titleZh: '单一牵头',
      titleEn: 'Single lead',
      leadUnitCodes: ['CQ'],
      startDate: '2026-11-01',
      dueDate: '2026-12-31',
    });
    expect(b.body!.code).toBe('T03-05');
    const c = await coord.send('POST', '/api/tasks', {
      articleCode: '(三)',
      titleZh: '将到期',
      titleEn: 'Due soon',
      leadUnitCodes: ['SC'],
      startDate: '2026-06-01',
      dueDate: '2026-12-03',
    });
    expect(c.body!.code).toBe('T03-06');
    const t4 = await task(anon, 'T03-04');
    // 40 days from start to due, 10 elapsed: time share 25; no report yet → green.
    expect(t4).toMatchObject({
      leadUnits: [{ code: 'CQ' }, { code: 'SC' }, { code: 'MOST' }, { code: 'SASAC' }],
      timeShare: 25,
      percent: null,
      colour: 'green',
      dueDateAssumption: false,
    });
    expect(await task(anon, 'T03-06')).toMatchObject({ colour: 'yellow', colourReason: 'due_soon' });
    expect((await coord.send('PATCH', '/api/tasks/T03-01', { dueDate: '2026-10-01' })).body!.error.code).toBe(
      'E_TASK_DUE_DATE_PAST',
    );
    expect((await coord.send('PATCH', '/api/tasks/T11-01', { dueDate: '2026-12-20' })).status).toBe(204);
    expect(await audit('task.created')).toHaveLength(3);
    expect((await audit('task.updated')).at(-1)).toMatchObject({
      object_id: 'T11-01',
      after_json: JSON.stringify({ due_date: '2026-12-20', due_date_assumption: 0 }),
    });
    expect(
      (await cq.send('POST', '/api/tasks', { articleCode: '(三)', titleZh: 'x', titleEn: 'x' })).status,
    ).toBe(403);
  });

  it('sets co-operating units, indicators, milestones and stage changes', async () => {
    expect((await coord.send('PUT', '/api/tasks/T03-04/co-units', { codes: ['CAS'] })).status).toBe(204);
    expect(
      (await coord.send('PUT', '/api/tasks/T03-04/co-units', { codes: ['NOPE'] })).body!.error.code,
    ).toBe('E_TASK_LEAD_UNIT_UNKNOWN');
    expect(
      (await coord.send('PUT', '/api/tasks/T03-04/indicators', { codes: ['national_key_labs'] })).status,
    ).toBe(204);
    expect(
      (await coord.send('PUT', '/api/tasks/T03-04/indicators', { codes: ['no_such_indicator'] })).body!.error
        .code,
    ).toBe('E_TASK_INDICATOR_UNKNOWN');
    const m = await coord.send('POST', '/api/tasks/T11-01/milestones', {
      titleZh: '试点方案印发',
      titleEn: 'Pilot plan issued',
      dueDate: '2026-12-15',
    });
    expect(m.status).toBe(201);
    const stage = await coord.send('POST', '/api/tasks/T04-01/stage', {
      stage: 'preconditions',
      changedOn: '2026-11-20',
      evidence: '协调会议纪要 2026-11',
    });
    expect(stage.status).toBe(204);
    expect(
      (
        await coord.send('POST', '/api/tasks/T04-01/stage', {
          stage: 'operating',
          changedOn: '2026-12-01',
          evidence: 'x',
        })
      ).body!.error.code,
    ).toBe('E_TASK_DATE_FUTURE');
    const t = await task(anon, 'T04-01');
    expect(t.stage).toBe('preconditions');
    expect(t.stageHistory.map((h: Json) => h.stage)).toEqual(['building', 'preconditions']);
    expect(t.timeline.filter((e: Json) => e.kind === 'stage_changed')).toHaveLength(2);
    const t4 = await task(anon, 'T03-04');
    expect(t4.coUnits).toEqual([{ code: 'CAS', shortName: '中科院', fullName: '中国科学院' }]);
    expect(t4.indicators).toHaveLength(1);
    expect(t4.indicators[0].code).toBe('national_key_labs');
  });

  it('takes evidence within the allow-list and size limit, refusing the rest wholly', async () => {
    const before = await count('task_evidence');
    const big = await pbc.upload('/api/tasks/T11-01/evidence?leadUnit=PBC', [
      { fileName: 'ok.pdf', data: PDF },
      { fileName: 'big.pdf', data: Buffer.concat([PDF, Buffer.alloc(3000, 0x41)]) },
    ]);
    expect(big.status).toBe(413);
    expect(big.body!.error).toMatchObject({ code: 'E_TASK_EVIDENCE_TOO_LARGE', params: { file: 'big.pdf' } });
    const exe = await pbc.upload('/api/tasks/T11-01/evidence?leadUnit=PBC', [
      { fileName: 'tool.exe', data: 'MZ\x90\x00' },
    ]);
    expect(exe.body!.error.code).toBe('E_TASK_EVIDENCE_TYPE');
    const fake = await pbc.upload('/api/tasks/T11-01/evidence?leadUnit=PBC', [
      { fileName: 'fake.pdf', data: 'not a pdf' },
    ]);
    expect(fake.status).toBe(415);
    expect(await count('task_evidence')).toBe(before);
    expect(readdirSync(evidenceRoot)).toEqual([]);
    const other = await gacc.upload('/api/tasks/T11-01/evidence?leadUnit=PBC', [
      { fileName: 'ok.pdf', data: PDF },
    ]);
    expect(other.status).toBe(403);
    const ok = await pbc.upload('/api/tasks/T11-01/evidence?leadUnit=PBC', [
      { fileName: '试点方案.pdf', data: PDF, contentType: 'application/pdf' },
    ]);
    expect(ok.status).toBe(201);
    expect(ok.body!.items[0]).toMatchObject({
      sha256: sha(PDF),
      sizeBytes: PDF.length,
      fileName: '试点方案.pdf',
      reportId: null,
      mediaType: 'application/pdf',
    });
    expect(readdirSync(path.join(evidenceRoot, sha(PDF).slice(0, 2)))).toEqual([sha(PDF)]);
  });

  it("refuses a report on another unit's task (403, audited) and bad input, writing nothing", async () => {
    const denied = await gacc.send('POST', '/api/tasks/T11-01/reports', {
      leadUnit: 'GACC',
      period: '2026Q3',
      text: '越权',
      percent: 10,
    });
    expect(denied.status).toBe(403);
    expect(denied.body!.error.code).toBe('E_AUTH_FORBIDDEN');
    expect((await audit('auth.denied')).at(-1)).toMatchObject({
      actor: 'owner.gacc',
      object_type: 'task',
      object_id: 'T11-01',
    });
    const asOther = await gacc.send('POST', '/api/tasks/T11-01/reports', {
      leadUnit: 'PBC',
      period: '2026Q3',
      text: '冒名',
      percent: 10,
    });
    expect(asOther.status).toBe(403);
    expect((await audit('auth.denied')).at(-1)).toMatchObject({
      actor: 'owner.gacc',
      object_type: 'lead_unit',
      object_id: 'PBC',
    });
    for (const percent of [101, -1]) {
      const r = await pbc.send('POST', '/api/tasks/T11-01/reports', {
        leadUnit: 'PBC',
        period: '2026Q3',
        text: '进度',
        percent,
      });
      expect(r.body!.error).toMatchObject({
        code: 'E_TASK_PERCENT_INVALID',
        message: `完成进度 ${percent} 无效：应在 0 到 100 之间`,
      });
    }
    expect(
      (
        await pbc.send('POST', '/api/tasks/T11-01/reports', {
          leadUnit: 'PBC',
          period: '2027Q1',
          text: '未来',
          percent: 5,
        })
      ).body!.error.code,
    ).toBe('E_TASK_PERIOD_INVALID');
    expect(
      (
        await pbc.send('POST', '/api/tasks/T11-01/reports', {
          leadUnit: 'PBC',
          period: '2026Q3',
          text: 'x',
          percent: 5,
          evidenceIds: [999],
        })
      ).body!.error.code,
    ).toBe('E_TASK_EVIDENCE_NOT_FOUND');
    expect(await count('task_report')).toBe(0);
  });

  it('runs report → return → fix → accept; the percent is the lowest accepted and sets the colour', async () => {
    const ev = (
      await s.t.db
        .selectFrom('task_evidence')
        .select('id')
        .where('task_code', '=', 'T11-01')
        .executeTakeFirstOrThrow()
    ).id;
    const ms = (
      await s.t.db
        .selectFrom('task_milestone')
        .select('id')
        .where('task_code', '=', 'T11-01')
        .executeTakeFirstOrThrow()
    ).id;
    const first = await pbc.send('POST', '/api/tasks/T11-01/reports', {
      leadUnit: 'PBC',
      period: '2026Q3',
      text: '方案起草中',
      percent: 60,
      evidenceIds: [ev],
    });
    expect(first.status).toBe(201);
    expect(
      (
        await pbc.send('POST', '/api/tasks/T11-01/reports', {
          leadUnit: 'PBC',
          period: '2026Q3',
          text: '重复',
          percent: 61,
        })
      ).body!.error.code,
    ).toBe('E_TASK_REPORT_EXISTS');
    expect((await pbc.send('POST', `/api/tasks/reports/${first.body!.id}/accept`, {})).status).toBe(403);
    expect(
      (await coord.send('POST', `/api/tasks/reports/${first.body!.id}/return`, { reason: '' })).status,
    ).toBe(400);
    expect(
      (
        await coord.send('POST', `/api/tasks/reports/${first.body!.id}/return`, {
          reason: '请补充试点方案文号',
        })
      ).status,
    ).toBe(204);
    const returned = await pbc.send('GET', '/api/tasks/reminders');
    expect(returned.body!.items.map((i: Json) => [i.kind, i.taskCode])).toContainEqual([
      'report_returned',
      'T11-01',
    ]);
    const fixed = await pbc.send('POST', '/api/tasks/T11-01/reports', {
      leadUnit: 'PBC',
      period: '2026Q3',
      text: '方案已印发（文号见附件）',
      percent: 80,
      milestones: [{ milestoneId: ms, doneOn: '2026-11-20' }],
    });
    expect(fixed.status).toBe(201);
    expect((await coord.send('POST', `/api/tasks/reports/${fixed.body!.id}/accept`, {})).status).toBe(204);
    expect(
      (await coord.send('POST', `/api/tasks/reports/${fixed.body!.id}/accept`, {})).body!.error.code,
    ).toBe('E_TASK_REPORT_NOT_PENDING');
    // Start 2023-03-31, due 2026-12-20: 1360 days, 1338 elapsed → time share 98.4; 80 lags by 18.4 → yellow.
    let t = await task(anon, 'T11-01');
    expect(t).toMatchObject({ percent: 80, timeShare: 98.4, colour: 'yellow', colourReason: 'behind' });
    expect(t.milestones[0]).toMatchObject({ doneOn: '2026-11-20', state: 'met' });
    const cqReport = await cq.send('POST', '/api/tasks/T11-01/reports', {
      leadUnit: 'CQ',
      period: '2026Q3',
      text: '重庆进展',
      percent: 70,
    });
    await coord.send('POST', `/api/tasks/reports/${cqReport.body!.id}/accept`, {});
    t = await task(anon, 'T11-01');
    expect(t).toMatchObject({ percent: 70, colour: 'yellow' });
    // Anonymous callers see no reports; a task owner only its own unit's; the coordinator all, with the timeline.
    expect(t.reports).toEqual([]);
    const own = await task(pbc, 'T11-01');
    expect(own.reports.map((r: Json) => [r.leadUnit.code, r.revision, r.status])).toEqual([
      ['PBC', 1, 'returned'],
      ['PBC', 2, 'accepted'],
    ]);
    expect(own.reports[0].evidence[0]).toMatchObject({
      sha256: sha(PDF),
      href: `/api/tasks/evidence/${ev}/file`,
    });
    expect(own.visibleUnits).toEqual(['PBC']);
    const full = await task(coord, 'T11-01');
    expect(full.reports).toHaveLength(3);
    expect(full.owners.map((o: Json) => o.username).sort()).toEqual(['owner.cq', 'owner.pbc']);
    expect(full.timeline.map((e: Json) => e.kind)).toEqual(
      expect.arrayContaining(['report_submitted', 'report_returned', 'report_accepted', 'milestone_done']),
    );
    const file = await pbc.send('GET', `/api/tasks/evidence/${ev}/file`);
    expect(file.status).toBe(200);
    expect(file.raw.equals(PDF)).toBe(true);
    expect((await gacc.send('GET', `/api/tasks/evidence/${ev}/file`)).status).toBe(403);
    expect((await anon.send('GET', `/api/tasks/evidence/${ev}/file`)).status).toBe(401);
  });

  it('applies configurable rules: blue ahead, then an approved extension moves the due date', async () => {
    const r = await cq.send('POST', '/api/tasks/T03-04/reports', {
      leadUnit: 'CQ',
      period: '2026Q4',
      text: '已完成选址',
      percent: 44,
    });
    await coord.send('POST', `/api/tasks/reports/${r.body!.id}/accept`, {});
    expect(await task(anon, 'T03-04')).toMatchObject({ percent: 44, timeShare: 25, colour: 'green' }); // +19
    await coord.send('PATCH', '/api/tasks/settings', { statusRules: { blueLeadPoints: 19 } });
    expect(await task(anon, 'T03-04')).toMatchObject({ colour: 'blue', colourReason: 'ahead' });
    await coord.send('PATCH', '/api/tasks/settings', { statusRules: { blueLeadPoints: 20 } });
    const late = await cq.send('POST', '/api/tasks/T03-04/extensions', {
      leadUnit: 'CQ',
      newDueDate: '2026-12-01',
      reason: '设备到货推迟',
    });
    expect(late.body!.error.code).toBe('E_TASK_EXTENSION_DATE');
    expect(
      (
        await cq.send('POST', '/api/tasks/T03-01/extensions', {
          leadUnit: 'CQ',
          newDueDate: '2027-12-01',
          reason: 'x',
        })
      ).body!.error.code,
    ).toBe('E_TASK_NO_DUE_DATE');
    const ext = await cq.send('POST', '/api/tasks/T03-04/extensions', {
      leadUnit: 'CQ',
      newDueDate: '2027-02-28',
      reason: '设备到货推迟',
    });
    expect(ext.status).toBe(201);
    expect(
      (
        await cq.send('POST', '/api/tasks/T03-04/extensions', {
          leadUnit: 'CQ',
          newDueDate: '2027-03-28',
          reason: 'again',
        })
      ).body!.error.code,
    ).toBe('E_TASK_EXTENSION_PENDING');
    expect((await coord.send('POST', `/api/tasks/extensions/${ext.body!.id}/approve`, {})).status).toBe(204);
    // Due 2027-02-28: 102 days from 2026-11-18, 10 elapsed → 9.8; 44 leads by 34.2 → blue.
    expect(await task(anon, 'T03-04')).toMatchObject({
      dueDate: '2027-02-28',
      timeShare: 9.8,
      colour: 'blue',
      colourReason: 'ahead',
    });
    const refused = await pbc.send('POST', '/api/tasks/T11-01/extensions', {
      leadUnit: 'PBC',
      newDueDate: '2027-03-31',
      reason: '协调中',
    });
    expect(
      (
        await coord.send('POST', `/api/tasks/extensions/${refused.body!.id}/refuse`, {
          reason: '不符合延期条件',
        })
      ).status,
    ).toBe(204);
    expect((await task(coord, 'T11-01')).dueDate).toBe('2026-12-20');
    expect((await audit('task.extension_approved'))[0]).toMatchObject({
      before_json: expect.stringContaining('2026-12-28'),
    });
  });

  it('splits and re-assigns tasks', async () => {
    const split = await coord.send('POST', '/api/tasks/T03-04/split', {
      parts: [
        { titleZh: '甲一', titleEn: 'A1' },
        { titleZh: '甲二', titleEn: 'A2' },
      ],
    });
    expect(split.body!.codes).toEqual(['T03-04-01', 'T03-04-02']);
    expect((await coord.send('PUT', '/api/tasks/T03-04-02/lead-units', { codes: ['MOST'] })).status).toBe(
      204,
    );
    const child = await task(anon, 'T03-04-02');
    expect(child).toMatchObject({
      parentCode: 'T03-04',
      leadUnits: [{ code: 'MOST' }],
      coUnits: [{ code: 'CAS' }],
      dueDate: '2027-02-28',
    });
    expect((await task(anon, 'T03-04')).children).toEqual(['T03-04-01', 'T03-04-02']);
    expect(await audit('task.lead_units_changed')).toHaveLength(1);
  });

  it('signs off closure only with every final report accepted; a closed task takes no more', async () => {
    const early = await coord.send('POST', '/api/tasks/T03-05/close', { summary: '完成' });
    expect(early.body!.error).toMatchObject({
      code: 'E_TASK_CLOSURE_INCOMPLETE',
      params: { missing: '重庆市' },
    });
    expect(
      (
        await cq.send('POST', '/api/tasks/T03-05/reports', {
          leadUnit: 'CQ',
          period: '2026Q4',
          text: 'x',
          percent: 90,
          final: true,
        })
      ).body!.error.code,
    ).toBe('E_TASK_FINAL_PERCENT');
    const fin = await cq.send('POST', '/api/tasks/T03-05/reports', {
      leadUnit: 'CQ',
      period: '2026Q4',
      text: '全部完成',
      percent: 100,
      final: true,
    });
    await coord.send('POST', `/api/tasks/reports/${fin.body!.id}/accept`, {});
    expect((await coord.send('POST', '/api/tasks/T03-05/close', { summary: '办结销号' })).status).toBe(204);
    expect(await task(anon, 'T03-05')).toMatchObject({
      closedOn: '2026-11-28',
      colour: 'blue',
      colourReason: 'closed_early',
      percent: 100,
    });
    expect(
      (
        await cq.send('POST', '/api/tasks/T03-05/extensions', {
          leadUnit: 'CQ',
          newDueDate: '2027-06-30',
          reason: 'x',
        })
      ).body!.error.code,
    ).toBe('E_TASK_CLOSED');
  });

  it('scores lead units by hand on 2026-11-28 and gives each user their reminders', async () => {
    const board = await pbc.send('GET', '/api/tasks/scoreboard');
    const row = board.body!.items.find((r: Json) => r.leadUnit.code === 'PBC');
    // 2 tasks; the 2026Q3 reports are due 2026-11-29 (60 grace days): nothing due yet; no due dates passed;
    // the milestone was met early → (0.2·1 + 0.15·1) / 0.35 = 100.
    expect(row).toMatchObject({
      tasksLed: 2,
      reportsDue: 0,
      onTimeReportRate: null,
      tasksDueOrClosed: 0,
      onTimeClosureRate: null,
      overdue: 0,
      notOverdueRate: 1,
      milestonesDue: 1,
      milestonesMet: 1,
      milestoneRate: 1,
      score: 100,
    });
    expect((await anon.send('GET', '/api/tasks/scoreboard')).status).toBe(401);
    const mine = await pbc.send('GET', '/api/tasks/reminders');
    expect(mine.body!.items.map((i: Json) => [i.kind, i.taskCode, i.date])).toEqual([
      ['report_due', 'T11-02', '2026-11-29'],
    ]);
    const dry = await coord.send('POST', '/api/tasks/reminders/digest?dryRun=true');
    expect(dry.body).toMatchObject({ dryRun: true, written: 0 });
    const run = await coord.send('POST', '/api/tasks/reminders/digest');
    expect(run.body!.written).toBe(dry.body!.digests.length);
    expect((await coord.send('POST', '/api/tasks/reminders/digest')).body).toMatchObject({
      written: 0,
      alreadyWritten: run.body!.written,
    });
    const outbox = await s.t.db
      .selectFrom('task_reminder_outbox')
      .selectAll()
      .where('username', '=', 'owner.pbc')
      .execute();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ digest_date: '2026-11-28', item_count: 1, sent_at: null });
  });

  it('turns a task red once its due date passes, and the scoreboard reflects it (2027-01-05)', async () => {
    later = await buildApp({
      db: s.t,
      clock: fixedClock('2027-01-05'),
      version: 'test',
      auth: authConfigFromEnv({}),
    });
    await later.ready();
    const a = new Client(later);
    expect((await a.send('GET', '/api/tasks/T11-01')).body).toMatchObject({
      colour: 'red',
      colourReason: 'overdue',
    });
    const p = new Client(later);
    await p.login('owner.pbc', 'Jinfo-Hills-Pass-4271');
    expect(
      (
        await p.send('POST', '/api/tasks/T11-01/extensions', {
          leadUnit: 'PBC',
          newDueDate: '2027-06-30',
          reason: '补救',
        })
      ).body!.error,
    ).toMatchObject({
      code: 'E_TASK_EXTENSION_TOO_LATE',
      message: '延期申请须在截止日期 2026-12-20 之前提出（今天 2027-01-05）',
    });
    const row = (await p.send('GET', '/api/tasks/scoreboard')).body!.items.find(
      (r: Json) => r.leadUnit.code === 'PBC',
    );
    // 2026Q3 now due for both tasks (deadline 2026-11-29): T11-01's was filed 2026-11-28 (on time), T11-02's never.
    // T11-01 due 2026-12-20, open → overdue. (0.3·0.5 + 0.2·0 + 0.2·0.5 + 0.15·1) / 0.85.
    expect(row).toMatchObject({
      reportsDue: 2,
      reportsOnTime: 1,
      onTimeReportRate: 0.5,
      tasksDueOrClosed: 1,
      closedOnTime: 0,
      onTimeClosureRate: 0,
      overdue: 1,
      notOverdueRate: 0.5,
      colours: { red: 1, yellow: 0, green: 1, blue: 0 },
    });
    expect(row.score).toBeCloseTo((100 * 0.4) / 0.85, 9);
    const reminders = (await p.send('GET', '/api/tasks/reminders')).body!.items.map((i: Json) => [
      i.kind,
      i.taskCode,
    ]);
    // 2026Q4 has ended: its reports are due by 2027-03-01 (60 grace days) from both tasks.
    expect(reminders).toEqual([
      ['task_overdue', 'T11-01'],
      ['report_due', 'T11-01'],
      ['report_overdue', 'T11-02'],
      ['report_due', 'T11-02'],
    ]);
  });

  it('exports tasks and the scoreboard as .xlsx', async () => {
    const r = await coord.send('GET', '/api/tasks/export.xlsx');
    expect(r.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.raw as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['任务 Tasks', '考核 Scoreboard', '评分规则 Rules']);
    expect(wb.getWorksheet('任务 Tasks')!.rowCount).toBe(1 + 54 + 5);
    const sb = wb.getWorksheet('考核 Scoreboard')!;
    const pbcRow = sb.getRows(2, sb.rowCount - 1)!.find((row) => row.getCell(3).value === 'PBC')!;
    expect(pbcRow.getCell(4).value).toBe(100);
  });
});
