'use client';

import Link from 'next/link';
import { useId } from 'react';
import { useTranslations } from 'use-intl';
import { cn } from '@/components/ui/cn';
import { useDisclosure } from '@/components/ui/use-disclosure';
import { ActivityIcon, ChevronDownIcon, SettingsIcon } from '@/components/ui/icons';
import { LocaleSwitcher } from './locale-switcher';
import { SignOutButton } from './sign-out-button';
import { ThemeToggle } from './theme-toggle';
import { UserAvatar } from './user-avatar';

export type ShellUser = { name: string | null; email: string };

/** A disclosure (not an ARIA menu): a button that shows account details and two actions. */
export function UserMenu({ user }: { user: ShellUser }) {
  const t = useTranslations();
  const { open, setOpen, rootRef, buttonRef } = useDisclosure();
  const panelId = useId();

  return (
    <div ref={rootRef} className="relative">
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={t('shell.userMenu')}
        onClick={() => setOpen((value) => !value)}
        className="flex h-9 items-center gap-2 rounded-lg pr-2 pl-1 hover:bg-surface-muted"
      >
        <UserAvatar name={user.name} email={user.email} className="size-7" />
        <span className="max-w-36 truncate text-sm font-medium">{user.name ?? user.email}</span>
        <ChevronDownIcon
          className={cn('size-4 text-muted transition-transform', open && 'rotate-180')}
        />
      </button>
      <div
        id={panelId}
        hidden={!open}
        className="absolute right-0 z-40 mt-2 w-72 rounded-xl border border-border bg-surface p-1.5 shadow-lg"
      >
        <div className="border-b border-border px-3 pt-1.5 pb-2.5">
          {user.name ? <p className="truncate text-sm font-semibold">{user.name}</p> : null}
          <p className="truncate text-sm text-muted">{user.email}</p>
        </div>
        <div className="grid gap-2 border-b border-border px-1.5 py-2.5">
          <LocaleSwitcher signedIn />
          <ThemeToggle showLabels className="w-full" />
        </div>
        <div className="flex flex-col pt-1.5">
          <Link
            href="/settings"
            onClick={() => setOpen(false)}
            className="flex h-9 items-center gap-2 rounded-md px-3 text-sm hover:bg-surface-muted"
          >
            <SettingsIcon className="size-4 text-muted" />
            {t('nav.settings')}
          </Link>
          <Link
            href="/system"
            onClick={() => setOpen(false)}
            className="flex h-9 items-center gap-2 rounded-md px-3 text-sm hover:bg-surface-muted"
          >
            <ActivityIcon className="size-4 text-muted" />
            {t('nav.system')}
          </Link>
          <SignOutButton className="h-9" />
        </div>
      </div>
    </div>
  );
}
