import { describe, expect, it } from 'vitest';
import {
  cagr,
  growth,
  growthPathTarget,
  growthVsRequired,
  levelShare,
  projectCagr,
  projectLinear,
  timeShare,
} from './growth.ts';
import { openSdgProgress, statusFromScore } from './open-sdg.ts';
import { planReviewBand } from './plan-review.ts';
import { dimensionStatus } from './dimension.ts';

const d = (year: number, month: number, day: number) => ({ year, month, day });

describe('growth, CAGR, projections', () => {
  it('matches hand-computed values', () => {
    expect(growth(100, 108)).toBeCloseTo(0.08, 14);
    expect(growth(0, 5)).toBeNull();
    expect(cagr(100, 121, 2020, 2022)).toBeCloseTo(0.1, 14); // √1.21 − 1
    expect(cagr(100, 121, 2022, 2022)).toBeNull();
    expect(cagr(100, -5, 2020, 2022)).toBeNull();
    expect(projectCagr(100, 2020, 121, 2022, 2024)).toBeCloseTo(146.41, 9); // 121·1.1²
    expect(projectLinear(100, 2020, 120, 2022, 2025)).toBeCloseTo(150, 12); // +10 a year
    expect(levelShare(2, 3.5, 5)).toBeCloseTo(0.5, 14);
    expect(levelShare(10, 8, 6)).toBeCloseTo(0.5, 14); // a falling target
    expect(levelShare(5, 6, 5)).toBeNull();
    expect(growthPathTarget(1000, 0.08, 2022, 2025)).toBeCloseTo(1259.712, 9); // 1000·1.08³
  });
  it('reads growth targets as achieved vs required average growth', () => {
    // high-tech revenue 3000 (2022) → 3780 (2025): CAGR = 1.26^(1/3) − 1 = 0.080082…; required 8 %
    const g = growthVsRequired(3000, 2022, 3780, 2025, 0.08);
    expect(g.achieved).toBeCloseTo(1.26 ** (1 / 3) - 1, 14);
    expect(g.met).toBe(true);
    expect(g.ratio).toBeCloseTo((1.26 ** (1 / 3) - 1) / 0.08, 12);
  });
});

describe('timeShare', () => {
  it('is elapsed days from the end of the base year, capped at 1', () => {
    expect(timeShare(2022, 2025, d(2022, 12, 31))).toBe(0);
    // 2023-12-31 is 365 days after 2022-12-31; the plan has 365 + 366 + 365 = 1096 days
    expect(timeShare(2022, 2025, d(2023, 12, 31))).toBeCloseTo(365 / 1096, 14);
    expect(timeShare(2022, 2025, d(2025, 12, 31))).toBe(1);
    // ex post: late 2026, a 2025 target has 100 % of its time elapsed (not more)
    expect(timeShare(2022, 2025, d(2026, 11, 20))).toBe(1);
    expect(timeShare(2022, 2025, d(2020, 1, 1))).toBe(0);
    expect(timeShare(2025, 2025, d(2026, 1, 1))).toBeNull();
  });
});

