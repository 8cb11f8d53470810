'use client';

import { ThemeProvider } from 'next-themes';
import type { ReactNode } from 'react';
import { IntlProvider } from 'use-intl';
import type { AppLocale } from '@/i18n/locale';
import type { AppMessages } from '@/i18n/messages';
import type { RealtimeClientConfig } from '@/server/realtime/client-config';
import { HydrationMarker } from './hydration-marker';
import { RealtimeProvider } from './realtime-provider';
import { TRPCReactProvider } from './trpc-provider';

type AppProvidersProps = {
  locale: AppLocale;
  messages: AppMessages;
  timeZone: string;
  /** The server's render time, so relative times hydrate without a mismatch. */
  now: Date;
  realtime: RealtimeClientConfig;
  children: ReactNode;
};

/** Every client-side context the app needs, in dependency order. */
export function AppProviders({
  locale,
  messages,
  timeZone,
  now,
  realtime,
  children,
}: AppProvidersProps) {
  return (
    <ThemeProvider attribute="class" defaultTheme="system" enableSystem disableTransitionOnChange>
      <IntlProvider locale={locale} messages={messages} timeZone={timeZone} now={now}>
        <TRPCReactProvider>
          <RealtimeProvider config={realtime}>
            {children}
            <HydrationMarker />
          </RealtimeProvider>
        </TRPCReactProvider>
      </IntlProvider>
    </ThemeProvider>
  );
}
