'use client';

import { useRouter } from 'next/navigation';
import {
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type Ref,
} from 'react';
import { useTranslations } from 'use-intl';
import { cn } from '@/components/ui/cn';
import { controlClasses } from '@/components/ui/field';
import { Spinner } from '@/components/ui/spinner';
import { isNavigationKey, moveActive } from './active-option';
import { SearchIcon } from '@/components/ui/icons';
import { SearchPopup } from './search-popup';
import { stockHref } from './stock-href';
import { MAX_QUERY_LENGTH, useStockSearch } from './use-stock-search';

type StockSearchProps = {
  inputRef?: Ref<HTMLInputElement>;
  autoFocus?: boolean;
  /** After a stock was chosen (the page is loading). */
  onChosen?: () => void;
  /** Escape with the list already closed (an overlay closes itself). */
  onDismiss?: () => void;
  /** Results drop down over the page (header) or fill the panel below the input (overlay). */
  variant?: 'dropdown' | 'panel';
  className?: string;
};

/**
 * The stock search combobox (WAI-ARIA combobox with a listbox popup, automatic selection of the
 * first option): type a name, code, ticker or Korean initials, arrows move, Enter opens the stock.
 * Korean IME: the composing text is searched as it is typed, and keys that belong to the IME
 * (Enter committing a syllable) are left alone.
 */
export function StockSearch({
  inputRef,
  autoFocus,
  onChosen,
  onDismiss,
  variant = 'dropdown',
  className,
}: StockSearchProps) {
  const t = useTranslations('markets.search');
  const router = useRouter();
  const id = useId();
  const inputId = `${id}-input`;
  const listId = `${id}-list`;
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  // Enter before the answer for the current text arrived: open the first result when it does.
  const [pendingEnter, setPendingEnter] = useState(false);
  const search = useStockSearch(text);
  const onChosenRef = useRef(onChosen);
  useLayoutEffect(() => {
    onChosenRef.current = onChosen;
  });
  const { matches, settled, query } = search;

  // New results: the first one is active again (Enter opens the best match).
  const [shownMatches, setShownMatches] = useState(matches);
  if (shownMatches !== matches) {
    setShownMatches(matches);
    setActive(matches.length > 0 ? 0 : -1);
  }

  // A choice to navigate to; an object each time, so choosing the same stock again still counts.
  const [chosen, setChosen] = useState<{ symbol: string } | null>(null);

  function choose(symbol: string) {
    setOpen(false);
    setPendingEnter(false);
    setText('');
    setChosen({ symbol });
  }

  if (pendingEnter && settled) {
    const first = matches[0];
    if (first) choose(first.symbol);
    else setPendingEnter(false);
  }

  useEffect(() => {
    if (!chosen) return;
    router.push(stockHref(chosen.symbol));
    // The page changes under the search: leave the field, so "/" can bring it back.
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
    onChosenRef.current?.();
  }, [chosen, router]);

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    // Keys during composition belong to the IME (Enter commits the syllable, not a choice).
    if (event.nativeEvent.isComposing || event.keyCode === 229) return;
    if (isNavigationKey(event.key) && (event.key.startsWith('Arrow') || open)) {
      if (matches.length === 0) return;
      event.preventDefault();
      setOpen(true);
      setActive((current) => moveActive(current, event.key as never, matches.length));
      return;
    }
    if (event.key === 'Enter') {
      if (query.length === 0) return;
      event.preventDefault();
      const chosen = matches[active];
      if (settled && chosen) choose(chosen.symbol);
      else if (!settled) {
        setOpen(true);
        setPendingEnter(true);
      }
      return;
    }
    if (event.key === 'Escape') {
      event.preventDefault();
      if (open && query.length > 0) setOpen(false);
      else if (text.length > 0) setText('');
      else onDismiss?.();
    }
  }

  const expanded = open && query.length > 0;
  const activeOption =
    expanded && active >= 0 && matches[active] ? `${id}-opt-${active}` : undefined;

  return (
    <div
      className={cn('relative', className)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <label htmlFor={inputId} className="sr-only">
        {t('label')}
      </label>
      <div className="@container relative">
        <SearchIcon className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted" />
        <input
          ref={inputRef}
          id={inputId}
          type="text"
          role="combobox"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={activeOption}
          aria-describedby={`${id}-hint`}
          autoComplete="off"
          autoCorrect="off"
          autoCapitalize="off"
          spellCheck={false}
          enterKeyHint="go"
          maxLength={MAX_QUERY_LENGTH}
          autoFocus={autoFocus}
          placeholder={t('placeholder')}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setOpen(true);
            setPendingEnter(false);
          }}
          onCompositionEnd={(event) => {
            // Some browsers send the committed text only here, after the last input event.
            setText(event.currentTarget.value);
          }}
          onFocus={() => setOpen(true)}
          onKeyDown={onKeyDown}
          className={cn(
            controlClasses,
            'h-9 pr-9 pl-9 @[13rem]:pr-14',
            variant === 'panel' && 'h-11 text-base',
          )}
        />
        <span className="pointer-events-none absolute top-1/2 right-2 flex -translate-y-1/2 items-center gap-1.5">
          {search.loading && matches.length > 0 ? (
            <Spinner className="size-3.5 text-muted" />
          ) : null}
          {text.length === 0 && variant === 'dropdown' ? (
            <kbd
              aria-hidden="true"
              className="hidden rounded border border-border px-1.5 font-mono text-[11px] text-muted @[13rem]:inline-block"
            >
              /
            </kbd>
          ) : null}
        </span>
      </div>
      <p id={`${id}-hint`} className="sr-only">
        {t('hint')}
      </p>

      <SearchPopup
        open={expanded}
        listId={listId}
        optionId={(index) => `${id}-opt-${index}`}
        variant={variant}
        search={search}
        active={active}
        onChoose={choose}
        onHover={setActive}
      />
      {variant === 'panel' && query.length === 0 ? (
        <p aria-hidden="true" className="mt-3 px-1 text-sm text-muted">
          {t('hint')}
        </p>
      ) : null}
      <p role="status" aria-live="polite" className="sr-only">
        {expanded && settled ? t('resultCount', { count: matches.length }) : ''}
      </p>
    </div>
  );
}
