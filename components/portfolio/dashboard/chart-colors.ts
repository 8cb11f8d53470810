import { seriesPalette } from '@/components/analysis/charts/chart-theme';
import type { ColorScheme } from '@/components/stocks/price-colors';

/** Donut slice colours: the shared series palette, then two more, cash in a quiet grey. */
const extra = {
  light: ['#0d9488', '#9333ea'],
  dark: ['#2dd4bf', '#c084fc'],
} as const;

const quiet = {
  cash: { light: '#94a3b8', dark: '#64748b' },
  other: { light: '#cbd5e1', dark: '#3b4658' },
} as const;

export function sliceColor(
  scheme: ColorScheme,
  index: number,
  kind: 'cash' | 'other' | 'slice',
): string {
  if (kind !== 'slice') return quiet[kind][scheme];
  const palette = [...seriesPalette[scheme], ...extra[scheme]];
  return palette[index % palette.length]!;
}
