import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { annualize, xirr } from '@/server/portfolio/performance';

// The well-known spreadsheet XIRR example (issue 4): =XIRR(values, dates) → 37.34%.
const spreadsheetExample = [
  { date: '2008-01-01', amount: -10000 },
  { date: '2008-03-01', amount: 2750 },
  { date: '2008-10-30', amount: 4250 },
  { date: '2009-02-15', amount: 3250 },
  { date: '2009-04-01', amount: 2750 },
];

function rateOf(result: ReturnType<typeof xirr>): number {
  if (!result.ok) throw new Error(`expected a rate, got ${result.reason}`);
  return result.rate;
}

describe('xirr', () => {
  it('reproduces the spreadsheet example: 37.34%', () => {
    const rate = rateOf(xirr(spreadsheetExample));
    expect(Number(rate.toPrecision(4))).toBe(0.3734);
    expect(rate).toBeCloseTo(0.373362535, 8);
  });

  it('gives the same rate for numbers, decimal strings and Decimals, in any order', () => {
    const asStrings = spreadsheetExample.map((f) => ({ ...f, amount: String(f.amount) }));
    const asDecimals = spreadsheetExample.map((f) => ({ ...f, amount: new Decimal(f.amount) }));
    const reversed = [...spreadsheetExample].reverse();
    const expected = rateOf(xirr(spreadsheetExample));
    expect(rateOf(xirr(asStrings))).toBeCloseTo(expected, 12);
    expect(rateOf(xirr(asDecimals))).toBeCloseTo(expected, 12);
    expect(rateOf(xirr(reversed))).toBeCloseTo(expected, 12);
  });

  it('is scale-free: won amounts give the same rate as dollar amounts', () => {
    const won = spreadsheetExample.map((f) => ({ ...f, amount: f.amount * 1_350 }));
    expect(rateOf(xirr(won))).toBeCloseTo(rateOf(xirr(spreadsheetExample)), 10);
  });

  it('counts actual days over 365: +10% over the 366 days of 2020 is below 10% a year', () => {
    const rate = rateOf(
      xirr([
        { date: '2020-01-01', amount: -100 },
        { date: '2021-01-01', amount: 110 },
      ]),
    );
    // 1.1^(365/366) − 1
    expect(rate).toBeCloseTo(Math.pow(1.1, 365 / 366) - 1, 10);
  });

  it('falls back to bisection when Newton diverges from a bad guess', () => {
    const result = xirr(
      [
        { date: '2021-01-01', amount: -100 },
        { date: '2022-01-01', amount: 110 },
      ],
      { guess: 50 },
    );
    expect(result).toMatchObject({ ok: true, method: 'bisection' });
    expect(rateOf(result)).toBeCloseTo(0.1, 8);
  });

  it('finds a near-total loss', () => {
    const rate = rateOf(
      xirr([
        { date: '2021-01-01', amount: -100 },
        { date: '2022-01-01', amount: '0.5' },
      ]),
    );
    expect(rate).toBeCloseTo(-0.995, 8);
  });

  it('reports no solution without throwing', () => {
    expect(
      xirr([
        { date: '2021-01-01', amount: -100 },
        { date: '2022-01-01', amount: -50 },
      ]),
    ).toMatchObject({ ok: false, reason: 'no-sign-change' });
    expect(xirr([{ date: '2021-01-01', amount: -100 }])).toMatchObject({
      ok: false,
      reason: 'too-few-flows',
    });
    expect(
      xirr([
        { date: '2021-01-01', amount: -100 },
        { date: '2021-01-01', amount: 100 },
      ]),
    ).toMatchObject({ ok: false, reason: 'too-few-flows' });
  });

  it('rejects a malformed date naming the flow', () => {
    expect(() =>
      xirr([
        { date: '2021-02-30', amount: -100 },
        { date: '2022-01-01', amount: 110 },
      ]),
    ).toThrow(/flows\[0\]\.date/);
  });
});

describe('annualize', () => {
  it('compounds over actual/365', () => {
    expect(annualize(0.21, 730)).toBeCloseTo(0.1, 12);
    expect(annualize(0.1, 365)).toBeCloseTo(0.1, 12);
    expect(annualize(-1, 100)).toBe(-1);
  });
});
