'use client';

import { useTranslations } from 'use-intl';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useErrorMessage } from '@/components/ui/use-error-message';
import { IndicatorPanels } from './indicator-panels';
import { IndicatorToggles } from './indicator-toggles';
import type { TechnicalAnalysis } from './use-technical-analysis';

/**
 * Indicator toggles, load/error state and the oscillator panels, embedded in the price chart's
 * card. The overlays it toggles are drawn by that chart (`overlayLines(analysis, scheme)`); both
 * share one `useTechnicalAnalysis`, so they follow the same interval, period and ticks.
 */
export function TechnicalAnalysisBody({ analysis }: { analysis: TechnicalAnalysis }) {
  const t = useTranslations('analysis.technical');
  const describeError = useErrorMessage();
  const { query } = analysis;
  const anyOn = analysis.overlays.length + analysis.panels.length > 0;
  return (
    <div
      role="region"
      aria-label={t('title')}
      className="flex flex-col gap-4"
      data-testid="technical-analysis"
    >
      <IndicatorToggles analysis={analysis} />
      {anyOn && query.isError && !query.data ? (
        <div className="flex flex-col items-start gap-2">
          <Alert>
            {t('loadFailed')} {describeError(query.error)}
          </Alert>
          <Button variant="secondary" size="sm" onClick={() => void query.refetch()}>
            {t('retry')}
          </Button>
        </div>
      ) : analysis.panels.length === 0 ? null : query.isPending ? (
        <p role="status" className="text-sm text-muted">
          {t('loading')}
        </p>
      ) : (
        <IndicatorPanels analysis={analysis} />
      )}
      {anyOn ? <p className="text-xs text-muted">{t('conventions')}</p> : null}
    </div>
  );
}
