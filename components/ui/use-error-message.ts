'use client';

import { useTranslations } from 'use-intl';
import { errorMessageKey, trpcErrorCode } from './trpc-error';

/**
 * `describe(error, { CONFLICT: t('nameTaken') })`: a localized sentence for a tRPC error, with
 * per-call wording for the codes a form expects.
 */
export function useErrorMessage() {
  const t = useTranslations('errors');
  return (error: unknown, overrides: Partial<Record<string, string>> = {}): string => {
    const code = trpcErrorCode(error);
    const override = code ? overrides[code] : undefined;
    return override ?? t(errorMessageKey(error));
  };
}
