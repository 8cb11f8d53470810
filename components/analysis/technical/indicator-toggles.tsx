'use client';

import { useTranslations } from 'use-intl';
import { cn } from '@/components/ui/cn';
import { overlayIds, panelIds } from './indicator-catalog';
import type { TechnicalAnalysis } from './use-technical-analysis';

function Toggle({
  label,
  pressed,
  onClick,
}: {
  label: string;
  pressed: boolean;
  onClick: () => void;
}) {
  return (
    <button
      type="button"
      aria-pressed={pressed}
      onClick={onClick}
      className={cn(
        'h-8 rounded-full border px-3 text-xs font-medium transition-colors sm:text-sm',
        pressed
          ? 'border-accent bg-accent-subtle text-accent'
          : 'border-border text-muted hover:bg-surface-muted hover:text-foreground',
      )}
    >
      {label}
    </button>
  );
}

/** Two rows of toggle buttons: overlays on the price chart, and the panels below it. */
export function IndicatorToggles({ analysis }: { analysis: TechnicalAnalysis }) {
  const t = useTranslations('analysis.technical');
  return (
    <div className="flex flex-col gap-2">
      <div role="group" aria-label={t('overlays')} className="flex flex-wrap items-center gap-1.5">
        <span className="mr-1 text-xs font-semibold text-muted">{t('overlays')}</span>
        {overlayIds.map((id) => (
          <Toggle
            key={id}
            label={t(`indicators.${id}`)}
            pressed={analysis.overlays.includes(id)}
            onClick={() => analysis.toggleOverlay(id)}
          />
        ))}
      </div>
      <div role="group" aria-label={t('panels')} className="flex flex-wrap items-center gap-1.5">
        <span className="mr-1 text-xs font-semibold text-muted">{t('panels')}</span>
        {panelIds.map((id) => (
          <Toggle
            key={id}
            label={t(`indicators.${id}`)}
            pressed={analysis.panels.includes(id)}
            onClick={() => analysis.togglePanel(id)}
          />
        ))}
      </div>
    </div>
  );
}
