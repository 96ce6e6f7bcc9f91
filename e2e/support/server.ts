// Starts the real server (`scimon serve`) as a child process for end-to-end tests: a free port, a fresh
// SQLite file (or extra env such as DATABASE_URL), a known admin password; resolves once it prints its URL.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const ADMIN_PASSWORD = 'Mingyue-Initial-Pass-7319';

export interface StartedTestServer {
  url: string;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Extra environment, e.g. `{ DATABASE_URL }` from createTestDb('postgres').env. */
  env?: Record<string, string>;
  adminPassword?: string;
  timeoutMs?: number;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export async function startServer(options: StartOptions = {}): Promise<StartedTestServer> {
  const port = await freePort();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'scimon-e2e-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    SCIMON_DB_PATH: path.join(dir, 'e2e.db'),
    SCIMON_ADMIN_PASSWORD: options.adminPassword ?? ADMIN_PASSWORD,
    SCIMON_LOG: 'silent',
    DATABASE_URL: '',
    ...options.env,
  };
  const child = spawn(process.execPath, ['packages/cli/bin/scimon.mjs', 'serve'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const expected = `http://127.0.0.1:${port}`;
  let output = '';
  const cleanup = async () => {
    await stopChild(child);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`server did not start within ${options.timeoutMs ?? 60_000} ms:\n${output}`)),
        options.timeoutMs ?? 60_000,
      );
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes(expected)) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`server exited with ${code} before starting:\n${output}`));
      });
    });
  } catch (e) {
    await cleanup();
    throw e;
  }
  return { url: expected, stop: cleanup };
}

// ---- the web build the server serves ------------------------------------------------------------

const webDir = path.join(repoRoot, 'packages/web');

function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

/** True when packages/web/dist/index.html is missing or older than the web sources. */
export function webBuildIsStale(): boolean {
  const built = path.join(webDir, 'dist/index.html');
  if (!existsSync(built)) return true;
  const sources = Math.max(
    newestMtime(path.join(webDir, 'src')),
    newestMtime(path.join(webDir, 'index.html')),
    newestMtime(path.join(webDir, 'vite.config.ts')),
    newestMtime(path.join(webDir, 'package.json')),
    newestMtime(path.join(repoRoot, 'packages/contracts/src')),
  );
  return statSync(built).mtimeMs < sources;
}

/**
 * Runs `node scripts/build.mjs` once when the web build is missing or stale. Test files run in parallel
 * processes, so a lock directory makes the others wait for the one that builds.
 */
export async function ensureWebBuild(): Promise<void> {
  if (!webBuildIsStale()) return;
  const lock = path.join(repoRoot, '.tmp/web-build.lock');
  mkdirSync(path.dirname(lock), { recursive: true });
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // another test process builds; a lock older than 3 minutes is left over from a crash
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 180_000)
        rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error('timed out waiting for the web build lock');
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    if (!webBuildIsStale()) return;
    // vitest sets NODE_ENV=test, which Vite would keep: React and antd would ship their development builds.
    const r = spawnSync(process.execPath, ['scripts/build.mjs'], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, NODE_ENV: 'production' },
    });
    if (r.status !== 0) throw new Error(`web build failed:\n${r.stdout}\n${r.stderr}`);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
