import Link from 'next/link';
import type { ReactNode } from 'react';
import { LocaleSwitcher } from '@/components/shell/locale-switcher';
import { ThemeToggle } from '@/components/shell/theme-toggle';
import { LogoMark } from '@/components/ui/icons';

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="mx-auto flex w-full max-w-6xl items-center gap-3 px-4 py-4 sm:px-6">
        <Link
          href="/"
          className="mr-auto flex items-center gap-2 rounded-md text-lg font-bold tracking-tight"
        >
          <LogoMark className="size-7" />
          {/* On the narrowest phones the mark alone leaves room for the language and theme. */}
          <span className="max-[400px]:sr-only">Stockvis</span>
        </Link>
        <LocaleSwitcher signedIn={false} className="w-32" />
        <ThemeToggle />
      </header>
      <main className="flex flex-1 items-start justify-center px-4 pt-6 pb-16 sm:items-center sm:pt-0">
        {children}
      </main>
    </div>
  );
}
