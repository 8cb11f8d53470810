'use client';

import { useTranslations } from 'use-intl';
import { AddHoldingButton } from '@/components/portfolio/ledger/add-holding-button';
import { ActivityIcon } from '@/components/ui/icons';

/** Nothing held and nothing in cash yet: what this page will show, and the way to start. */
export function PortfolioEmpty() {
  const t = useTranslations('portfolio.empty');
  return (
    <div
      data-testid="portfolio-empty"
      className="flex flex-col items-center gap-3 rounded-xl border border-dashed border-border bg-surface px-6 py-12 text-center"
    >
      <span className="inline-flex size-11 items-center justify-center rounded-full bg-accent-subtle text-accent">
        <ActivityIcon className="size-5" />
      </span>
      <h3 className="text-base font-semibold">{t('title')}</h3>
      <p className="max-w-md text-sm text-balance text-muted">{t('body')}</p>
      <AddHoldingButton />
    </div>
  );
}
