'use client';

import { useTranslations } from 'use-intl';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { COOLDOWN_PRESETS, parseCooldown } from './cooldown';
import { useCooldownText } from './use-rule-text';

/** Minutes typed, or one of the presets (which show as pressed when they match). */
export function CooldownField({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (value: string) => void;
  error: string | null;
}) {
  const t = useTranslations('alertsPage.ruleForm');
  const cooldownText = useCooldownText();
  const current = parseCooldown(value);
  return (
    <div className="flex flex-col gap-2">
      <TextField
        label={t('cooldown')}
        name="cooldownMinutes"
        inputMode="numeric"
        autoComplete="off"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        hint={t('cooldownHint')}
        error={error}
      />
      <div role="group" aria-label={t('cooldownPresets')} className="flex flex-wrap gap-1.5">
        {COOLDOWN_PRESETS.map((minutes) => (
          <Button
            key={minutes}
            size="sm"
            variant={current === minutes ? 'primary' : 'secondary'}
            aria-pressed={current === minutes}
            onClick={() => onChange(String(minutes))}
          >
            {cooldownText(minutes)}
          </Button>
        ))}
      </div>
    </div>
  );
}
