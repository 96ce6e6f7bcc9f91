// Locates the third-party reference outputs that tests read in place (never copied into the repo).
// SCIMON_REFERENCE_DIR overrides; the default is ../shared/reference beside the repository root.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const announced = new Set<string>();

/**
 * Returns the absolute path of a reference sub-folder (e.g. 'coinr', 'progress'), or null when the
 * reference folder is absent (a user's fresh clone): the caller then skips, and one line says so.
 * With CI=true a missing folder is an error, so CI always runs the reference tests.
 */
export function referenceDir(sub: string): string | null {
  const base = process.env.SCIMON_REFERENCE_DIR
    ? path.resolve(repoRoot, process.env.SCIMON_REFERENCE_DIR)
    : path.resolve(repoRoot, '..', 'shared', 'reference');
  const dir = path.join(base, sub);
  if (existsSync(dir)) return dir;
  if (process.env.CI === 'true') {
    throw new Error(`reference folder ${dir} is missing (CI=true requires it; set SCIMON_REFERENCE_DIR)`);
  }
  if (!announced.has(dir)) {
    announced.add(dir);
    console.log(`skipping reference tests: ${dir} not found (set SCIMON_REFERENCE_DIR)`);
  }
  return null;
}
