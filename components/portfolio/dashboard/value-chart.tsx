'use client';

import {
  Area,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { chartThemes, seriesPalette } from '@/components/analysis/charts/chart-theme';
import type { ColorScheme } from '@/components/stocks/price-colors';

type Point = { date: string; value: number; invested: number };

/** Portfolio value (area) over net contributions (dashed step line). */
export function ValueChart({
  data,
  scheme,
  labels,
  formatValue,
  formatAxisValue,
  formatAxisDate,
  formatTooltipDate,
  height = 280,
}: {
  data: readonly Point[];
  scheme: ColorScheme;
  labels: { value: string; invested: string };
  formatValue: (value: number) => string;
  formatAxisValue: (value: number) => string;
  formatAxisDate: (date: string) => string;
  formatTooltipDate: (date: string) => string;
  height?: number;
}) {
  const theme = chartThemes[scheme];
  const valueColor = seriesPalette[scheme][0];
  const investedColor = theme.neutral;
  return (
    <ResponsiveContainer width="100%" height={height}>
      <ComposedChart data={[...data]} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <defs>
          <linearGradient id={`value-fill-${scheme}`} x1="0" y1="0" x2="0" y2="1">
            <stop offset="0%" stopColor={valueColor} stopOpacity={0.3} />
            <stop offset="100%" stopColor={valueColor} stopOpacity={0.02} />
          </linearGradient>
        </defs>
        <CartesianGrid vertical={false} stroke={theme.grid} />
        <XAxis
          dataKey="date"
          tickFormatter={(value: string) => formatAxisDate(value)}
          tick={{ fill: theme.text, fontSize: 12 }}
          stroke={theme.border}
          minTickGap={40}
        />
        <YAxis
          tickFormatter={(value: number) => formatAxisValue(value)}
          tick={{ fill: theme.text, fontSize: 12 }}
          stroke={theme.border}
          width={64}
          domain={['auto', 'auto']}
        />
        <Tooltip
          contentStyle={{
            background: theme.tooltip,
            borderColor: theme.border,
            borderRadius: 8,
            fontSize: 12,
          }}
          labelFormatter={(label) => formatTooltipDate(String(label))}
          formatter={(value) => (typeof value === 'number' ? formatValue(value) : String(value))}
        />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Area
          type="linear"
          dataKey="value"
          name={labels.value}
          stroke={valueColor}
          strokeWidth={2}
          fill={`url(#value-fill-${scheme})`}
          dot={false}
          isAnimationActive={false}
        />
        <Line
          type="stepAfter"
          dataKey="invested"
          name={labels.invested}
          stroke={investedColor}
          strokeWidth={1.5}
          strokeDasharray="4 3"
          dot={false}
          isAnimationActive={false}
        />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
