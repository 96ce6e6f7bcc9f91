// The web app served from memory: cache headers, compressed variants checked against the file, deep
// links answered with index.html, nothing outside dist reachable.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerWebApp } from './web-app.ts';

const INDEX = '<!doctype html><title>app</title>' + '<!-- padding -->'.repeat(64);
const SCRIPT = 'console.log("chunk");\n'.repeat(200);

describe('web app served from memory', () => {
  let dir: string;
  let app: FastifyInstance;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'scimon-web-'));
    const dist = path.join(dir, 'dist');
    await mkdir(path.join(dist, 'assets'), { recursive: true });
    await writeFile(path.join(dist, 'index.html'), INDEX);
    await writeFile(path.join(dist, 'robots.txt'), 'User-agent: *\n');
    await writeFile(path.join(dist, 'assets', 'main-abc123.js'), SCRIPT);
    // A stale precompressed variant (of other content) must not be served for this file.
    await writeFile(path.join(dist, 'assets', 'main-abc123.js.gz'), gzipSync('stale'));
    await writeFile(path.join(dir, 'secret.txt'), 'outside dist');
    app = Fastify();
    const web = registerWebApp(app, dist);
    app.setNotFoundHandler(async (req, reply) => {
      const sent = await web.serve(req, reply);
      return sent ?? reply.code(404).send('missing');
    });
    await app.ready();
  });

  afterAll(async () => {
    await app.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('sends hashed assets with a one-year immutable cache, compressed as the caller accepts', async () => {
    const br = await app.inject({
      url: '/assets/main-abc123.js',
      headers: { 'accept-encoding': 'gzip, br' },
    });
    expect(br.statusCode).toBe(200);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers['content-type']).toMatch(/^text\/javascript/);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(SCRIPT);

    const gz = await app.inject({ url: '/assets/main-abc123.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    // Made afresh: the stale .gz beside the file does not decode to it.
    expect(gunzipSync(gz.rawPayload).toString()).toBe(SCRIPT);

    const plain = await app.inject({ url: '/assets/main-abc123.js' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.payload).toBe(SCRIPT);
  });

  it('answers 304 to a matching If-None-Match', async () => {
    const first = await app.inject({ url: '/assets/main-abc123.js' });
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^".+"$/);
    const again = await app.inject({ url: '/assets/main-abc123.js', headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.payload).toBe('');
  });

  it('revalidates index.html and serves it for deep links and for unknown assets', async () => {
    for (const url of ['/', '/policy', '/tasks/T-1?tab=x', '/assets/missing-123.js']) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.payload, url).toBe(INDEX);
    }
    const robots = await app.inject({ url: '/robots.txt' });
    expect(robots.payload).toBe('User-agent: *\n');
  });

  it('never reaches outside dist', async () => {
    for (const url of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/.%2e/secret.txt',
    ]) {
      const res = await app.inject({ url });
      expect(res.payload, url).not.toContain('outside dist');
    }
  });
});
