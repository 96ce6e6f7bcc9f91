// The submission workflow over HTTP on both dialects: the full path from draft to a revised published
// value, bulk atomicity, scope, stale versions, deadlines and hand-computed reporting rates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../../../test-support/databases.ts';
import { createSeededApp, fixedClock, type SeededApp } from '../../../../../test-support/app.ts';
import { adminClient, Client, userClient, type Json } from '../../../../../test-support/http-client.ts';

const FW = 'wsc-2023';

async function write(c: Client, orgUnit: string, period: string, value: number) {
  return c.send('POST', '/api/data-values/batch', {
    items: [{ indicator: 'gdp', orgUnit, period, value }],
    acceptWarnings: true,
  });
}

async function findSub(c: Client, orgUnit: string, period: string): Promise<Json | undefined> {
  const r = await c.send('GET', `/api/submissions?period=${period}`);
  expect(r.status).toBe(200);
  return (r.body as unknown as Json[]).find((s) => s.orgUnit.code === orgUnit);
}

describe.each(testDialects())('submission workflow on %s', (dialect) => {
  let s: SeededApp;
  let admin: Client;
  let rep: Client;
  let revSC: Client;
  let revCQ: Client;
  let coord: Client;
  beforeAll(async () => {
    s = await createSeededApp(dialect, fixedClock('2025-06-10'));
    admin = await adminClient(s);
    rep = await userClient(s, 'rep-xjj', 'reporter', 'CD-XJJ');
    revSC = await userClient(s, 'rev-sc', 'reviewer', 'WSC-SC');
    revCQ = await userClient(s, 'rev-cq', 'reviewer', 'WSC-CQ');
    coord = await userClient(s, 'coord', 'coordinator', 'WSC');
  });
  afterAll(async () => s.close());

  it('goes draft → submitted → returned → submitted → approved → published → revised', async () => {
    expect((await write(rep, 'CD-XJJ', '2024', 100)).status).toBe(200);
    expect((await write(admin, 'CQ-GXQ', '2024', 50)).status).toBe(200);

    // A draft appears for the reporter's park only, with what the reporter may do.
    const mine = await rep.send('GET', '/api/submissions?period=2024');
    expect((mine.body as unknown as Json[]).map((x) => x.orgUnit.code)).toEqual(['CD-XJJ']);
    let sub = (await findSub(rep, 'CD-XJJ', '2024'))!;
    expect(sub).toMatchObject({
      framework: FW,
      status: 'draft',
      version: 1,
      valueCount: 1,
      deadline: '2025-06-30',
      onTime: null,
      allowedActions: ['submit'],
    });
    expect(sub.missingCount).toBeGreaterThan(0);
    const other = (await findSub(admin, 'CQ-GXQ', '2024'))!;

    // A reporter cannot submit another park, nor approve.
    expect((await rep.send('POST', `/api/submissions/${other.id}/submit`, { version: 1 })).status).toBe(403);
    expect((await rep.send('GET', `/api/submissions/${other.id}`)).status).toBe(403);

    let r = await rep.send('POST', `/api/submissions/${sub.id}/submit`, { version: 1 });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'submitted', version: 2, submittedBy: 'rep-xjj', onTime: true });
    expect(r.body!.values[0]).toMatchObject({ indicator: 'gdp', value: 100, status: 'submitted' });

    // Submitted values are locked against import and batch writes.
    r = await write(rep, 'CD-XJJ', '2024', 101);
    expect(r.status).toBe(422);
    expect(r.body!.problems[0].code).toBe('E_IMPORT_LOCKED');

    expect((await rep.send('POST', `/api/submissions/${sub.id}/approve`, { version: 2 })).status).toBe(403);
    expect((await revCQ.send('POST', `/api/submissions/${sub.id}/approve`, { version: 2 })).status).toBe(403);

    // Return needs a reason; a stale version is refused.
    r = await revSC.send('POST', `/api/submissions/${sub.id}/return?lang=en-US`, { version: 2 });
    expect(r.status).toBe(400);
    expect(r.body!.error).toMatchObject({
      code: 'E_WORKFLOW_REASON_REQUIRED',
      message: 'A reason is required to return',
    });
    r = await revSC.send('POST', `/api/submissions/${sub.id}/return`, { version: 1, reason: '数值偏低' });
    expect(r.status).toBe(409);
    expect(r.body!.error.code).toBe('E_WORKFLOW_STALE');
    r = await revSC.send('POST', `/api/submissions/${sub.id}/return`, {
      version: 2,
      reason: '数值偏低，请核实',
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'returned', reason: '数值偏低，请核实', reviewedBy: 'rev-sc' });

    // The reporter sees the returned submission with its reason, edits and resubmits.
    sub = (await findSub(rep, 'CD-XJJ', '2024'))!;
    expect(sub).toMatchObject({ status: 'returned', reason: '数值偏低，请核实', allowedActions: ['submit'] });
    expect((await write(rep, 'CD-XJJ', '2024', 110)).status).toBe(200);
    r = await rep.send('POST', `/api/submissions/${sub.id}/submit`, { version: sub.version });
    expect(r.body).toMatchObject({ status: 'submitted', reason: null });

    // Approve (allowed for the Sichuan reviewer); approving twice is a state error.
    const revView = (await findSub(revSC, 'CD-XJJ', '2024'))!;
    expect(revView.allowedActions).toEqual(['return', 'approve']);
    r = await revSC.send('POST', `/api/submissions/${sub.id}/approve`, { version: revView.version });
    expect(r.status).toBe(200);
    expect(r.body!.status).toBe('approved');
    expect(r.body!.values[0].status).toBe('approved');
    r = await revSC.send('POST', `/api/submissions/${sub.id}/approve`, { version: r.body!.version });
    expect(r.status).toBe(409);
    expect(r.body!.error.code).toBe('E_WORKFLOW_STATE');
    expect((await write(rep, 'CD-XJJ', '2024', 111)).body!.problems[0].code).toBe('E_IMPORT_LOCKED');

    // Unapproving needs a reason; it goes back to returned.
    let cur = (await findSub(revSC, 'CD-XJJ', '2024'))!;
    expect(cur.allowedActions).toEqual(['unapprove']);
    r = await revSC.send('POST', `/api/submissions/${sub.id}/unapprove`, { version: cur.version });
    expect(r.status).toBe(400);
    r = await revSC.send('POST', `/api/submissions/${sub.id}/unapprove`, {
      version: cur.version,
      reason: '口径有误',
    });
    expect(r.body).toMatchObject({ status: 'returned', reason: '口径有误' });
    r = await rep.send('POST', `/api/submissions/${sub.id}/submit`, { version: r.body!.version });
    r = await revSC.send('POST', `/api/submissions/${sub.id}/approve`, { version: r.body!.version });
    expect(r.body!.status).toBe('approved');

    // Not yet public.
    const anon = new Client(s.app);
    const q = '/api/data-values?indicator=gdp&orgUnit=CD-XJJ&period=2024&source=report';
    expect((await anon.send('GET', q)).body!.items).toEqual([]);

    // Releases: reporters and reviewers may not publish; the coordinator publishes what is approved.
    const body = { framework: FW, period: '2024', note: '2024 年度数据发布' };
    expect((await revSC.send('POST', '/api/releases', body)).status).toBe(403);
    r = await coord.send('POST', '/api/releases', body);
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ framework: FW, period: '2024', valueCount: 1, publishedBy: 'coord' });
    r = await coord.send('POST', '/api/releases', body);
    expect(r.status).toBe(409);
    expect(r.body!.error.code).toBe('E_WORKFLOW_NOTHING_APPROVED');
    expect((await anon.send('GET', `/api/releases?framework=${FW}`)).body).toHaveLength(1);
    expect((await findSub(admin, 'CQ-GXQ', '2024'))!.status).toBe('draft');

    let pub = (await anon.send('GET', q)).body!.items as Json[];
    expect(pub).toHaveLength(1);
    expect(pub[0]).toMatchObject({ value: 110, status: 'published', revisions: [] });
    cur = (await findSub(rep, 'CD-XJJ', '2024'))!;
    expect(cur).toMatchObject({ status: 'published', allowedActions: [] });
    expect((await write(rep, 'CD-XJJ', '2024', 112)).body!.problems[0].code).toBe('E_IMPORT_LOCKED');

    // Revision (修订): reviewers in scope only; reason required; the old value stays visible.
    const rev = { version: pub[0]!.version, value: 120, reason: '统计局核定数' };
    expect((await rep.send('POST', `/api/data-values/${pub[0]!.id}/revise`, rev)).status).toBe(403);
    expect((await revCQ.send('POST', `/api/data-values/${pub[0]!.id}/revise`, rev)).status).toBe(403);
    expect(
      (await revSC.send('POST', `/api/data-values/${pub[0]!.id}/revise`, { ...rev, reason: '' })).status,
    ).toBe(400);
    r = await revSC.send('POST', `/api/data-values/${pub[0]!.id}/revise`, rev);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ value: 120, status: 'published' });
    expect((await revSC.send('POST', `/api/data-values/${pub[0]!.id}/revise`, rev)).status).toBe(409);
    pub = (await anon.send('GET', q)).body!.items as Json[];
    expect(pub[0]).toMatchObject({
      value: 120,
      status: 'published',
      revisions: [{ oldValue: 110, newValue: 120, reason: '统计局核定数', revisedBy: 'rev-sc' }],
    });
    const h = await revSC.send('GET', '/api/data-values/gdp:CD-XJJ:2024:report/history');
    expect(h.body!.revisions).toHaveLength(1);
    expect(h.body!.items.map((i: Json) => i.action)).toContain('revise');

    // The events tell the whole story.
    const detail = await rep.send('GET', `/api/submissions/${sub.id}`);
    expect(detail.body!.events.map((e: Json) => e.action)).toEqual([
      'create',
      'submit',
      'return',
      'submit',
      'approve',
      'unapprove',
      'submit',
      'approve',
      'publish',
    ]);
    expect(detail.body!.events[2]).toMatchObject({
      fromStatus: 'submitted',
      toStatus: 'returned',
      reason: '数值偏低，请核实',
    });
  });

  it('approves in bulk all or nothing', async () => {
    const parks = ['CD-SWC', 'CD-WLKJC', 'MY-GXQ', 'CQ-SPB'];
    for (const p of parks) expect((await write(admin, p, '2023', 10)).status).toBe(200);
    const items: Json[] = [];
    for (const p of parks) {
      const sub = (await findSub(admin, p, '2023'))!;
      const r = await admin.send('POST', `/api/submissions/${sub.id}/submit`, { version: sub.version });
      items.push({ id: sub.id, version: r.body!.version, park: p });
    }
    // The Sichuan reviewer cannot approve the Chongqing park: nothing is approved.
    let r = await revSC.send('POST', '/api/submissions/bulk', {
      action: 'approve',
      items: items.map(({ id, version }) => ({ id, version })),
    });
    expect(r.status).toBe(409);
    expect(r.body!.error.code).toBe('E_WORKFLOW_BULK_REFUSED');
    expect(r.body!.error.params.failures).toEqual([
      { id: items[3]!.id, code: 'E_AUTH_FORBIDDEN', params: { action: 'data.review' } },
    ]);
    for (const p of parks) expect((await findSub(admin, p, '2023'))!.status).toBe('submitted');
    // A stale version also refuses the whole batch.
    r = await revSC.send('POST', '/api/submissions/bulk', {
      action: 'approve',
      items: [
        { id: items[0]!.id, version: items[0]!.version },
        { id: items[1]!.id, version: 1 },
      ],
    });
    expect(r.status).toBe(409);
    expect(r.body!.error.params.failures[0]).toMatchObject({ id: items[1]!.id, code: 'E_WORKFLOW_STALE' });
    expect((await findSub(admin, 'CD-SWC', '2023'))!.status).toBe('submitted');
    // Bulk return needs a reason.
    r = await revSC.send('POST', '/api/submissions/bulk', {
      action: 'return',
      items: [{ id: items[0]!.id, version: items[0]!.version }],
    });
    expect(r.status).toBe(409);
    expect(r.body!.error.params.failures[0].code).toBe('E_WORKFLOW_REASON_REQUIRED');
    r = await revSC.send('POST', '/api/submissions/bulk', {
      action: 'approve',
      items: items.slice(0, 3).map(({ id, version }) => ({ id, version })),
    });
    expect(r.status).toBe(200);
    expect((r.body as unknown as Json[]).map((x) => x.status)).toEqual(['approved', 'approved', 'approved']);
    expect(
      (await rep.send('POST', '/api/submissions/bulk', { action: 'approve', items: [{ id: 1, version: 1 }] }))
        .status,
    ).toBe(403);
  });

  it('serves default deadlines and lets the coordinator change them', async () => {
    let r = await rep.send('GET', '/api/workflow/deadlines');
    expect(r.body).toEqual([
      { periodType: 'annual', month: 6, day: 30, daysAfterEnd: null },
      { periodType: 'quarterly', month: null, day: null, daysAfterEnd: 20 },
      { periodType: 'monthly', month: null, day: null, daysAfterEnd: 15 },
    ]);
    expect((await rep.send('PUT', '/api/workflow/deadlines/annual', { month: 5, day: 31 })).status).toBe(403);
    expect((await revSC.send('PUT', '/api/workflow/deadlines/annual', { month: 5, day: 31 })).status).toBe(
      403,
    );
    r = await coord.send('PUT', '/api/workflow/deadlines/annual', { month: 2, day: 30 });
    expect(r.status).toBe(400);
    expect(r.body!.error.code).toBe('E_WORKFLOW_DEADLINE_INVALID');
    r = await coord.send('PUT', '/api/workflow/deadlines/annual', { month: 5, day: 31 });
    expect(r.body).toEqual({ periodType: 'annual', month: 5, day: 31, daysAfterEnd: null });
    r = await coord.send('PUT', '/api/workflow/deadlines/quarterly', { daysAfterEnd: 30 });
    expect(r.status).toBe(200);
    r = await rep.send('GET', '/api/workflow/deadlines');
    expect(r.body![0]).toEqual({ periodType: 'annual', month: 5, day: 31, daysAfterEnd: null });
    expect(r.body![1]).toEqual({ periodType: 'quarterly', month: null, day: null, daysAfterEnd: 30 });
    expect((await findSub(rep, 'CD-XJJ', '2024'))!.deadline).toBe('2025-05-31');
    const audit = await admin.send('GET', '/api/audit?action=workflow.deadline_set');
    expect(audit.body!.items.length).toBeGreaterThanOrEqual(2);
    await coord.send('PUT', '/api/workflow/deadlines/annual', { month: 6, day: 30 });
  });
});

