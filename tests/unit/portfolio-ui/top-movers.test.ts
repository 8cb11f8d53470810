import { describe, expect, it } from 'vitest';
import { topMovers } from '@/components/portfolio/dashboard/top-movers';

const r = (symbol: string, dayChangeRate: number | null) => ({ symbol, dayChangeRate });

describe('topMovers', () => {
  it('ranks the largest rises and falls by rate, each side separately', () => {
    const rows = [
      r('A', 0.01),
      r('B', -0.05),
      r('C', 0.03),
      r('D', -0.01),
      r('E', 0.02),
      r('F', 0.04),
    ];
    const { up, down } = topMovers(rows, 3);
    expect(up.map((x) => x.symbol)).toEqual(['F', 'C', 'E']);
    expect(down.map((x) => x.symbol)).toEqual(['B', 'D']);
  });

  it('leaves out unchanged and unknown moves', () => {
    const { up, down } = topMovers([r('A', 0), r('B', null)]);
    expect(up).toEqual([]);
    expect(down).toEqual([]);
  });

  it('lists a symbol held in two accounts once', () => {
    const { up } = topMovers([r('SPY', 0.02), r('SPY', 0.02), r('AAPL', 0.01)]);
    expect(up.map((x) => x.symbol)).toEqual(['SPY', 'AAPL']);
  });
});
