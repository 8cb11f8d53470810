import { describe, expect, it } from 'vitest';
import { annualizedVolatility, maxDrawdown, periodReturns } from '@/server/portfolio/performance';

describe('maxDrawdown', () => {
  // Hand-checked: two declines — peak 120 (01-03) → 90 (01-04) is 1 − 90/120 = 25%, recovered on
  // 01-08 at 130; peak 130 (01-08) → 96 (01-09) is 1 − 96/130 = 26.15%, not recovered. The second
  // is the maximum.
  const series = [
    { date: '2024-01-02', value: 100 },
    { date: '2024-01-03', value: 120 },
    { date: '2024-01-04', value: 90 },
    { date: '2024-01-05', value: 110 },
    { date: '2024-01-08', value: 130 },
    { date: '2024-01-09', value: 96 },
    { date: '2024-01-10', value: 100 },
  ];

  it('picks the deepest peak-to-trough decline', () => {
    const result = maxDrawdown(series);
    expect(result.maxDrawdown).toBeCloseTo(1 - 96 / 130, 14);
    expect(result).toMatchObject({
      peakDate: '2024-01-08',
      troughDate: '2024-01-09',
      recoveryDate: null,
      recovered: false,
      // Not recovered: measured to the last date, 01-08 → 01-10.
      durationDays: 2,
      declineDays: 1,
    });
  });

  it('reports the recovery date and peak-to-recovery duration', () => {
    // Peak 120 (01-03), trough 90 (01-04): 25%; back to ≥ 120 on 01-08 → 5 calendar days.
    const result = maxDrawdown(series.slice(0, 5));
    expect(result.maxDrawdown).toBeCloseTo(0.25, 14);
    expect(result).toMatchObject({
      peakDate: '2024-01-03',
      peakValue: 120,
      troughDate: '2024-01-04',
      troughValue: 90,
      recoveryDate: '2024-01-08',
      recovered: true,
      durationDays: 5,
    });
  });

  it('is zero for a series that never falls', () => {
    expect(
      maxDrawdown([
        { date: '2024-01-02', value: '1' },
        { date: '2024-01-03', value: '1.1' },
      ]),
    ).toMatchObject({ maxDrawdown: 0, peakDate: null });
  });
});

describe('annualizedVolatility', () => {
  it('uses the sample standard deviation times √periods', () => {
    // returns 0.01, −0.01, 0.02, 0: mean 0.005; squared deviations 0.000025, 0.000225, 0.000225,
    // 0.000025 → sum 0.0005, / (4 − 1) → variance 0.000166…, std 0.0129099…
    const std = Math.sqrt(0.0005 / 3);
    expect(annualizedVolatility([0.01, -0.01, 0.02, 0])).toBeCloseTo(std * Math.sqrt(252), 14);
    expect(annualizedVolatility([0.01, -0.01, 0.02, 0], 365)).toBeCloseTo(std * Math.sqrt(365), 14);
    expect(annualizedVolatility([0.01])).toBeNull();
  });

  it('works from a daily index via periodReturns', () => {
    const returns = periodReturns([
      { date: '2024-01-02', value: 100 },
      { date: '2024-01-03', value: 110 },
      { date: '2024-01-04', value: 99 },
    ]);
    expect(returns[0]).toBeCloseTo(0.1, 14);
    expect(returns[1]).toBeCloseTo(-0.1, 14);
  });
});
