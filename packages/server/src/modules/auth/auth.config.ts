// Security settings, from the environment with the defaults the 等保 baseline expects.
import { PASSWORD_MIN_LENGTH } from '@scimon/contracts';

export interface AuthConfig {
  /** Sessions end after this long without a request. */
  idleTimeoutMs: number;
  /** Sessions end this long after sign-in, whatever the activity. */
  absoluteTimeoutMs: number;
  /** Lock-out: this many failures within the window lock the account for the window. */
  maxFailures: number;
  lockWindowMs: number;
  passwordMinLength: number;
  /** Login requests per minute per client address. */
  loginRateLimit: number;
}

const minutes = (m: number) => m * 60_000;

export function authConfigFromEnv(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  const num = (name: string, fallback: number) => {
    const v = env[name];
    return v && Number.isFinite(Number(v)) && Number(v) > 0 ? Number(v) : fallback;
  };
  return {
    idleTimeoutMs: minutes(num('SCIMON_IDLE_MINUTES', 30)),
    absoluteTimeoutMs: minutes(num('SCIMON_SESSION_HOURS', 12) * 60),
    maxFailures: num('SCIMON_LOCK_FAILURES', 5),
    lockWindowMs: minutes(num('SCIMON_LOCK_MINUTES', 15)),
    passwordMinLength: num('SCIMON_PASSWORD_MIN_LENGTH', PASSWORD_MIN_LENGTH),
    loginRateLimit: num('SCIMON_LOGIN_RATE_LIMIT', 20),
  };
}
