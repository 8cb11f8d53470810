'use client';

import { Line, LineChart, YAxis } from 'recharts';
import { cn } from '@/components/ui/cn';

/**
 * A tiny trend line of recent closes: no axes, no tooltip, no animation. The stroke is
 * `currentColor`, so the caller's price colour class (and dark mode) apply. Decorative: the
 * numbers beside it carry the information.
 */
export function Sparkline({
  values,
  width = 112,
  height = 40,
  className,
}: {
  values: number[];
  width?: number;
  height?: number;
  className?: string;
}) {
  if (values.length < 2) return <div aria-hidden="true" style={{ width, height }} />;
  const data = values.map((value, index) => ({ index, value }));
  return (
    <div aria-hidden="true" className={cn('shrink-0', className)} style={{ width, height }}>
      <LineChart
        width={width}
        height={height}
        data={data}
        margin={{ top: 2, right: 2, bottom: 2, left: 2 }}
        accessibilityLayer={false}
      >
        <YAxis hide domain={['dataMin', 'dataMax']} />
        <Line
          type="monotone"
          dataKey="value"
          stroke="currentColor"
          strokeWidth={1.75}
          dot={false}
          activeDot={false}
          isAnimationActive={false}
        />
      </LineChart>
    </div>
  );
}
