'use client';

import { useTranslations } from 'use-intl';

/** The first focusable element: jumps keyboard users past the header. */
export function SkipLink({ targetId }: { targetId: string }) {
  const t = useTranslations('shell');
  return (
    <a
      href={`#${targetId}`}
      className="sr-only z-50 rounded-md bg-accent text-sm font-medium text-accent-foreground focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:px-4 focus:py-2 focus:shadow-lg"
    >
      {t('skipToContent')}
    </a>
  );
}
