// A cookie jar over inject(): keeps the session and CSRF cookies like a browser and echoes the CSRF token
// on writes, for route tests of any feature. Also builds multipart bodies (file uploads) by hand.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { createUser } from '@scimon/server/modules/users/users.service';
import { authConfigFromEnv } from '@scimon/server/modules/auth/auth.config';
import type { Role } from '@scimon/contracts';
import type { Clock } from '@scimon/server/clock';
import type { DialectName } from '@scimon/db';
import type { SeededApp } from './app.ts';
import { createSeededApp, fixedClock, TEST_ADMIN_PASSWORD } from './app.ts';

// Response bodies are read loosely in assertions.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = Record<string, any>;

/** The password of users made by userClient (passes the rules; contains no test username). */
export const USER_PASSWORD = 'Jinfo-Hills-Pass-4271';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Reply {
  status: number;
  body: Json | null;
  headers: LightMyRequestResponse['headers'];
  raw: Buffer;
}

export interface FilePart {
  field?: string;
  fileName: string;
  contentType?: string;
  data: Buffer | string;
}

/** A multipart/form-data body with text fields and files. */
export function multipartBody(fields: Record<string, string>, files: readonly FilePart[]) {
  const boundary = `----scimon${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields))
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  for (const f of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${f.field ?? 'file'}"; filename="${f.fileName}"\r\n` +
          `Content-Type: ${f.contentType ?? 'application/octet-stream'}\r\n\r\n`,
      ),
    );
    chunks.push(Buffer.isBuffer(f.data) ? f.data : Buffer.from(f.data));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

export class Client {
  cookies = new Map<string, string>();
  constructor(readonly app: FastifyInstance) {}

  async send(
    method: Method,
    url: string,
    body?: unknown,
    opts: { csrf?: boolean; headers?: Record<string, string> } = {},
  ): Promise<Reply> {
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (opts.csrf !== false && this.cookies.has('scimon_csrf'))
      headers['x-csrf-token'] = this.cookies.get('scimon_csrf')!;
    const res = await this.app.inject({
      method,
      url,
      headers,
      ...(body === undefined ? {} : { payload: Buffer.isBuffer(body) ? body : (body as object) }),
    });
    this.keep(res);
    const json =
      (res.headers['content-type'] ?? '').toString().includes('json') && res.body
        ? (res.json() as Json)
        : null;
    return { status: res.statusCode, body: json, headers: res.headers, raw: res.rawPayload };
  }

  /** Uploads files (and fields) as multipart/form-data. */
  upload(url: string, files: readonly FilePart[], fields: Record<string, string> = {}) {
    const { payload, contentType } = multipartBody(fields, files);
    return this.send('POST', url, payload, { headers: { 'content-type': contentType } });
  }

  private keep(res: LightMyRequestResponse) {
    for (const c of res.cookies) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }

  login(username: string, password: string) {
    return this.send('POST', '/api/auth/login', { username, password });
  }
}

/** Signs in as `admin` of a seeded app and changes the initial password (required before any write). */
export async function adminClient(s: SeededApp, newPassword = 'Tianfu-Lake-Chief-7391'): Promise<Client> {
  const c = new Client(s.app);
  let r = await c.login('admin', TEST_ADMIN_PASSWORD);
  if (r.status !== 200) r = await c.login('admin', newPassword);
  else if (r.body?.mustChangePassword)
    await c.send('POST', '/api/auth/password', { currentPassword: TEST_ADMIN_PASSWORD, newPassword });
  if (r.status !== 200) throw new Error(`admin sign-in failed: ${JSON.stringify(r.body)}`);
  return c;
}

/** A seeded app on a fresh database of the dialect and a signed-in admin client of it. */
export async function seededAppWithAdmin(
  dialect: DialectName,
  clock: Clock = fixedClock(),
): Promise<{ s: SeededApp; admin: Client }> {
  const s = await createSeededApp(dialect, clock);
  return { s, admin: await adminClient(s) };
}

/** Creates a user with a role (password already changed) and returns a signed-in client. */
export async function userClient(s: SeededApp, username: string, role: Role, scope: string): Promise<Client> {
  const password = USER_PASSWORD;
  const created = await createUser(
    s.t.db,
    authConfigFromEnv({}),
    { actor: 'test', at: '2026-01-01T00:00:00+08:00' },
    {
      username,
      password,
      role,
      scope,
      mustChangePassword: false,
    },
  );
  if (!created.ok) throw new Error(`user ${username} not created: ${JSON.stringify(created.error)}`);
  const c = new Client(s.app);
  const r = await c.login(username, password);
  if (r.status !== 200) throw new Error(`sign-in of ${username} failed: ${JSON.stringify(r.body)}`);
  return c;
}
