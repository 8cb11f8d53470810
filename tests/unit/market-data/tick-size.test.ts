import { describe, expect, it } from 'vitest';
import {
  isOnTick,
  nearestTickRounder,
  roundToTick,
  tickSize,
} from '@/server/market-data/tick-size';

describe('tickSize', () => {
  it('follows the KRX stock bands on both sides of every boundary', () => {
    const cases: [number, number][] = [
      [1, 1],
      [1_999, 1],
      [2_000, 5],
      [4_995, 5],
      [5_000, 10],
      [19_990, 10],
      [20_000, 50],
      [49_950, 50],
      [50_000, 100],
      [199_900, 100],
      [200_000, 500],
      [499_500, 500],
      [500_000, 1_000],
      [2_333_000, 1_000],
    ];
    for (const [price, tick] of cases)
      expect([price, tickSize(price, 'KR', 'stock')]).toEqual([price, tick]);
  });

  it('uses ₩5 for KRX ETFs at any price and 0.01 points for indices', () => {
    expect(tickSize(1_500, 'KR', 'etf')).toBe(5);
    expect(tickSize(600_000, 'KR', 'etf')).toBe(5);
    expect(tickSize(2_500.5, 'KR', 'index')).toBe(0.01);
    expect(tickSize(4_783.35, 'US', 'index')).toBe(0.01);
  });

  it('uses $0.01 from $1 and $0.0001 below for US stocks and ETFs', () => {
    expect(tickSize(0.9999, 'US', 'stock')).toBe(0.0001);
    expect(tickSize(1, 'US', 'stock')).toBe(0.01);
    expect(tickSize(312.06, 'US', 'etf')).toBe(0.01);
  });

  it('rejects prices that are not positive and finite, naming the field', () => {
    expect(() => tickSize(0, 'KR', 'stock')).toThrow(/price must be a positive/);
    expect(() => tickSize(Number.NaN, 'US', 'stock')).toThrow(/price/);
  });
});

describe('roundToTick', () => {
  it('rounds to the nearest valid price, crossing into the next band when closer', () => {
    expect(roundToTick(1_999.6, 'KR', 'stock')).toBe(2_000);
    expect(roundToTick(49_980, 'KR', 'stock')).toBe(50_000);
    expect(roundToTick(50_020, 'KR', 'stock')).toBe(50_000);
    expect(roundToTick(270_240, 'KR', 'stock')).toBe(270_000);
    expect(roundToTick(270_260, 'KR', 'stock')).toBe(270_500);
  });

  it('gives exact decimals for fractional ticks', () => {
    expect(roundToTick(311.7799987792969, 'US', 'stock')).toBe(311.78);
    expect(roundToTick(0.123456, 'US', 'stock')).toBe(0.1235);
    expect(roundToTick(2_236.399902, 'KR', 'index')).toBe(2_236.4);
  });

  it('rounds down and up without float noise pushing a valid price to the next tick', () => {
    expect(roundToTick(311.78, 'US', 'stock', 'down')).toBe(311.78);
    expect(roundToTick(311.78, 'US', 'stock', 'up')).toBe(311.78);
    expect(roundToTick(311.781, 'US', 'stock', 'up')).toBe(311.79);
    expect(roundToTick(20_020, 'KR', 'stock', 'up')).toBe(20_050);
    expect(roundToTick(20_020, 'KR', 'stock', 'down')).toBe(20_000);
  });

  it('never rounds a positive price to zero', () => {
    expect(roundToTick(0.3, 'KR', 'stock')).toBe(1);
    expect(roundToTick(0.00001, 'US', 'stock')).toBe(0.0001);
  });

  it('agrees with the hot-loop rounder', () => {
    for (const [market, kind] of [
      ['KR', 'stock'],
      ['KR', 'etf'],
      ['US', 'stock'],
      ['US', 'index'],
    ] as const) {
      const fast = nearestTickRounder(market, kind);
      for (let p = 0.37; p < 3_000_000; p *= 1.37)
        expect(fast(p)).toBe(roundToTick(p, market, kind));
    }
  });
});

describe('isOnTick', () => {
  it('accepts band edges and multiples, rejects the rest', () => {
    expect(isOnTick(2_000, 'KR', 'stock')).toBe(true);
    expect(isOnTick(2_001, 'KR', 'stock')).toBe(false);
    expect(isOnTick(50_050, 'KR', 'stock')).toBe(false);
    expect(isOnTick(500_000, 'KR', 'stock')).toBe(true);
    expect(isOnTick(312.06, 'US', 'stock')).toBe(true);
    expect(isOnTick(312.065, 'US', 'stock')).toBe(false);
  });
});
