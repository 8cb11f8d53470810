'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useId, useTransition } from 'react';
import { useLocale, useTranslations } from 'use-intl';
import { useTRPC } from '@/components/providers/trpc-provider';
import { cn } from '@/components/ui/cn';
import { ChevronDownIcon, GlobeIcon } from '@/components/ui/icons';
import { SUPPORTED_LOCALES, isSupportedLocale, localeCookie } from '@/i18n/locale';

/**
 * Switches the UI language: the cookie makes it stick for this browser (read by the server on the
 * next render), the saved preference follows the account, and a refresh re-renders in place.
 */
export function LocaleSwitcher({ signedIn, className }: { signedIn: boolean; className?: string }) {
  const t = useTranslations('locale');
  const locale = useLocale();
  const router = useRouter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [pending, startTransition] = useTransition();
  const savePreference = useMutation(
    trpc.users.updatePreferences.mutationOptions({
      onSuccess: (me) => queryClient.setQueryData(trpc.users.me.queryKey(), me),
    }),
  );

  function change(value: string) {
    if (!isSupportedLocale(value) || value === locale) return;
    document.cookie = localeCookie(value);
    // The cookie already applies the choice; a failed save only means other devices won't follow.
    if (signedIn) savePreference.mutate({ locale: value });
    startTransition(() => router.refresh());
  }

  return (
    <div className={cn('relative flex items-center', className)}>
      <label htmlFor={id} className="sr-only">
        {t('label')}
      </label>
      <GlobeIcon className="pointer-events-none absolute left-2.5 size-4 text-muted" />
      <select
        id={id}
        value={locale}
        disabled={pending}
        aria-busy={pending || undefined}
        onChange={(event) => change(event.target.value)}
        className={cn(
          'h-9 w-full appearance-none rounded-lg border border-border bg-surface py-0 pr-8 pl-8 text-sm',
          'hover:bg-surface-muted disabled:opacity-60',
        )}
      >
        {SUPPORTED_LOCALES.map((option) => (
          <option key={option} value={option} lang={option}>
            {t(option)}
          </option>
        ))}
      </select>
      <ChevronDownIcon className="pointer-events-none absolute right-2.5 size-4 text-muted" />
    </div>
  );
}
