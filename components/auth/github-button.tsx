'use client';

import { signIn } from 'next-auth/react';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { Button } from '@/components/ui/button';
import { GitHubIcon } from '@/components/ui/icons';

export function GitHubButton({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations('auth');
  const [pending, setPending] = useState(false);
  return (
    <>
      <Button
        variant="secondary"
        className="w-full"
        pending={pending}
        onClick={() => {
          setPending(true);
          void signIn('github', { callbackUrl });
        }}
      >
        {pending ? null : <GitHubIcon className="size-4" />}
        {t('github')}
      </Button>
      <div className="my-5 flex items-center gap-3 text-xs text-muted" aria-hidden="true">
        <span className="h-px flex-1 bg-border" />
        {t('or')}
        <span className="h-px flex-1 bg-border" />
      </div>
    </>
  );
}
