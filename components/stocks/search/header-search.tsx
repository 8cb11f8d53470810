'use client';

import { useRef, useState } from 'react';
import { useTranslations } from 'use-intl';
import { SearchIcon } from '@/components/ui/icons';
import { SearchOverlay } from './search-overlay';
import { StockSearch } from './stock-search';
import { useSlashShortcut } from './use-slash-shortcut';

/**
 * Stock search in the app header: an input on wide screens (xl), a button opening a full-width
 * search on narrower ones. "/" focuses whichever is on screen.
 */
export function HeaderSearch() {
  const t = useTranslations('markets.search');
  const inputRef = useRef<HTMLInputElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const [overlayOpen, setOverlayOpen] = useState(false);

  useSlashShortcut(() => {
    const input = inputRef.current;
    // The inline input is display:none below `xl`; then the overlay takes over.
    if (input && input.offsetParent !== null) input.focus();
    else setOverlayOpen(true);
  });

  return (
    <>
      <StockSearch inputRef={inputRef} className="hidden max-w-72 min-w-36 flex-1 xl:block" />
      <button
        ref={buttonRef}
        type="button"
        aria-label={t('open')}
        aria-haspopup="dialog"
        aria-expanded={overlayOpen}
        onClick={() => setOverlayOpen(true)}
        className="inline-flex size-10 items-center justify-center rounded-lg text-foreground hover:bg-surface-muted xl:hidden"
      >
        <SearchIcon className="size-5" />
      </button>
      {overlayOpen ? (
        <SearchOverlay
          onClose={() => {
            setOverlayOpen(false);
            buttonRef.current?.focus();
          }}
        />
      ) : null}
    </>
  );
}
