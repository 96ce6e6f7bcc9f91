// Import, batch writes, history with stale-edit refusal, and the export round trip over HTTP, on both dialects.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testDialects } from '../../../../test-support/databases.ts';
import {
  createSeededApp,
  fixedClock,
  TEST_ADMIN_PASSWORD,
  type SeededApp,
} from '../../../../test-support/app.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

/** A cookie jar over inject() that sends the CSRF header, JSON bodies and multipart uploads. */
class Client {
  cookies = new Map<string, string>();
  constructor(readonly app: FastifyInstance) {}
  private headers(extra: Record<string, string> = {}) {
    const h: Record<string, string> = { ...extra };
    if (this.cookies.size) h.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (this.cookies.has('scimon_csrf')) h['x-csrf-token'] = this.cookies.get('scimon_csrf')!;
    return h;
  }
  async send(method: 'GET' | 'POST', url: string, body?: unknown) {
    const res = await this.app.inject({
      method,
      url,
      headers: this.headers(),
      ...(body === undefined ? {} : { payload: body as object }),
    });
    for (const c of res.cookies) this.cookies.set(c.name, c.value);
    return {
      status: res.statusCode,
      body: (String(res.headers['content-type'] ?? '').includes('json') ? res.json() : {}) as Json,
      raw: res.rawPayload,
    };
  }
  async upload(url: string, filename: string, content: Buffer) {
    const boundary = '----scimon-test-boundary';
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await this.app.inject({
      method: 'POST',
      url,
      payload,
      headers: this.headers({ 'content-type': `multipart/form-data; boundary=${boundary}` }),
    });
    return { status: res.statusCode, body: res.json() as Json };
  }
}

const CSV =
  'indicator,org_unit,period,value,source,comment\ngdp,CD-XLH,2026,"1,234.5",,\nhitech_enterprises,CD-XLH,2026,无,,未统计\n';

