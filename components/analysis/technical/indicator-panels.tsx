'use client';

import dynamic from 'next/dynamic';
import { useMemo } from 'react';
import { useFormatter, useLocale, useTranslations } from 'use-intl';
import { useColorScheme } from '@/components/stocks/use-color-scheme';
import { Skeleton } from '@/components/ui/skeleton';
import { linePoints } from './chart-time';
import { drawnLines, lineColor, panelIds, panelLevels, type PanelId } from './indicator-catalog';
import type { PanelLine } from './indicator-panel-chart';
import type { TechnicalAnalysis } from './use-technical-analysis';

const IndicatorPanelChart = dynamic(
  () => import('./indicator-panel-chart').then((m) => m.IndicatorPanelChart),
  { ssr: false, loading: () => <Skeleton className="h-full w-full" /> },
);

const NO_LEVELS: readonly number[] = [];

/** The enabled sub-panels, in catalogue order, each with its latest values as text. */
export function IndicatorPanels({ analysis }: { analysis: TechnicalAnalysis }) {
  const t = useTranslations('analysis.technical');
  const format = useFormatter();
  const locale = useLocale();
  const scheme = useColorScheme();
  const shown = analysis.indicators.filter((i) => (panelIds as readonly string[]).includes(i.id));
  const panels = useMemo(
    () =>
      shown.map((indicator) => {
        const id = indicator.id as PanelId;
        const lines: PanelLine[] = drawnLines[id].flatMap((line) => {
          const values = indicator.lines[line];
          if (!values) return [];
          return [
            {
              key: line,
              color: lineColor(line, scheme),
              kind: line === 'histogram' ? ('histogram' as const) : ('line' as const),
              points: linePoints(analysis.times, values, analysis.timeZone),
            },
          ];
        });
        return { id, lines, warmup: indicator.warmup };
      }),
    [shown, analysis.times, analysis.timeZone, scheme],
  );
  const compact = (value: number) =>
    format.number(value, {
      notation: Math.abs(value) >= 1e6 ? 'compact' : 'standard',
      maximumFractionDigits: 2,
    });

  if (panels.length === 0) return null;
  return (
    <div className="flex flex-col gap-3">
      {panels.map((panel) => (
        <figure
          key={panel.id}
          data-testid={`indicator-panel-${panel.id}`}
          aria-label={t('panelLabel', {
            indicator: t(`indicators.${panel.id}`),
            count: analysis.times.length,
          })}
          className="flex flex-col gap-1 rounded-lg border border-border p-2"
        >
          <figcaption className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs">
            <span className="font-semibold">{t(`indicators.${panel.id}`)}</span>
            {panel.lines.map((line) => {
              const last = line.points.at(-1);
              return (
                <span key={line.key} className="flex items-center gap-1 text-muted">
                  <span
                    aria-hidden="true"
                    className="inline-block size-2 rounded-full"
                    style={{ background: line.color }}
                  />
                  {t(`lines.${line.key}` as 'lines.rsi')}{' '}
                  <span className="font-medium text-foreground tabular-nums">
                    {last ? compact(last.value) : '–'}
                  </span>
                </span>
              );
            })}
          </figcaption>
          <div className="h-[130px] sm:h-[150px]">
            <IndicatorPanelChart
              lines={panel.lines}
              levels={panelLevels[panel.id] ?? NO_LEVELS}
              scheme={scheme}
              showTime={analysis.interval === 'intraday'}
              locale={locale}
              formatValue={compact}
              className="h-full w-full"
            />
          </div>
        </figure>
      ))}
    </div>
  );
}
