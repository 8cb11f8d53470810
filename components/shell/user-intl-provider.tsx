'use client';

import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { IntlProvider, useLocale, useMessages, useNow, useTimeZone } from 'use-intl';
import { useTRPC } from '@/components/providers/trpc-provider';

/**
 * Re-provides the intl context with the signed-in user's time zone once their profile is loaded,
 * so every date below is shown in their zone (Asia/Seoul until then, the default).
 */
export function UserIntlProvider({ children }: { children: ReactNode }) {
  const trpc = useTRPC();
  const me = useQuery(trpc.users.me.queryOptions());
  const locale = useLocale();
  const messages = useMessages();
  const now = useNow();
  const timeZone = useTimeZone();
  return (
    <IntlProvider
      locale={locale}
      messages={messages}
      now={now}
      timeZone={me.data?.timezone ?? timeZone}
    >
      {children}
    </IntlProvider>
  );
}
