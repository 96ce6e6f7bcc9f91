import type { DbHandle } from '@scimon/db';
import type { Clock } from './clock.ts';
import type { AuthConfig } from './modules/auth/auth.config.ts';

/** Everything the app needs from outside: storage, time, security settings and the version string. */
export interface AppDeps {
  db: DbHandle;
  clock: Clock;
  version: string;
  auth: AuthConfig;
}
