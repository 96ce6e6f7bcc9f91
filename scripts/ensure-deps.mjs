// Installs dependencies when they are missing or older than the lockfile (first run of a fresh clone).
import { existsSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const lock = 'package-lock.json';
const marker = 'node_modules/.package-lock.json';
const stale =
  !existsSync(marker) || (existsSync(lock) && statSync(lock).mtimeMs > statSync(marker).mtimeMs + 1000);
if (stale) {
  const args = existsSync(lock) ? ['ci', '--no-audit', '--no-fund'] : ['install', '--no-audit', '--no-fund'];
  console.error(
    `installing dependencies: npm ${args[0]} (first run compiles better-sqlite3, about 2 minutes)`,
  );
  const r = spawnSync('npm', args, {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, JOBS: 'max' },
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
