'use client';

import {
  Bar,
  BarChart,
  CartesianGrid,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { chartThemes } from '@/components/analysis/charts/chart-theme';

export type AccuracyBar = { name: string; successRate: number };

/** Success rate per strategy as horizontal bars on 0–100%, with the coin-flip line at 50%. */
export function AccuracyChart({
  data,
  scheme,
  formatPercent,
  label,
}: {
  data: AccuracyBar[];
  scheme: 'light' | 'dark';
  formatPercent: (rate: number) => string;
  label: string;
}) {
  const theme = chartThemes[scheme];
  return (
    <div role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height={36 * data.length + 36}>
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid horizontal={false} stroke={theme.grid} />
          <XAxis
            type="number"
            domain={[0, 1]}
            ticks={[0, 0.25, 0.5, 0.75, 1]}
            tickFormatter={(value: number) => formatPercent(value)}
            tick={{ fill: theme.text, fontSize: 12 }}
            axisLine={{ stroke: theme.border }}
            tickLine={false}
          />
          <YAxis
            type="category"
            dataKey="name"
            width={110}
            tick={{ fill: theme.text, fontSize: 12 }}
            axisLine={false}
            tickLine={false}
          />
          <Tooltip
            cursor={{ fill: theme.grid }}
            formatter={(value) =>
              typeof value === 'number' ? formatPercent(value) : String(value)
            }
            contentStyle={{
              background: theme.tooltip,
              borderColor: theme.border,
              borderRadius: 8,
              fontSize: 12,
            }}
            labelStyle={{ color: theme.text }}
          />
          <ReferenceLine x={0.5} stroke={theme.neutral} strokeDasharray="4 3" />
          <Bar dataKey="successRate" fill={theme.accent} radius={[0, 3, 3, 0]} barSize={16} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
