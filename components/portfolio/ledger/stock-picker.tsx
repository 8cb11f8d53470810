'use client';

import {
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import { useTranslations } from 'use-intl';
import { cn } from '@/components/ui/cn';
import { controlClasses } from '@/components/ui/field';
import { SearchIcon } from '@/components/ui/icons';
import { isNavigationKey, moveActive } from '@/components/stocks/search/active-option';
import { SearchPopup } from '@/components/stocks/search/search-popup';
import {
  MAX_QUERY_LENGTH,
  useStockSearch,
  type StockSearchMatch,
} from '@/components/stocks/search/use-stock-search';

/**
 * The header search's combobox, choosing instead of navigating: names in Korean or English,
 * codes, tickers and Korean initial consonants (ㅅㅅㅈㅈ) all work, as in the header. Results
 * show inline below the input (inside a dialog there is no room for a dropdown).
 */
export function StockPicker({ onPick }: { onPick: (match: StockSearchMatch) => void }) {
  const t = useTranslations();
  const id = useId();
  const inputId = `${id}-input`;
  const listId = `${id}-list`;
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const search = useStockSearch(text);
  const { matches, settled, query } = search;
  // Holdings only: an index cannot be bought.
  const holdable = useMemo(() => matches.filter((match) => match.kind !== 'index'), [matches]);
  const view = { ...search, matches: holdable };

  // New results: the first one is active again (Enter picks the best match).
  const [shown, setShown] = useState(holdable);
  if (shown !== holdable) {
    setShown(holdable);
    setActive(holdable.length > 0 ? 0 : -1);
  }

  // The pick, handed to the parent after render. An object each time, so picking the same stock
  // again still counts.
  const [picked, setPicked] = useState<{ match: StockSearchMatch } | null>(null);
  const onPickRef = useRef(onPick);
  useLayoutEffect(() => {
    onPickRef.current = onPick;
  });
  useEffect(() => {
    if (picked) onPickRef.current(picked.match);
  }, [picked]);

  // Enter before the answer for the current text arrived: take its best match when it does.
  const [pendingEnter, setPendingEnter] = useState(false);
  if (pendingEnter && settled) {
    setPendingEnter(false);
    const first = holdable[0];
    if (first) setPicked({ match: first });
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    // Keys during composition belong to the IME (Enter commits the syllable, not a choice).
    if (event.nativeEvent.isComposing || event.keyCode === 229) return;
    if (isNavigationKey(event.key) && holdable.length > 0) {
      event.preventDefault();
      setActive((current) => moveActive(current, event.key as never, holdable.length));
      return;
    }
    if (event.key === 'Enter') {
      event.preventDefault();
      const chosen = holdable[active];
      if (settled && chosen) setPicked({ match: chosen });
      else if (!settled && query.length > 0) setPendingEnter(true);
      return;
    }
    if (event.key === 'Escape' && text.length > 0) {
      // Clears the text first; a second Escape closes the dialog.
      event.preventDefault();
      setText('');
    }
  }

  const expanded = query.length > 0;
  const activeOption =
    expanded && active >= 0 && holdable[active] ? `${id}-opt-${active}` : undefined;

  return (
    <div>
      <label htmlFor={inputId} className="text-sm font-medium">
        {t('ledger.add.searchLabel')}
      </label>
      <div className="relative mt-1.5">
        <SearchIcon className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted" />
        <input
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
          autoFocus
          maxLength={MAX_QUERY_LENGTH}
          placeholder={t('markets.search.placeholder')}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setPendingEnter(false);
          }}
          onCompositionEnd={(event) => setText(event.currentTarget.value)}
          onKeyDown={onKeyDown}
          className={cn(controlClasses, 'h-11 pl-9 text-base sm:text-sm')}
        />
      </div>
      <p id={`${id}-hint`} className="mt-1.5 text-xs text-muted">
        {t('ledger.add.searchHint')}
      </p>
      <SearchPopup
        open={expanded}
        listId={listId}
        optionId={(index) => `${id}-opt-${index}`}
        variant="panel"
        search={view}
        active={active}
        onChoose={(symbol) => {
          const match = holdable.find((candidate) => candidate.symbol === symbol);
          if (match) setPicked({ match });
        }}
        onHover={setActive}
      />
      <p role="status" aria-live="polite" className="sr-only">
        {expanded && settled ? t('markets.search.resultCount', { count: holdable.length }) : ''}
      </p>
    </div>
  );
}
