'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { useTRPC } from '@/components/providers/trpc-provider';
import { NotificationBell } from '@/components/alerts/notification-bell';
import { HeaderSearch } from '@/components/stocks/search/header-search';
import { ActivityIcon, CloseIcon, LogoMark, MenuIcon, SettingsIcon } from '@/components/ui/icons';
import { LocaleSwitcher } from './locale-switcher';
import { NavLinks } from './nav-links';
import { SignOutButton } from './sign-out-button';
import { ThemeToggle } from './theme-toggle';
import { UserAvatar } from './user-avatar';
import { UserMenu, type ShellUser } from './user-menu';

const MOBILE_MENU_ID = 'mobile-menu';

/**
 * Logo, navigation, stock search, language, theme and account. The header's content is at most
 * 1104 px wide; below `xl` the links, search field and extras no longer fit one row, so they fold
 * into a menu and the search becomes a button. The search field takes whatever width is left.
 */
export function AppHeader({ user: sessionUser }: { user: ShellUser }) {
  const t = useTranslations('shell');
  const tNav = useTranslations('nav');
  const trpc = useTRPC();
  // The profile is the current truth (a rename in settings); the session's copy fills in until then.
  const me = useQuery(trpc.users.me.queryOptions());
  const user = me.data ? { name: me.data.name, email: me.data.email } : sessionUser;
  const [menuOpen, setMenuOpen] = useState(false);
  const close = () => setMenuOpen(false);

  return (
    <header className="sticky top-0 z-30 border-b border-border bg-surface/90 backdrop-blur supports-[backdrop-filter]:bg-surface/75">
      <div className="mx-auto flex h-14 max-w-6xl items-center gap-4 px-4 sm:px-6">
        <Link
          href="/dashboard"
          aria-label={t('homeLink')}
          onClick={close}
          className="flex items-center gap-2 rounded-md text-lg font-bold tracking-tight"
        >
          <LogoMark className="size-7" />
          <span aria-hidden="true">Stockvis</span>
        </Link>

        <nav aria-label={t('mainNavigation')} className="hidden xl:block">
          <NavLinks />
        </nav>

        <div className="ml-auto flex min-w-0 flex-1 items-center justify-end gap-2">
          <HeaderSearch />
          {me.data ? <NotificationBell userId={me.data.id} /> : null}
          <div className="hidden items-center gap-2 xl:flex">
            <UserMenu user={user} />
          </div>

          <button
            type="button"
            aria-expanded={menuOpen}
            aria-controls={MOBILE_MENU_ID}
            aria-label={menuOpen ? t('closeMenu') : t('openMenu')}
            onClick={() => setMenuOpen((open) => !open)}
            className="inline-flex size-10 items-center justify-center rounded-lg hover:bg-surface-muted xl:hidden"
          >
            {menuOpen ? <CloseIcon className="size-5" /> : <MenuIcon className="size-5" />}
          </button>
        </div>
      </div>

      <div
        id={MOBILE_MENU_ID}
        hidden={!menuOpen}
        className="border-t border-border bg-surface px-4 pt-3 pb-4 xl:hidden"
      >
        <nav aria-label={t('mainNavigation')}>
          <NavLinks orientation="vertical" onNavigate={close} />
        </nav>
        <div className="mt-3 grid gap-3 border-t border-border pt-3">
          <LocaleSwitcher signedIn />
          <ThemeToggle showLabels className="w-full" />
        </div>
        <div className="mt-3 border-t border-border pt-3">
          <div className="flex items-center gap-3 px-1 pb-2">
            <UserAvatar name={user.name} email={user.email} />
            <div className="min-w-0">
              {user.name ? <p className="truncate text-sm font-semibold">{user.name}</p> : null}
              <p className="truncate text-sm text-muted">{user.email}</p>
            </div>
          </div>
          <Link
            href="/settings"
            onClick={close}
            className="flex h-11 items-center gap-2 rounded-md px-3 text-sm hover:bg-surface-muted"
          >
            <SettingsIcon className="size-4 text-muted" />
            {tNav('settings')}
          </Link>
          <Link
            href="/system"
            onClick={close}
            className="flex h-11 items-center gap-2 rounded-md px-3 text-sm hover:bg-surface-muted"
          >
            <ActivityIcon className="size-4 text-muted" />
            {tNav('system')}
          </Link>
          <SignOutButton className="h-11" />
        </div>
      </div>
    </header>
  );
}
