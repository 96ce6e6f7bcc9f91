// npm run bench: runs every benchmark script in bench/ (each prints its own figures).
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const only = process.argv[2];
const files = readdirSync('bench')
  .filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only)))
  .sort();
let failed = false;
for (const f of files) {
  console.log(`\n== bench/${f}`);
  const r = spawnSync('node_modules/.bin/tsx', [`bench/${f}`], { stdio: 'inherit' });
  if (r.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
