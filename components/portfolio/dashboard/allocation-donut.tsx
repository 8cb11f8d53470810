'use client';

import { Pie, PieChart } from 'recharts';
import { chartThemes } from '@/components/analysis/charts/chart-theme';
import type { ColorScheme } from '@/components/stocks/price-colors';

/** A donut of weights; decorative (the legend table beside it carries the numbers). */
export function AllocationDonut({
  slices,
  scheme,
  size = 200,
}: {
  slices: readonly { key: string; value: number; color: string }[];
  scheme: ColorScheme;
  size?: number;
}) {
  // Each entry's `fill` colours its sector.
  const data = slices.map((slice) => ({ key: slice.key, value: slice.value, fill: slice.color }));
  return (
    <PieChart width={size} height={size} accessibilityLayer={false}>
      <Pie
        data={data}
        dataKey="value"
        nameKey="key"
        innerRadius={size * 0.3}
        outerRadius={size * 0.48}
        paddingAngle={data.length > 1 ? 1 : 0}
        stroke={chartThemes[scheme].tooltip}
        strokeWidth={1}
        isAnimationActive={false}
      />
    </PieChart>
  );
}
