import type { Time } from 'lightweight-charts';
import { drawnLines, lineColor, overlayIds, type OverlayId } from './indicator-catalog';
import { linePoints } from './chart-time';
import type { TechnicalAnalysis } from './use-technical-analysis';

/** A line to draw on the price chart (same price scale as the candles). */
export type OverlayLine = {
  key: string;
  color: string;
  /** Parabolic SAR is drawn as dots, everything else as lines. */
  style: 'line' | 'dots';
  points: { time: Time; value: number }[];
};

/** The enabled overlays as chart lines, aligned to the price chart's times. */
export function overlayLines(
  analysis: Pick<TechnicalAnalysis, 'indicators' | 'times' | 'timeZone'>,
  scheme: 'light' | 'dark',
): OverlayLine[] {
  const out: OverlayLine[] = [];
  for (const indicator of analysis.indicators) {
    if (!(overlayIds as readonly string[]).includes(indicator.id)) continue;
    for (const line of drawnLines[indicator.id as OverlayId]) {
      const values = indicator.lines[line];
      if (!values) continue;
      out.push({
        key: `${indicator.id}.${line}`,
        color: lineColor(line, scheme),
        style: indicator.id === 'psar' ? 'dots' : 'line',
        points: linePoints(analysis.times, values, analysis.timeZone),
      });
    }
  }
  return out;
}
