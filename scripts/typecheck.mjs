// Type-checks every package with its own tsconfig (core and contracts see no Node or DOM types).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const projects = [
  'packages/core/tsconfig.json',
  'packages/core/tsconfig.test.json',
  'packages/contracts/tsconfig.json',
  'packages/db/tsconfig.json',
  'packages/server/tsconfig.json',
  'packages/cli/tsconfig.json',
  'packages/web/tsconfig.json',
  'tsconfig.tools.json',
].filter((p) => existsSync(p));
let failed = false;
for (const project of projects) {
  const r = spawnSync('node_modules/.bin/tsc', ['-p', project], { stdio: 'inherit' });
  if (r.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
