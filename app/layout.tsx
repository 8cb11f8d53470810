import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { AppProviders } from '@/components/providers/app-providers';
import { DEFAULT_TIME_ZONE } from '@/i18n/locale';
import { getLocale, getMessages, getTranslator } from '@/i18n/server';
import { getPublicAppInfo } from '@/server/app-info';
import { pretendard } from './fonts';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator('metadata');
  return {
    title: { default: t('title'), template: t('titleTemplate') },
    description: t('description'),
    applicationName: 'Stockvis',
  };
}

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#f6f7f9' },
    { media: '(prefers-color-scheme: dark)', color: '#0b0f17' },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, info] = await Promise.all([getLocale(), getPublicAppInfo()]);
  return (
    // next-themes sets the class on <html> before hydration; the warning is expected there.
    <html lang={locale} className={pretendard.variable} suppressHydrationWarning>
      <body className="min-h-dvh">
        <AppProviders
          locale={locale}
          messages={getMessages(locale)}
          timeZone={DEFAULT_TIME_ZONE}
          now={new Date()}
          realtime={info.realtime}
        >
          {children}
        </AppProviders>
      </body>
    </html>
  );
}
