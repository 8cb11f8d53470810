'use client';

import { signOut } from 'next-auth/react';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { cn } from '@/components/ui/cn';
import { LogOutIcon } from '@/components/ui/icons';

export function SignOutButton({ className }: { className?: string }) {
  const t = useTranslations('shell');
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      aria-busy={pending || undefined}
      onClick={() => {
        setPending(true);
        // A full navigation: the session cookie, query cache and live connection all reset.
        void signOut({ callbackUrl: '/sign-in' });
      }}
      className={cn(
        'flex w-full items-center gap-2 rounded-md px-3 text-left text-sm text-foreground hover:bg-surface-muted disabled:opacity-60',
        className,
      )}
    >
      <LogOutIcon className="size-4 text-muted" />
      {pending ? t('signingOut') : t('signOut')}
    </button>
  );
}
