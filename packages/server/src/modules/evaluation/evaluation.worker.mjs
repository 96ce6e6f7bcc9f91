// Worker-thread entry: registers tsx (the server runs from TypeScript sources, no build step), then
// runs the TypeScript worker body (as packages/cli/src/coinr-io/monte-carlo-worker.mjs does).
import { register } from 'tsx/esm/api';

register();
await import('./evaluation.worker.ts');
