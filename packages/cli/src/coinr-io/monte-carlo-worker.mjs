// Worker-thread entry: registers tsx (no build step), then runs the TypeScript worker body.
import { register } from 'tsx/esm/api';

register();
await import('./monte-carlo-worker.ts');