describe('Open SDG status for the headline targets (hand-computed)', () => {
  it('R&D intensity 1.5 % (2022) → 4 % (2025), target 5 % in 2025: method 2', () => {
    const r = openSdgProgress({
      baseYear: 2022,
      baseValue: 1.5,
      currentYear: 2025,
      currentValue: 4,
      target: 5,
      targetYear: 2025,
      direction: 1,
      limit: null,
    });
    // both CAGRs over 3 years: v = ((4/1.5)^(1/3) − 1)/((5/1.5)^(1/3) − 1) = 0.386722/0.493802 = 0.78315…
    const v = ((4 / 1.5) ** (1 / 3) - 1) / ((5 / 1.5) ** (1 / 3) - 1);
    expect(r.progressValue).toBeCloseTo(v, 14);
    expect(r.score).toBeCloseTo(7.1429 * v - 4.2857, 12);
    expect(r.status).toBe('moderate_progress');
  });
  it('7,100 high-tech enterprises against ≥ 7,000: achieved, score 5', () => {
    const r = openSdgProgress({
      baseYear: 2022,
      baseValue: 4000,
      currentYear: 2025,
      currentValue: 7100,
      target: 7000,
      targetYear: 2025,
      direction: 1,
      limit: null,
    });
    expect(r).toMatchObject({ status: 'target_achieved', score: 5, targetAchieved: true });
  });
  it('growth path +8 %/yr: target = y0·1.08³ so v = CAGR_o / 0.08', () => {
    const yT = growthPathTarget(3000, 0.08, 2022, 2025);
    const r = openSdgProgress({
      baseYear: 2022,
      baseValue: 3000,
      currentYear: 2024,
      currentValue: 3300,
      target: yT,
      targetYear: 2025,
      direction: 1,
      limit: null,
    });
    expect(r.progressValue).toBeCloseTo((1.1 ** 0.5 - 1) / 0.08, 10); // 0.6103…
    expect(r.status).toBe('moderate_progress');
  });
  it('method 1 with natural limit, deterioration, and the not-available rules', () => {
    // base 90, limit 100: C = 1 − 0.9^4.44; v = (93.2/90)^(1/6) − 1
    const r = openSdgProgress({
      baseYear: 2015,
      baseValue: 90,
      currentYear: 2021,
      currentValue: 93.2,
      target: null,
      targetYear: 2030,
      direction: 1,
      limit: 100,
    });
    const C = 1 - 0.9 ** 4.44;
    const v = (93.2 / 90) ** (1 / 6) - 1;
    expect(r.coefficient).toBeCloseTo(C, 14);
    expect(r.progressValue).toBeCloseTo(v, 14);
    expect(r.score).toBeCloseTo(Math.min((500 * v) / C - 5, 5), 12);
    const neg = openSdgProgress({
      baseYear: 2015,
      baseValue: 10,
      currentYear: 2020,
      currentValue: 9,
      target: null,
      targetYear: 2030,
      direction: 1,
      limit: null,
    });
    expect(neg.status).toBe('deterioration');
    expect(neg.score).toBeCloseTo(Math.max(125 * (0.9 ** 0.2 - 1) - 2.5, -5), 12);
    const opp = openSdgProgress({
      baseYear: 2015,
      baseValue: 10,
      currentYear: 2020,
      currentValue: -1,
      target: null,
      targetYear: 2030,
      direction: 1,
      limit: null,
    });
    expect(opp).toMatchObject({ status: 'not_available', score: null, progressValue: null });
    const flat = openSdgProgress({
      baseYear: 2015,
      baseValue: 10,
      currentYear: 2020,
      currentValue: 9,
      target: 10,
      targetYear: 2030,
      direction: 1,
      limit: null,
    });
    expect(flat).toMatchObject({ status: 'not_available', progressValue: null }); // required growth 0, not achieved
  });
  it('status from score bands', () => {
    expect(statusFromScore(2.5)).toBe('substantial_progress');
    expect(statusFromScore(0)).toBe('moderate_progress');
    expect(statusFromScore(-2.5)).toBe('limited_progress');
    expect(statusFromScore(-2.6)).toBe('deterioration');
    expect(statusFromScore(null)).toBe('not_available');
  });
});

describe('plan-review bands and dimension status', () => {
  it('bands from r = progress share ÷ time share', () => {
    const b = (p: number | null, t: number | null, met = false, past = false) =>
      planReviewBand({ progressShare: p, timeShare: t, met, pastTargetYear: past });
    expect(b(0.6, 0.5).band).toBe('ahead'); // r = 1.2
    expect(b(0.5, 0.5)).toMatchObject({ band: 'on_track', colour: 'green', ratio: 1 });
    expect(b(0.4, 0.5)).toMatchObject({ band: 'on_track_warned', colour: 'yellow' }); // r = 0.8
    expect(b(0.3, 0.5)).toMatchObject({ band: 'lagging', colour: 'red' }); // r = 0.6
    expect(b(1.2, 0.5, true)).toMatchObject({ band: 'achieved_early', colour: 'blue' });
    expect(b(1, 1, true, true).band).toBe('achieved');
    expect(b(0.8, 1, false, true)).toMatchObject({ band: 'not_achieved', colour: 'red', progressShare: 0.8 });
    expect(b(null, 0.5)).toMatchObject({ band: 'no_data', colour: 'grey' });
  });
  it('dimension score is the mean of scored indicators when ≥ 60 % have one', () => {
    expect(dimensionStatus([{ score: 5 }, { score: 0 }, { score: null }])).toMatchObject({
      score: 2.5,
      status: 'substantial_progress',
    });
    expect(dimensionStatus([{ score: 5 }, { score: null }, { score: null }])).toMatchObject({
      score: null,
      status: 'not_available',
    });
    expect(
      dimensionStatus([
        { score: 5, targetAchieved: true },
        { score: 5, targetAchieved: true },
      ]).status,
    ).toBe('target_achieved');
  });
});
