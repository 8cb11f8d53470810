import { describe, expect, it } from 'vitest';
import { isNavigationKey, moveActive } from '@/components/stocks/search/active-option';
import { stockHref } from '@/components/stocks/search/stock-href';

describe('search listbox keyboard', () => {
  it('moves down and up through the options, wrapping at the ends', () => {
    expect(moveActive(0, 'ArrowDown', 3)).toBe(1);
    expect(moveActive(2, 'ArrowDown', 3)).toBe(0);
    expect(moveActive(0, 'ArrowUp', 3)).toBe(2);
    expect(moveActive(2, 'ArrowUp', 3)).toBe(1);
  });

  it('starts from the first or last option when none is active', () => {
    expect(moveActive(-1, 'ArrowDown', 3)).toBe(0);
    expect(moveActive(-1, 'ArrowUp', 3)).toBe(2);
  });

  it('jumps with Home and End, and has nothing to activate in an empty list', () => {
    expect(moveActive(1, 'Home', 4)).toBe(0);
    expect(moveActive(1, 'End', 4)).toBe(3);
    expect(moveActive(0, 'ArrowDown', 0)).toBe(-1);
  });

  it('knows which keys navigate', () => {
    expect(['ArrowDown', 'ArrowUp', 'Home', 'End'].every(isNavigationKey)).toBe(true);
    expect(isNavigationKey('Enter')).toBe(false);
  });
});

describe('stockHref', () => {
  it('links to the stock page, escaping an index caret', () => {
    expect(stockHref('005930.KS')).toBe('/stocks/005930.KS');
    expect(stockHref('BRK.B')).toBe('/stocks/BRK.B');
    expect(stockHref('^KS11')).toBe('/stocks/%5EKS11');
  });
});
