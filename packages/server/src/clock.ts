// "Today" is the calendar date in Asia/Shanghai, or SCIMON_NOW (an ISO date) for tests and demos.

export interface Clock {
  /** Today's calendar date in Asia/Shanghai, `YYYY-MM-DD`. */
  today(): string;
  /** The current instant as ISO-8601 with the +08:00 offset. */
  now(): string;
  /** The current instant in milliseconds since the epoch (for time-outs and windows). */
  epochMs(): number;
}

/** Formats an instant in Asia/Shanghai (fixed +08:00, no daylight saving). */
export function toShanghaiIso(instant: Date): string {
  const shifted = new Date(instant.getTime() + 8 * 3600_000);
  return `${shifted.toISOString().slice(0, 19)}+08:00`;
}

export function systemClock(env: NodeJS.ProcessEnv = process.env): Clock {
  const fixed = env.SCIMON_NOW?.trim();
  if (fixed && !/^\d{4}-\d{2}-\d{2}/.test(fixed)) {
    throw new Error(`SCIMON_NOW must be an ISO date (YYYY-MM-DD), got "${fixed}"`);
  }
  return {
    // Asia/Shanghai is +08:00 all year: the date is the shifted instant's ISO date (cheaper than Intl, and
    // asked on every monitoring request).
    today: () => (fixed ? fixed.slice(0, 10) : toShanghaiIso(new Date()).slice(0, 10)),
    // A pinned date pins the date of every recorded instant too (the time of day stays real), so what is
    // recorded agrees with "today" (e.g. a submission's on-time check against its deadline).
    now: () =>
      fixed ? `${fixed.slice(0, 10)}${toShanghaiIso(new Date()).slice(10)}` : toShanghaiIso(new Date()),
    epochMs: () => Date.now(),
  };
}