describe.each(testDialects())('reporting rates on %s', (dialect) => {
  let s: SeededApp;
  const clock = fixedClock('2025-06-01');
  beforeAll(async () => {
    s = await createSeededApp(dialect, clock);
  });
  afterAll(async () => s.close());

  it('counts expected, submitted and on-time parks (hand-computed)', async () => {
    let admin = await adminClient(s);
    // Five parks report 2024: two submit on time, one is submitted on time and returned, one stays draft,
    // one submits after the deadline (30 June 2025).
    for (const p of ['CD-XJJ', 'MY-GXQ', 'CD-SWC', 'CQ-SPB', 'CQ-GXQ']) await write(admin, p, '2024', 5);
    const act = async (c: Client, p: string, action: string, reason?: string) => {
      const sub = (await findSub(c, p, '2024'))!;
      const r = await c.send('POST', `/api/submissions/${sub.id}/${action}`, {
        version: sub.version,
        reason,
      });
      expect(r.status).toBe(200);
    };
    await act(admin, 'CD-XJJ', 'submit');
    await act(admin, 'MY-GXQ', 'submit');
    await act(admin, 'CD-SWC', 'submit');
    await act(admin, 'CD-SWC', 'return', '缺少说明');
    clock.advance(40 * 86_400_000); // 11 July 2025: sessions expired, sign in again
    admin = await adminClient(s);
    await act(admin, 'CQ-GXQ', 'submit');

    const r = await admin.send('GET', `/api/workflow/reporting-rates?framework=${FW}&period=2024`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      framework: FW,
      period: '2024',
      deadline: '2025-06-30',
      expected: 16,
      submitted: 3,
      onTime: 2,
      completeness: 3 / 16,
      timeliness: 2 / 16,
    });
    const units = new Map((r.body!.units as Json[]).map((u) => [u.orgUnit, u]));
    expect(units.size).toBe(16);
    expect(units.get('CQ-GXQ')).toMatchObject({ status: 'submitted', onTime: false });
    expect(units.get('CD-SWC')).toMatchObject({ status: 'returned', onTime: null });
    expect(units.get('CQ-SPB')).toMatchObject({ status: 'draft', onTime: null });
    expect(units.get('CD-XLH')).toMatchObject({ status: 'not_started', submittedAt: null });
    expect(units.has('CD-ZHKXZX')).toBe(false); // a planning area never reports

    // Within a Sichuan reviewer's scope: the nine Sichuan parks.
    const rev = await userClient(s, 'rev-sc2', 'reviewer', 'WSC-SC');
    const sc = await rev.send('GET', `/api/workflow/reporting-rates?period=2024`);
    expect(sc.body).toMatchObject({ expected: 9, submitted: 2, onTime: 2 });
    expect((await new Client(s.app).send('GET', '/api/workflow/reporting-rates?period=2024')).status).toBe(
      401,
    );
  });
});
