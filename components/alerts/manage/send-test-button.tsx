'use client';

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { useTRPC } from '@/components/providers/trpc-provider';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { useErrorMessage } from '@/components/ui/use-error-message';

type Outcome = { ok: true } | { ok: false; reason: string };

/** Sends a test message now and says what the channel answered, in a polite live region. */
export function SendTestButton({
  channelId,
  name,
  disabled,
}: {
  channelId: string;
  name: string;
  disabled: boolean;
}) {
  const t = useTranslations('alertsPage.channels');
  const trpc = useTRPC();
  const describeError = useErrorMessage();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const send = useMutation(
    trpc.alerts.channels.sendTest.mutationOptions({
      onMutate: () => setOutcome(null),
      onSuccess: (result) =>
        setOutcome(result.ok ? { ok: true } : { ok: false, reason: result.reason }),
      onError: (error) => setOutcome({ ok: false, reason: describeError(error) }),
    }),
  );

  return (
    <div className="flex flex-col items-start gap-1.5">
      <Button
        size="sm"
        variant="secondary"
        pending={send.isPending}
        disabled={disabled}
        aria-label={t('sendTestTo', { name })}
        onClick={() => send.mutate({ id: channelId })}
      >
        {t('sendTest')}
      </Button>
      <p
        aria-live="polite"
        data-testid="channel-test-result"
        data-outcome={outcome ? (outcome.ok ? 'ok' : 'failed') : undefined}
        className={cn(
          'text-xs',
          outcome?.ok === true && 'text-gain',
          outcome?.ok === false && 'text-danger',
        )}
      >
        {send.isPending
          ? t('testing')
          : outcome === null
            ? null
            : outcome.ok
              ? t('testOk')
              : t('testFailed', { reason: outcome.reason })}
      </p>
    </div>
  );
}
