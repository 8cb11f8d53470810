import { describe, expect, it } from 'vitest';
import {
  priceArrow,
  priceColors,
  priceDirection,
  priceTone,
} from '@/components/stocks/price-colors';

describe('price colours', () => {
  it('reads a change as up, down or flat (null, zero and NaN are flat)', () => {
    expect(priceDirection(12)).toBe('up');
    expect(priceDirection(-0.5)).toBe('down');
    expect(priceDirection(0)).toBe('flat');
    expect(priceDirection(null)).toBe('flat');
    expect(priceDirection(Number.NaN)).toBe('flat');
  });

  it('uses the Korean convention in ko: rising red, falling blue', () => {
    const ko = priceColors('ko', 'light');
    expect(ko.up).toBe('#d2202f');
    expect(ko.down).toBe('#1c5fd1');
    expect(priceTone(1, 'ko-KR')).toContain('#d2202f');
    expect(priceTone(-1, 'ko')).toContain('#1c5fd1');
  });

  it('uses green up and red down in English', () => {
    const en = priceColors('en', 'light');
    expect(en.up).toBe('#137a3a');
    expect(en.down).toBe('#c8242b');
    expect(priceTone(1, 'en')).toContain('#137a3a');
    expect(priceTone(-1, 'en-US')).toContain('#c8242b');
  });

  it('gives every tone a dark-mode colour and flat a neutral one', () => {
    expect(priceTone(1, 'en')).toMatch(/dark:text-/);
    expect(priceTone(0, 'ko')).toBe('text-muted');
    expect(priceColors('ko', 'dark').up).not.toBe(priceColors('ko', 'light').up);
  });

  it('marks direction without colour too', () => {
    expect(priceArrow(3)).toBe('▲');
    expect(priceArrow(-3)).toBe('▼');
    expect(priceArrow(0)).toBe('');
  });
});
