'use client';

import { useTranslations } from 'use-intl';
import { useRealtimeStatus } from '@/components/providers/realtime-provider';
import { Badge } from '@/components/ui/badge';

const tones = { open: 'success', connecting: 'warning', closed: 'neutral' } as const;

/** This browser's live connection: connecting, connected or disconnected. */
export function RealtimeStatusBadge() {
  const t = useTranslations('realtimeStatus');
  const status = useRealtimeStatus();
  return (
    <Badge tone={tones[status]} dot data-testid="realtime-status" data-status={status}>
      {t(status)}
    </Badge>
  );
}
