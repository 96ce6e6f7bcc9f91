import { afterEach, describe, expect, it, vi } from 'vitest';
import { systemClock } from './clock.ts';

describe('systemClock', () => {
  afterEach(() => vi.useRealTimers());

  it('turns the date at midnight in Asia/Shanghai (16:00 UTC), not at UTC midnight', () => {
    vi.useFakeTimers();
    const clock = systemClock({});
    vi.setSystemTime(new Date('2026-11-27T15:59:59.999Z'));
    expect(clock.today()).toBe('2026-11-27');
    expect(clock.now()).toBe('2026-11-27T23:59:59+08:00');
    vi.setSystemTime(new Date('2026-11-27T16:00:00.000Z'));
    expect(clock.today()).toBe('2026-11-28');
    vi.setSystemTime(new Date('2026-12-31T23:30:00.000Z'));
    expect(clock.today()).toBe('2027-01-01');
  });

  it('agrees with the time-zone database through a year', () => {
    vi.useFakeTimers();
    const clock = systemClock({});
    const tz = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    for (let t = Date.UTC(2026, 0, 1, 7, 13); t < Date.UTC(2027, 0, 1); t += 7 * 3600_000 + 11 * 60_000) {
      vi.setSystemTime(t);
      expect(clock.today()).toBe(tz.format(new Date(t)));
    }
  });

  it('pins the date with SCIMON_NOW and refuses anything but an ISO date', () => {
    expect(systemClock({ SCIMON_NOW: '2025-06-30' }).today()).toBe('2025-06-30');
    expect(() => systemClock({ SCIMON_NOW: 'yesterday' })).toThrow(/SCIMON_NOW/);
  });
});
