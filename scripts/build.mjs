// Builds what the server serves. The web app is built by Vite when its package defines a build and
// its sources are newer than the last build; the server and CLI run from TypeScript sources (tsx).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const webDir = 'packages/web';
const web = JSON.parse(readFileSync(path.join(webDir, 'package.json'), 'utf8'));

/** Newest modification time of the web sources (the app, its config and the shared packages it imports). */
function newestSource() {
  let newest = 0;
  const visit = (p) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p))
        if (name !== 'node_modules' && name !== 'dist') visit(path.join(p, name));
    } else newest = Math.max(newest, st.mtimeMs);
  };
  for (const p of [
    path.join(webDir, 'src'),
    path.join(webDir, 'index.html'),
    path.join(webDir, 'vite.config.ts'),
    path.join(webDir, 'package.json'),
    'packages/contracts/src',
    'packages/core/src',
  ])
    visit(p);
  return newest;
}

const built = path.join(webDir, 'dist', 'index.html');
const fresh = existsSync(built) && statSync(built).mtimeMs >= newestSource();
if (web.scripts?.build && (!fresh || process.argv.includes('--force'))) {
  const r = spawnSync('npm', ['run', 'build', '--workspace', '@scimon/web'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
