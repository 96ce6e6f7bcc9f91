// Runs the `scimon` command as a user would: a separate Node process from the repository root.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from './reference.ts';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

const bin = path.join(repoRoot, 'packages', 'cli', 'bin', 'scimon.mjs');

export function runScimon(
  args: string[],
  env: Record<string, string | undefined> = {},
  cwd = repoRoot,
  input?: string,
): CliRun {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    env: { ...process.env, SCIMON_LOG: 'silent', ...env },
    input,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Runs a set-up command (seed, users add, import …) that must succeed; its output is the error otherwise. */
export function scimonOrThrow(env: Record<string, string | undefined>, args: string[], input?: string): void {
  const r = runScimon(args, env, repoRoot, input);
  if (r.code !== 0) throw new Error(`scimon ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
}

/** Same, without blocking the test's event loop (for commands that run beside an in-process server). */
export function runScimonAsync(
  args: string[],
  env: Record<string, string> = {},
  cwd = repoRoot,
): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd,
      env: { ...process.env, SCIMON_LOG: 'silent', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
