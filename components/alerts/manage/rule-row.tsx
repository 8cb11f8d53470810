'use client';

import Link from 'next/link';
import { useTranslations } from 'use-intl';
import { SeverityBadge } from '@/components/alerts/severity-badge';
import { RelativeTime } from '@/components/system/relative-time';
import { stockHref } from '@/components/stocks/search/stock-href';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { PencilIcon, TrashIcon } from '@/components/ui/icons';
import { ToggleSwitch } from './toggle-switch';
import type { AlertRule } from './types';
import { useCooldownText, useRuleName } from './use-rule-text';

/** One rule: what it watches, how loud, how often, when it last fired; switch, edit, delete. */
export function RuleRow({
  rule,
  toggling,
  onToggle,
  onEdit,
  onDelete,
}: {
  rule: AlertRule;
  toggling: boolean;
  onToggle: (enabled: boolean) => void;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const t = useTranslations('alertsPage');
  const ruleName = useRuleName();
  const cooldownText = useCooldownText();
  const name = ruleName(rule);
  const builtin = rule.builtinKey !== null;

  return (
    <li
      data-testid="rule-row"
      data-rule-id={rule.id}
      data-enabled={rule.enabled ? 'true' : 'false'}
      className="flex flex-col gap-3 py-3 sm:flex-row sm:items-start sm:justify-between"
    >
      <div className={cn('min-w-0 flex-1', !rule.enabled && 'opacity-70')}>
        <div className="flex flex-wrap items-center gap-2">
          <h4 className="text-sm font-medium">{name}</h4>
          <SeverityBadge severity={rule.severity} />
          {builtin ? <Badge>{t('rules.builtin')}</Badge> : null}
        </div>
        <p className="mt-1 text-sm text-muted">{rule.description}</p>
        <p className="mt-1.5 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-muted">
          {rule.symbol ? (
            <span>
              <span className="sr-only">{t('rules.stock')}: </span>
              <Link
                href={stockHref(rule.symbol)}
                className="font-mono font-medium text-accent hover:underline"
              >
                {rule.symbol}
              </Link>
            </span>
          ) : null}
          <span>{t('rules.cooldown', { duration: cooldownText(rule.cooldownMinutes) })}</span>
          <span>
            {t('rules.lastFired')}:{' '}
            {rule.lastFiredAt ? (
              <RelativeTime date={new Date(rule.lastFiredAt)} />
            ) : (
              t('rules.neverFired')
            )}
          </span>
        </p>
      </div>
      <div className="flex shrink-0 items-center gap-1 self-end sm:self-start">
        <ToggleSwitch
          checked={rule.enabled}
          onChange={onToggle}
          disabled={toggling}
          label={t('rules.enabled', { name })}
          labelHidden
          className="mr-2"
        />
        <Button
          variant="ghost"
          size="icon"
          aria-label={t('rules.editRule', { name })}
          title={t('edit')}
          onClick={onEdit}
        >
          <PencilIcon className="size-4" />
        </Button>
        {builtin ? (
          // Built-ins are switched off, never deleted: keep the columns aligned.
          <span aria-hidden="true" className="size-9" />
        ) : (
          <Button
            variant="ghost"
            size="icon"
            aria-label={t('rules.deleteRule', { name })}
            title={t('delete')}
            onClick={onDelete}
          >
            <TrashIcon className="size-4" />
          </Button>
        )}
      </div>
    </li>
  );
}
