import type { ReactNode } from 'react';
import { AppHeader } from '@/components/shell/app-header';
import { SkipLink } from '@/components/shell/skip-link';
import { UserIntlProvider } from '@/components/shell/user-intl-provider';
import { requireUser } from './require-user';

const MAIN_CONTENT_ID = 'main-content';

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  return (
    <UserIntlProvider>
      <SkipLink targetId={MAIN_CONTENT_ID} />
      <AppHeader user={{ name: user.name, email: user.email }} />
      <main
        id={MAIN_CONTENT_ID}
        tabIndex={-1}
        className="mx-auto w-full max-w-6xl px-4 py-6 focus:outline-none sm:px-6 sm:py-8"
      >
        {children}
      </main>
    </UserIntlProvider>
  );
}
