'use client';

import { useEffect } from 'react';
import { createPortal } from 'react-dom';
import { useTranslations } from 'use-intl';
import { CloseIcon } from '@/components/ui/icons';
import { StockSearch } from './stock-search';

/**
 * Full-width search for narrow screens: covers the page, the input on top, results below.
 * Escape (with no list open), the close button or a tap outside the panel closes it.
 */
export function SearchOverlay({ onClose }: { onClose: () => void }) {
  const t = useTranslations('markets.search');

  // The page behind must not scroll while the overlay is up.
  useEffect(() => {
    const { overflow } = document.body.style;
    document.body.style.overflow = 'hidden';
    return () => {
      document.body.style.overflow = overflow;
    };
  }, []);

  // Portalled to <body>: the header's backdrop blur would otherwise trap `position: fixed`.
  return createPortal(
    <div
      role="dialog"
      aria-modal="true"
      aria-label={t('title')}
      className="fixed inset-0 z-50 bg-foreground/20 backdrop-blur-sm dark:bg-black/50"
      onClick={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <div className="max-h-full overflow-y-auto border-b border-border bg-surface px-4 pt-3 pb-4 shadow-lg">
        <div className="mx-auto flex max-w-2xl items-start gap-2">
          <StockSearch
            autoFocus
            variant="panel"
            onChosen={onClose}
            onDismiss={onClose}
            className="min-w-0 flex-1"
          />
          <button
            type="button"
            aria-label={t('close')}
            onClick={onClose}
            className="inline-flex size-11 shrink-0 items-center justify-center rounded-lg hover:bg-surface-muted"
          >
            <CloseIcon className="size-5" />
          </button>
        </div>
      </div>
    </div>,
    document.body,
  );
}
