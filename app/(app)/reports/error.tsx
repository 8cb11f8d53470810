'use client';

import { useTranslations } from 'use-intl';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

/** Reports could not be read (database or analytics failure): say so and offer a retry. */
export default function ReportsError({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations('reports.report');
  return (
    <div className="flex flex-col items-start gap-3 py-10">
      <h1 className="text-xl font-semibold">{t('errorTitle')}</h1>
      <Alert>{t('errorBody')}</Alert>
      <Button variant="secondary" onClick={reset}>
        {t('retry')}
      </Button>
    </div>
  );
}
