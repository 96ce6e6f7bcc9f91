// npm start: installs dependencies if missing, builds what needs building, then migrates, seeds and
// serves (scimon serve) on http://127.0.0.1:8080 unless PORT/HOST say otherwise.
import { spawn, spawnSync } from 'node:child_process';

const step = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

step(process.execPath, ['scripts/ensure-deps.mjs']);
step(process.execPath, ['scripts/build.mjs']);
const child = spawn(process.execPath, ['packages/cli/bin/scimon.mjs', 'serve', ...process.argv.slice(2)], {
  stdio: 'inherit',
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