describe.each(testDialects())('data collection over HTTP on %s', (dialect) => {
  let s: SeededApp;
  let c: Client;
  beforeAll(async () => {
    s = await createSeededApp(dialect, fixedClock());
    c = new Client(s.app);
    expect(
      (await c.send('POST', '/api/auth/login', { username: 'admin', password: TEST_ADMIN_PASSWORD })).status,
    ).toBe(200);
    expect(
      (
        await c.send('POST', '/api/auth/password', {
          currentPassword: TEST_ADMIN_PASSWORD,
          newPassword: 'Tianfu-Lake-Chief-7391',
        })
      ).status,
    ).toBe(204);
  });
  afterAll(async () => s.close());

  it('refuses anonymous uploads', async () => {
    const anon = new Client(s.app);
    expect((await anon.upload('/api/imports', 'a.csv', Buffer.from(CSV))).status).toBe(401);
  });

  it('dry-runs an upload without writing, then imports it', async () => {
    const dry = await c.upload('/api/imports?dryRun=true', 'a.csv', Buffer.from(CSV));
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({
      ok: true,
      dryRun: true,
      summary: { created: 2, updated: 0, unchanged: 0, warned: 0 },
      problems: [],
      importId: null,
    });
    expect(dry.body.notices[0].message['zh-CN']).toBe('第3行 value 列：“无” 记为未填报');
    expect((await c.send('GET', '/api/data-values/gdp:CD-XLH:2026:report/history')).status).toBe(404);
    const real = await c.upload('/api/imports', 'a.csv', Buffer.from(CSV));
    expect(real.body).toMatchObject({
      ok: true,
      dryRun: false,
      summary: { created: 2, updated: 0, unchanged: 0, warned: 0 },
    });
    expect(real.body.importId).toBeGreaterThan(0);
    const h = await c.send('GET', '/api/data-values/gdp:CD-XLH:2026:report/history');
    expect(h.body).toMatchObject({
      current: { value: 1234.5, version: 1, status: 'draft' },
      items: [{ version: 1, action: 'insert', value: 1234.5, previousValue: null, changedBy: 'admin' }],
    });
    const again = await c.upload('/api/imports', 'a.csv', Buffer.from(CSV));
    expect(again.body.summary).toEqual({ created: 0, updated: 0, unchanged: 2, warned: 0 });
  });

  it('answers 422 with located problems for a refused upload', async () => {
    const r = await c.upload(
      '/api/imports?lang=en-US',
      'b.csv',
      Buffer.from('indicator,org_unit,period,value\ngdp,CD-XLH,2026,abc\n'),
    );
    expect(r.status).toBe(422);
    expect(r.body.problems).toEqual([
      {
        sheet: null,
        row: 2,
        column: 'value',
        code: 'E_IMPORT_NOT_A_NUMBER',
        value: 'abc',
        message: {
          'zh-CN': '第2行 value 列：“abc” 不是数字',
          'en-US': 'row 2, column value: "abc" is not a number',
        },
      },
    ]);
  });

  it('keeps history of edits and refuses a stale edit (no lost update)', async () => {
    const edit = await c.send('POST', '/api/data-values/batch', {
      items: [
        {
          indicator: 'gdp',
          orgUnit: 'CD-XLH',
          period: '2026',
          value: 1240,
          comment: '核对后更正',
          version: 1,
        },
      ],
    });
    expect(edit.status).toBe(200);
    expect(edit.body.summary).toEqual({ created: 0, updated: 1, unchanged: 0, warned: 0 });
    const stale = await c.send('POST', '/api/data-values/batch', {
      items: [{ indicator: 'gdp', orgUnit: 'CD-XLH', period: '2026', value: 1250, version: 1 }],
    });
    expect(stale.status).toBe(409);
    expect(stale.body.problems[0]).toMatchObject({ code: 'E_DATA_VALUE_STALE', row: 1, column: 'value' });
    expect(stale.body.problems[0].message['en-US']).toBe(
      'row 1, column value: Someone changed this value meanwhile (version 2, yours 1): reload and try again',
    );
    const h = await c.send('GET', '/api/data-values/gdp:CD-XLH:2026:report/history');
    expect(h.body.items.map((i: Json) => [i.version, i.value, i.previousValue, i.comment])).toEqual([
      [1, 1234.5, null, null],
      [2, 1240, 1234.5, '核对后更正'],
    ]);
  });

  it('asks for a comment on a warned value unless warnings are accepted', async () => {
    // CD-XLH's sample gdp 2025 is about 700; 7,000,000 is ~10⁴ times its history.
    const item = { indicator: 'gdp', orgUnit: 'CD-XLH', period: '2027', value: 7000000 };
    const refused = await c.send('POST', '/api/data-values/batch', { items: [item], source: 'sample' });
    expect(refused.status).toBe(422);
    expect(refused.body.problems[0].code).toBe('E_IMPORT_COMMENT_REQUIRED');
    expect(refused.body.problems[0].message['en-US']).toContain('万元 and 亿元 mixed up?');
    const accepted = await c.send('POST', '/api/data-values/batch', {
      items: [item],
      source: 'sample',
      acceptWarnings: true,
      dryRun: true,
    });
    expect(accepted.body).toMatchObject({ ok: true, summary: { created: 1, warned: 1 } });
  });

  it('exports byte-identically, with the exact header, and the export imports back unchanged', async () => {
    const a = await c.send('GET', '/api/exports');
    const b = await c.send('GET', '/api/exports');
    expect(a.status).toBe(200);
    expect(Buffer.compare(a.raw, b.raw)).toBe(0);
    const text = a.raw.toString('utf8');
    expect(text.startsWith('\uFEFFindicator,org_unit,period,value,source,comment\n')).toBe(true);
    expect(text).toContain('\ngdp,CD-XLH,2026,1240,report,核对后更正\n');
    expect(text).toContain('\nhitech_enterprises,CD-XLH,2026,,report,未统计\n');
    const rows = text.trimEnd().split('\n').length - 1;
    const back = await c.upload('/api/imports', 'export.csv', a.raw);
    expect(back.body.summary).toEqual({ created: 0, updated: 0, unchanged: rows, warned: 0 });
    const x = await c.send('GET', '/api/exports?format=xlsx&orgUnit=CD-KXC');
    const xb = await c.upload('/api/imports', 'export.xlsx', x.raw);
    expect(xb.body.ok).toBe(true);
    expect(xb.body.summary.created + xb.body.summary.updated).toBe(0);
  });
});
