'use client';

import { useTheme } from 'next-themes';
import { useTranslations } from 'use-intl';
import { cn } from '@/components/ui/cn';
import { MonitorIcon, MoonIcon, SunIcon } from '@/components/ui/icons';
import { useMounted } from '@/components/ui/use-mounted';

const options = [
  { value: 'light', Icon: SunIcon },
  { value: 'dark', Icon: MoonIcon },
  { value: 'system', Icon: MonitorIcon },
] as const;

/** Light / dark / system as a three-button group; the active one is aria-pressed. */
export function ThemeToggle({
  showLabels = false,
  className,
}: {
  showLabels?: boolean;
  className?: string;
}) {
  const t = useTranslations('theme');
  const { theme, setTheme } = useTheme();
  // The stored theme is only known in the browser; render neutral until then.
  const mounted = useMounted();
  const current = mounted ? (theme ?? 'system') : undefined;

  return (
    <div
      role="group"
      aria-label={t('label')}
      className={cn(
        'inline-flex items-center rounded-lg border border-border bg-surface p-0.5',
        className,
      )}
    >
      {options.map(({ value, Icon }) => {
        const active = current === value;
        return (
          <button
            key={value}
            type="button"
            aria-pressed={active}
            aria-label={showLabels ? undefined : t(value)}
            title={t(value)}
            onClick={() => setTheme(value)}
            className={cn(
              'inline-flex h-8 items-center justify-center gap-1.5 rounded-md px-2 text-sm transition-colors',
              showLabels && 'flex-1',
              active ? 'bg-surface-muted text-foreground' : 'text-muted hover:text-foreground',
            )}
          >
            <Icon className="size-4" />
            {showLabels ? t(value) : null}
          </button>
        );
      })}
    </div>
  );
}
