'use client';

import { useId, useState, type DragEvent } from 'react';
import { useTranslations } from 'use-intl';
import { buttonClasses } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { UploadIcon } from './ledger-icons';

/**
 * Where the CSV comes from: dropped on the zone, or chosen with the file input (the keyboard
 * path: the visible "Choose file" label is the focusable input's label).
 */
export function ImportFilePicker({
  onFile,
  problem,
}: {
  onFile: (file: File) => void;
  problem: string | null;
}) {
  const t = useTranslations('ledger.import');
  const id = useId();
  const [dragging, setDragging] = useState(false);

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) onFile(file);
  }

  return (
    <div className="flex flex-col gap-3">
      <div
        data-testid="import-drop-zone"
        onDragOver={(event) => {
          event.preventDefault();
          event.dataTransfer.dropEffect = 'copy';
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        className={cn(
          'flex flex-col items-center gap-3 rounded-xl border-2 border-dashed px-4 py-8 text-center transition-colors',
          dragging ? 'border-accent bg-accent-subtle' : 'border-border',
          problem && !dragging && 'border-danger/50',
        )}
      >
        <span className="inline-flex size-11 items-center justify-center rounded-full bg-accent-subtle text-accent">
          <UploadIcon className="size-5" />
        </span>
        <p className="text-sm font-medium">{t('dropHere')}</p>
        <label
          htmlFor={id}
          className={cn(
            buttonClasses({ variant: 'secondary', size: 'sm' }),
            'cursor-pointer has-[input:focus-visible]:outline-2 has-[input:focus-visible]:outline-offset-2 has-[input:focus-visible]:outline-accent',
          )}
        >
          {t('chooseFile')}
          <input
            id={id}
            type="file"
            accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain"
            aria-describedby={`${id}-hint${problem ? ` ${id}-problem` : ''}`}
            className="sr-only"
            onChange={(event) => {
              const file = event.target.files?.[0];
              // Cleared so choosing the same file again (after fixing it) fires again.
              event.target.value = '';
              if (file) onFile(file);
            }}
          />
        </label>
        <p id={`${id}-hint`} className="max-w-md text-xs text-balance text-muted">
          {t('fileHint')}
        </p>
      </div>
      {problem ? (
        <p id={`${id}-problem`} role="alert" className="text-sm font-medium text-danger">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
