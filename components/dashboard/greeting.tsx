'use client';

import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'use-intl';
import { useTRPC } from '@/components/providers/trpc-provider';
import { PageHeader } from '@/components/shell/page-header';

/** Greets by the profile's current name (the session's copy may predate a rename in settings). */
export function Greeting({ sessionName }: { sessionName: string | null }) {
  const t = useTranslations('dashboard');
  const trpc = useTRPC();
  const me = useQuery(trpc.users.me.queryOptions());
  const name = me.data ? me.data.name : sessionName;
  return (
    <PageHeader
      title={name ? t('greeting', { name }) : t('greetingNoName')}
      description={t('subtitle')}
    />
  );
}
