// Serves the built web app (packages/web/dist) from memory: hashed assets under /assets/ with a one-year
// immutable cache and their precompressed variants (`.br`, `.gz` written by the web build; gzip made here
// when missing); index.html (and any other file at the root of dist) revalidated on every request, re-read
// only when the file changed. Files are looked up on first request, so a rebuilt web app is served without
// a restart. Anything else that is not a file of dist answers index.html (the app routes on the client).
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  brotliCompress,
  brotliDecompressSync,
  constants as zlibConstants,
  gunzipSync,
  gzip,
} from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from './errors.ts';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};
/** Types worth compressing (text); images and fonts are compressed already. */
const COMPRESSIBLE = new Set([
  '.html',
  '.js',
  '.mjs',
  '.css',
  '.json',
  '.map',
  '.svg',
  '.txt',
  '.ico',
  '.wasm',
]);
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';
/** Files younger than this are served but not kept: a build may still be writing them. */
const FRESH_MS = 3000;

interface WebFile {
  type: string;
  raw: Buffer;
  gz?: Buffer;
  br?: Buffer;
  etag: string;
  mtimeMs: number;
  size: number;
}

async function readOptional(file: string): Promise<Buffer | undefined> {
  try {
    return await readFile(file);
  } catch {
    return undefined;
  }
}

function decodes(decode: () => Buffer, raw: Buffer): boolean {
  try {
    return decode().equals(raw);
  } catch {
    return false;
  }
}

/** Reads a file with its compressed variants: the build's `.br`/`.gz` when present, else made here. */
async function loadFile(file: string, mtimeMs: number, size: number): Promise<WebFile> {
  const ext = path.extname(file).toLowerCase();
  const raw = await readFile(file);
  const entry: WebFile = {
    type: TYPES[ext] ?? 'application/octet-stream',
    raw,
    etag: `"${size.toString(16)}-${Math.floor(mtimeMs).toString(16)}"`,
    mtimeMs,
    size,
  };
  if (COMPRESSIBLE.has(ext) && raw.length > 512) {
    const [br0, gz0] = await Promise.all([readOptional(`${file}.br`), readOptional(`${file}.gz`)]);
    // A variant is used only when it decodes to the file (not one left over or half written by a build).
    const br = br0 && decodes(() => brotliDecompressSync(br0), raw) ? br0 : undefined;
    const gz = gz0 && decodes(() => gunzipSync(gz0), raw) ? gz0 : undefined;
    entry.gz = gz ?? (await gzipAsync(raw, { level: 9 }));
    // Brotli at its best quality is slow; made here only for small files (index.html), else left to the build.
    entry.br =
      br ??
      (raw.length <= 64 * 1024
        ? await brotliAsync(raw, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } })
        : undefined);
    if (entry.gz.length >= raw.length) delete entry.gz;
    if (entry.br && entry.br.length >= raw.length) delete entry.br;
  }
  return entry;
}

/** The best encoding the caller accepts among those the file has. */
function pickEncoding(req: FastifyRequest, f: WebFile): 'br' | 'gzip' | null {
  if (!f.br && !f.gz) return null;
  const accept = req.headers['accept-encoding'];
  if (typeof accept !== 'string') return null;
  if (f.br && /\bbr\b/.test(accept)) return 'br';
  if (f.gz && /\bgzip\b/.test(accept)) return 'gzip';
  return null;
}

function sendFile(req: FastifyRequest, reply: FastifyReply, f: WebFile, cacheControl: string): FastifyReply {
  reply.header('cache-control', cacheControl).header('etag', f.etag).type(f.type);
  if (f.br || f.gz) reply.header('vary', 'Accept-Encoding');
  if (req.headers['if-none-match'] === f.etag) return reply.code(304).send();
  const encoding = pickEncoding(req, f);
  if (encoding) reply.header('content-encoding', encoding);
  return reply.send(encoding === 'br' ? f.br : encoding === 'gzip' ? f.gz : f.raw);
}

/** A dist-relative path that stays inside dist (no `..`, no hidden files), else null. */
function safeRelative(urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const parts = decoded.split('/').filter((p) => p !== '');
  if (parts.length === 0 || parts.some((p) => p.startsWith('.') || p.includes('\\') || p.includes('\0')))
    return null;
  return parts.join('/');
}

export interface WebApp {
  /** Sends the file of dist at the URL path, else index.html; null when even index.html is missing. */
  serve(req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | null>;
}

/** Registers GET / and GET /assets/*, and returns the handler of every other page URL (the not-found handler calls it). */
export function registerWebApp(app: FastifyInstance, root: string): WebApp {
  /** Hashed assets: a name never changes content, so an entry is kept until evicted (oldest first). */
  const assets = new Map<string, Promise<WebFile | null>>();
  const MAX_ASSETS = 2000;
  /** Files at the root of dist (index.html): kept while their size and mtime stay the same. */
  const rootFiles = new Map<string, WebFile>();

  const statFile = async (file: string) => {
    try {
      const st = await stat(file);
      return st.isFile() ? st : null;
    } catch {
      return null;
    }
  };

  const asset = (rel: string): Promise<WebFile | null> => {
    let hit = assets.get(rel);
    if (!hit) {
      const file = path.join(root, 'assets', rel);
      hit = statFile(file).then((st) => (st ? loadFile(file, st.mtimeMs, st.size) : null));
      assets.set(rel, hit);
      // A missing file (the build is being replaced), one written in the last seconds (a build may still be
      // writing it) or a failed read is looked up again next time.
      void hit.then(
        (f) => {
          if ((!f || Date.now() - f.mtimeMs < FRESH_MS) && assets.get(rel) === hit) assets.delete(rel);
        },
        () => {
          if (assets.get(rel) === hit) assets.delete(rel);
        },
      );
      if (assets.size > MAX_ASSETS) {
        const oldest = assets.keys().next().value;
        if (oldest !== undefined) assets.delete(oldest);
      }
    }
    return hit;
  };

  const rootFile = async (rel: string): Promise<WebFile | null> => {
    const file = path.join(root, rel);
    const st = await statFile(file);
    if (!st) {
      rootFiles.delete(rel);
      return null;
    }
    const known = rootFiles.get(rel);
    if (known && known.mtimeMs === st.mtimeMs && known.size === st.size) return known;
    const loaded = await loadFile(file, st.mtimeMs, st.size);
    rootFiles.set(rel, loaded);
    return loaded;
  };

  const index = async (req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | null> => {
    const f = await rootFile('index.html');
    return f ? sendFile(req, reply, f, REVALIDATE) : null;
  };

  app.get('/', { schema: { hide: true } }, async (req, reply) => {
    const sent = await index(req, reply);
    if (!sent) throw new ApiError('E_ROUTE_NOT_FOUND', { path: '/' });
    return sent;
  });

  app.get('/assets/*', { schema: { hide: true } }, async (req, reply) => {
    const rel = safeRelative((req.params as { '*': string })['*']);
    const f = rel ? await asset(rel) : null;
    // As before: what is not a file of the build gets the app (the not-found handler).
    if (!f) return reply.callNotFound();
    return sendFile(req, reply, f, IMMUTABLE);
  });

  return {
    async serve(req, reply) {
      const urlPath = req.url.split('?')[0] ?? '/';
      const rel = safeRelative(urlPath);
      if (rel && !rel.startsWith('assets/') && rel !== 'index.html') {
        const f = await rootFile(rel);
        if (f) return sendFile(req, reply, f, REVALIDATE);
      }
      return index(req, reply);
    },
  };
}
