'use client';

import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { useLocale, useTranslations } from 'use-intl';
import { useTRPC } from '@/components/providers/trpc-provider';
import { cn } from '@/components/ui/cn';
import { controlClasses } from '@/components/ui/field';

export type ChosenSymbol = { symbol: string; name: string; currency: string };

const DEBOUNCE_MS = 200;

/** Symbol combobox backed by stocks.search: type a name or code, pick a match (arrows + Enter). */
export function SymbolField({
  value,
  onChange,
  error,
}: {
  value: ChosenSymbol | null;
  onChange: (value: ChosenSymbol) => void;
  error?: string | null;
}) {
  const t = useTranslations('analysis.backtests.form');
  const locale = useLocale();
  const trpc = useTRPC();
  const id = useId();
  const [text, setText] = useState(value ? `${value.name} (${value.symbol})` : '');
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);

  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim()), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  const search = useQuery(
    trpc.stocks.search.queryOptions({ query, limit: 8 }, { enabled: open && query.length > 0 }),
  );
  const matches = open && query.length > 0 ? (search.data ?? []) : [];

  function choose(index: number) {
    const match = matches[index];
    if (!match) return;
    const name = (locale.startsWith('ko') && match.nameKo) || match.name;
    onChange({ symbol: match.symbol, name, currency: match.currency });
    setText(`${name} (${match.symbol})`);
    setOpen(false);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' && matches.length > 0) {
      event.preventDefault();
      setOpen(true);
      setActive((active + 1) % matches.length);
    } else if (event.key === 'ArrowUp' && matches.length > 0) {
      event.preventDefault();
      setActive((active - 1 + matches.length) % matches.length);
    } else if (event.key === 'Enter' && open && matches.length > 0) {
      event.preventDefault();
      choose(active);
    } else if (event.key === 'Escape') {
      setOpen(false);
    }
  }

  const listId = `${id}-list`;
  const expanded = matches.length > 0;
  return (
    <div className="relative flex flex-col gap-1.5">
      <label htmlFor={`${id}-input`} className="text-sm font-medium">
        {t('symbol')}
      </label>
      <input
        id={`${id}-input`}
        role="combobox"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded ? `${id}-option-${active}` : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        autoComplete="off"
        placeholder={t('symbolPlaceholder')}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
          setActive(0);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
        className={cn(controlClasses, 'h-10')}
      />
      {error ? (
        <p id={`${id}-error`} className="text-xs font-medium text-danger">
          {error}
        </p>
      ) : null}
      <ul
        id={listId}
        role="listbox"
        aria-label={t('suggestions')}
        hidden={!expanded}
        className="absolute top-full z-20 mt-1 max-h-72 w-full overflow-auto rounded-lg border border-border bg-surface py-1 shadow-lg"
      >
        {matches.map((match, index) => (
          <li
            key={match.symbol}
            id={`${id}-option-${index}`}
            role="option"
            aria-selected={index === active}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(index)}
            className={cn(
              'flex cursor-pointer items-center justify-between gap-3 px-3 py-2 text-sm',
              index === active && 'bg-surface-muted',
            )}
          >
            <span className="min-w-0 truncate">
              {(locale.startsWith('ko') && match.nameKo) || match.name}
            </span>
            <span className="shrink-0 font-mono text-xs text-muted">{match.symbol}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
