// Builds what the server serves. The web app is built by Vite when its package defines a build;
// the server and CLI run from TypeScript sources (tsx), so they need no build step.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const web = JSON.parse(readFileSync('packages/web/package.json', 'utf8'));
if (web.scripts?.build) {
  const r = spawnSync('npm', ['run', 'build', '--workspace', '@scimon/web'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
