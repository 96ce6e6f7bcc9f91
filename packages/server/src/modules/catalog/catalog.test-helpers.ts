import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's `data/` directory. */
export const DATA_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../../data');

/** Copies `data/` to a fresh temporary directory and returns its path. */
export async function copyDataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'scimon-catalog-'));
  await cp(DATA_DIR, dir, { recursive: true });
  return dir;
}

/** Removes a temporary copy. */
export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/**
 * Replaces exactly one occurrence of `from` by `to` in a file of a data copy (fails if it is not there once), and
 * returns the 1-based line where the replacement sits.
 */
export async function breakFile(dir: string, file: string, from: string, to: string): Promise<number> {
  const path = join(dir, file);
  const text = await readFile(path, 'utf8');
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0)
    throw new Error(`"${from}" must occur exactly once in ${file}`);
  await writeFile(path, text.slice(0, at) + to + text.slice(at + from.length));
  return text.slice(0, at).split('\n').length;
}
