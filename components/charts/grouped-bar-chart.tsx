'use client';

import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

export type BarSeries = { key: string; name: string; color: string };

type Props = {
  data: readonly Record<string, string | number | null | undefined>[];
  /** The data field shown on the x axis. */
  categoryKey: string;
  series: readonly BarSeries[];
  formatCategory: (value: string) => string;
  /** Compact amounts for the axis and tooltip. */
  formatValue: (value: number) => string;
  scheme: 'light' | 'dark';
  height?: number;
};

const themes = {
  light: {
    text: '#566070',
    grid: '#eef0f4',
    tooltip: '#ffffff',
    border: '#dfe3e9',
    cursor: '#f1f3f6',
  },
  dark: {
    text: '#9ba5b4',
    grid: '#1e2736',
    tooltip: '#131a26',
    border: '#283246',
    cursor: '#1b2333',
  },
} as const;

/** Side-by-side bars per category (e.g. revenue and net income per fiscal year). */
export function GroupedBarChart({
  data,
  categoryKey,
  series,
  formatCategory,
  formatValue,
  scheme,
  height = 220,
}: Props) {
  const theme = themes[scheme];
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={[...data]} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
        <CartesianGrid vertical={false} stroke={theme.grid} />
        <XAxis
          dataKey={categoryKey}
          tickFormatter={(value: string) => formatCategory(value)}
          tick={{ fill: theme.text, fontSize: 12 }}
          axisLine={{ stroke: theme.border }}
          tickLine={false}
        />
        <YAxis
          tickFormatter={(value: number) => formatValue(value)}
          tick={{ fill: theme.text, fontSize: 12 }}
          axisLine={false}
          tickLine={false}
          width={64}
        />
        <Tooltip
          cursor={{ fill: theme.cursor }}
          labelFormatter={(label) => formatCategory(String(label))}
          formatter={(value) => (typeof value === 'number' ? formatValue(value) : String(value))}
          contentStyle={{
            background: theme.tooltip,
            borderColor: theme.border,
            borderRadius: 8,
            fontSize: 12,
          }}
          labelStyle={{ color: theme.text }}
        />
        <Legend wrapperStyle={{ fontSize: 12, color: theme.text }} />
        {series.map((s) => (
          <Bar key={s.key} dataKey={s.key} name={s.name} fill={s.color} radius={[3, 3, 0, 0]} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
