'use client';

import {
  Area,
  AreaChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { chartThemes } from './chart-theme';

export type CurveSeries = { key: string; name: string; color: string; dashed?: boolean };

type Props = {
  data: readonly Record<string, string | number | null>[];
  /** The field with the YYYY-MM-DD date of each point. */
  dateKey: string;
  series: readonly CurveSeries[];
  formatDate: (date: string) => string;
  formatTooltipDate: (date: string) => string;
  formatValue: (value: number) => string;
  /** Shorter labels for the value axis (e.g. ₩350M); defaults to `formatValue`. */
  formatAxisValue?: (value: number) => string;
  scheme: 'light' | 'dark';
  /** `area`: filled below zero (drawdown); `line`: plain lines. */
  variant?: 'line' | 'area';
  height?: number;
};

/** Dated curves (equity, buy-and-hold, drawdown) with axes, tooltip and a legend. */
export function CurveChart({
  data,
  dateKey,
  series,
  formatDate,
  formatTooltipDate,
  formatValue,
  formatAxisValue = formatValue,
  scheme,
  variant = 'line',
  height = 260,
}: Props) {
  const theme = chartThemes[scheme];
  const axes = (
    <>
      <CartesianGrid vertical={false} stroke={theme.grid} />
      <XAxis
        dataKey={dateKey}
        tickFormatter={(value: string) => formatDate(value)}
        tick={{ fill: theme.text, fontSize: 12 }}
        stroke={theme.border}
        minTickGap={40}
      />
      <YAxis
        tickFormatter={(value: number) => formatAxisValue(value)}
        tick={{ fill: theme.text, fontSize: 12 }}
        stroke={theme.border}
        width={72}
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
      {series.length > 1 ? <Legend wrapperStyle={{ fontSize: 12 }} /> : null}
    </>
  );
  return (
    <ResponsiveContainer width="100%" height={height}>
      {variant === 'area' ? (
        <AreaChart data={[...data]} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          {axes}
          {series.map((s) => (
            <Area
              key={s.key}
              type="linear"
              dataKey={s.key}
              name={s.name}
              stroke={s.color}
              fill={s.color}
              fillOpacity={0.2}
              isAnimationActive={false}
              dot={false}
            />
          ))}
        </AreaChart>
      ) : (
        <LineChart data={[...data]} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          {axes}
          {series.map((s) => (
            <Line
              key={s.key}
              type="linear"
              dataKey={s.key}
              name={s.name}
              stroke={s.color}
              strokeWidth={1.75}
              strokeDasharray={s.dashed ? '4 3' : undefined}
              dot={false}
              connectNulls
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      )}
    </ResponsiveContainer>
  );
}
