'use client';

import { useTranslations } from 'use-intl';
import { Badge } from '@/components/ui/badge';

const tones = { info: 'info', warning: 'warning', critical: 'danger' } as const;

export function SeverityBadge({ severity }: { severity: string }) {
  const t = useTranslations('alerts.severity');
  const known = severity === 'warning' || severity === 'critical' ? severity : 'info';
  return (
    <Badge tone={tones[known]} dot>
      {t(known)}
    </Badge>
  );
}
