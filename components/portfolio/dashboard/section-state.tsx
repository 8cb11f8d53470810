'use client';

import type { ReactNode } from 'react';
import { useTranslations } from 'use-intl';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { useErrorMessage } from '@/components/ui/use-error-message';

/** A section's placeholder while its first answer loads: busy, labelled, shaped by `children`. */
export function SectionLoading({
  children,
  className,
}: {
  children: ReactNode;
  className?: string;
}) {
  const t = useTranslations('common');
  return (
    <div role="status" aria-busy="true" className={cn('flex flex-col gap-3', className)}>
      <span className="sr-only">{t('loading')}</span>
      {children}
    </div>
  );
}

/** A section that could not load: what failed, why, and a retry. */
export function SectionError({
  error,
  onRetry,
  className,
}: {
  error: unknown;
  onRetry: () => void;
  className?: string;
}) {
  const t = useTranslations();
  const describe = useErrorMessage();
  return (
    <div className={cn('flex flex-col items-start gap-3', className)}>
      <Alert>
        {t('errors.loadFailed')} {describe(error)}
      </Alert>
      <Button variant="secondary" size="sm" onClick={onRetry}>
        {t('common.retry')}
      </Button>
    </div>
  );
}
