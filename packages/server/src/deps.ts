import type { DbHandle } from '@scimon/db';
import type { Clock } from './clock.ts';

/** Everything the app needs from outside: storage, time and the version string. */
export interface AppDeps {
  db: DbHandle;
  clock: Clock;
  version: string;
}
