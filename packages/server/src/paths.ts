// Where the repository's own files are at run time (the catalogue under data/, the built web app).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const catalogueDir = path.join(repoRoot, 'data');
export const webDistDir = path.join(repoRoot, 'packages', 'web', 'dist');
