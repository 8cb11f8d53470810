import { describe, expect, it } from 'vitest';
import {
  moneyWeightedReturn,
  simpleReturn,
  timeWeightedReturn,
  twrDaysFromSnapshots,
} from '@/server/portfolio/performance';

describe('timeWeightedReturn (daily-chained TTWROR)', () => {
  // Hand-checked, r_t = (MVE + CFout) / (MVB + CFin) − 1:
  //   2024-01-02  MVB 1,000             MVE 1,100   r = 1,100 / 1,000 − 1           = 0.1
  //   2024-01-03  MVB 1,100  +500 in    MVE 1,650   r = 1,650 / (1,100 + 500) − 1  = 0.03125
  //   2024-01-04  MVB 1,650  −300 out   MVE 1,400   r = (1,400 + 300) / 1,650 − 1  = 34/33 − 1
  //   cumulative = 1.1 × 1.03125 × 34/33 − 1 = 1.134375 × 34/33 − 1 = 38.56875/33 − 1 = 0.16875
  // The deposit and the withdrawal do not count as performance: a naive (end − start) / start
  // would give 40%, and gain / invested (1,400 − 1,000 − 500 + 300) / 1,500 = 13.33%.
  const days = [
    { date: '2024-01-02', startValue: 1000, endValue: 1100, inflow: 0, outflow: 0 },
    { date: '2024-01-03', startValue: 1100, endValue: 1650, inflow: 500, outflow: 0 },
    { date: '2024-01-04', startValue: '1650', endValue: '1400', inflow: '0', outflow: '300' },
  ];

  it('chains daily returns around a mid-period deposit and withdrawal', () => {
    const result = timeWeightedReturn(days);
    expect(result.cumulative).toBeCloseTo(0.16875, 14);
    expect(result.dailyReturns.map((d) => d.rate)).toEqual([
      0.1,
      0.03125,
      expect.closeTo(1 / 33, 14),
    ]);
    expect(result.index.at(-1)!.value).toBeCloseTo(1.16875, 14);
    expect(result.flagged).toEqual([]);
    // 3 calendar days (2 Jan open → 4 Jan close): (1.16875)^(365/3) − 1, extrapolated.
    expect(result.days).toBe(3);
    expect(result.extrapolated).toBe(true);
    expect(result.annualized).toBeCloseTo(Math.pow(1.16875, 365 / 3) - 1, 6);
  });

  it('differs from the simple return of the same period', () => {
    const simple = simpleReturn({ startValue: 1000, endValue: 1400, inflow: 500, outflow: 300 });
    expect(simple.gain.toString()).toBe('200');
    expect(simple.invested.toString()).toBe('1500');
    expect(simple.rate).toBeCloseTo(0.133333, 6);
  });

  it('lets a day with nothing invested contribute 0 and flags it', () => {
    const result = timeWeightedReturn([
      { date: '2024-01-01', startValue: 0, endValue: 0 },
      // First deposit: MVB 0 + 1,000 in, ends at 1,050 → 5%.
      { date: '2024-01-02', startValue: 0, endValue: 1050, inflow: 1000 },
      { date: '2024-01-03', startValue: 1050, endValue: 1102.5 },
    ]);
    expect(result.dailyReturns.map((d) => d.rate)).toEqual([0, 0.05, 0.05]);
    expect(result.cumulative).toBeCloseTo(0.1025, 14);
    expect(result.flagged).toEqual([
      expect.objectContaining({ date: '2024-01-01', reason: 'zero-base' }),
    ]);
  });

  it('flags a start value that does not continue the previous end value', () => {
    const result = timeWeightedReturn([
      { date: '2024-01-02', startValue: 100, endValue: 110 },
      { date: '2024-01-03', startValue: 120, endValue: 126 },
    ]);
    expect(result.flagged).toEqual([
      expect.objectContaining({ date: '2024-01-03', reason: 'discontinuity' }),
    ]);
    expect(result.cumulative).toBeCloseTo(1.1 * 1.05 - 1, 14);
  });

  it('annualizes over a full year without extrapolating', () => {
    const result = timeWeightedReturn([
      { date: '2023-01-01', startValue: 100, endValue: 100 },
      { date: '2023-12-31', startValue: 100, endValue: 120 },
    ]);
    expect(result.days).toBe(365);
    expect(result.extrapolated).toBe(false);
    expect(result.annualized).toBeCloseTo(0.2, 12);
  });

  it('returns zero for an empty series and rejects unordered dates', () => {
    expect(timeWeightedReturn([])).toMatchObject({ cumulative: 0, annualized: null, days: 0 });
    expect(() =>
      timeWeightedReturn([
        { date: '2024-01-03', startValue: 1, endValue: 1 },
        { date: '2024-01-02', startValue: 1, endValue: 1 },
      ]),
    ).toThrow(/days\[1\]\.date/);
  });
});

describe('simpleReturn', () => {
  it('is gain over money invested, null when nothing was invested', () => {
    const all = simpleReturn({ startValue: 0, endValue: '1250000', inflow: '1000000' });
    expect(all.gain.toString()).toBe('250000');
    expect(all.rate).toBe(0.25);
    expect(simpleReturn({ startValue: 0, endValue: 0 }).rate).toBeNull();
  });
});

describe('twrDaysFromSnapshots + moneyWeightedReturn', () => {
  it('chains snapshots (MVB = previous MVE) and gives the same TTWROR as explicit days', () => {
    const days = twrDaysFromSnapshots(
      [
        { date: '2024-01-02', value: 1100 },
        { date: '2024-01-03', value: 1650, inflow: 500 },
        { date: '2024-01-04', value: 1400, outflow: 300 },
      ],
      1000,
    );
    expect(days.map((d) => d.startValue)).toEqual([1000, 1100, 1650]);
    expect(timeWeightedReturn(days).cumulative).toBeCloseTo(0.16875, 14);
  });

  it('builds XIRR flows for a range from the investor’s side', () => {
    // −1,000 on 2023-01-01, +1,100 on 2024-01-01 (365 days) → 10%; an inflow of 100 paid in and
    // received back the same day cancels out.
    const result = moneyWeightedReturn({
      startDate: '2023-01-01',
      startValue: 1000,
      endDate: '2024-01-01',
      endValue: 1100,
      flows: [{ date: '2023-06-01', inflow: 100, outflow: 100 }],
    });
    expect(result).toMatchObject({ ok: true });
    if (result.ok) expect(result.rate).toBeCloseTo(0.1, 9);
  });
});
