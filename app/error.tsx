'use client';

import Link from 'next/link';
import { useTranslations } from 'use-intl';
import { Button, buttonClasses } from '@/components/ui/button';

export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  const t = useTranslations();
  return (
    <main className="flex min-h-[60dvh] flex-col items-center justify-center gap-4 px-6 text-center">
      <h1 className="text-2xl font-semibold">{t('errorPage.title')}</h1>
      <p className="max-w-sm text-muted">{t('errorPage.description')}</p>
      {error.digest ? (
        <p className="font-mono text-xs text-muted">
          {t('errorPage.reference', { digest: error.digest })}
        </p>
      ) : null}
      <div className="mt-2 flex flex-wrap justify-center gap-2">
        <Button onClick={reset}>{t('common.retry')}</Button>
        <Link href="/dashboard" className={buttonClasses({ variant: 'secondary' })}>
          {t('notFound.back')}
        </Link>
      </div>
    </main>
  );
}
