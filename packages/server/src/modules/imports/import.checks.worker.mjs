// Worker-thread entry: registers tsx (the server runs from TypeScript sources, no build step), then runs
// the TypeScript worker body (as evaluation.worker.mjs does).
import { register } from 'tsx/esm/api';

register();
await import('./import.checks.worker.ts');
