import { describe, expect, it } from 'vitest';
import { parseSymbol } from '@/components/dashboard/symbol-input';

describe('parseSymbol', () => {
  it('canonicalizes Korean and US symbols', () => {
    expect(parseSymbol(' 005930.ks ')).toBe('005930.KS');
    expect(parseSymbol('aapl')).toBe('AAPL');
    expect(parseSymbol('BRK.B')).toBe('BRK.B');
  });

  it('rejects what the server would reject', () => {
    expect(parseSymbol('')).toBeNull();
    expect(parseSymbol('삼성전자')).toBeNull();
    expect(parseSymbol('AAPL; DROP')).toBeNull();
    expect(parseSymbol('A'.repeat(20))).toBeNull();
  });
});
