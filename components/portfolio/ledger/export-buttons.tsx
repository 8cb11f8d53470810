'use client';

import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { useTRPCClient } from '@/components/providers/trpc-provider';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { useErrorMessage } from '@/components/ui/use-error-message';
import { exportFilename, localDateKey, saveFile } from './export-file';
import { DownloadIcon } from './ledger-icons';

type Format = 'csv' | 'json';

/**
 * Download the ledger (one account, or all of them) as CSV or JSON. The CSV imports again
 * unchanged; JSON keeps accounts and ids for backups and scripts.
 */
export function ExportButtons({
  accountId,
  compact = false,
}: {
  accountId?: string;
  /** Without the "Export" label (inside a sentence that already says it). */
  compact?: boolean;
}) {
  const t = useTranslations('ledger.export');
  const client = useTRPCClient();
  const describeError = useErrorMessage();
  const [pending, setPending] = useState<Format | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function download(format: Format) {
    setPending(format);
    setError(null);
    try {
      // Straight from the client, not the query cache: a file is fetched fresh each time.
      const file = await client.portfolios.export.query({ format, accountId });
      saveFile(
        file.content,
        exportFilename(file.filename, localDateKey(new Date())),
        file.contentType,
      );
    } catch (cause) {
      setError(describeError(cause));
    } finally {
      setPending(null);
    }
  }

  return (
    <div className="flex flex-col items-start gap-1">
      <div role="group" aria-label={t('label')} className="flex items-center gap-1.5">
        {compact ? null : (
          <span aria-hidden="true" className="text-sm text-muted">
            {t('label')}
          </span>
        )}
        {(['csv', 'json'] as const).map((format) => (
          <Button
            key={format}
            size="sm"
            variant="secondary"
            pending={pending === format}
            disabled={pending !== null && pending !== format}
            aria-label={t(format === 'csv' ? 'csvLabel' : 'jsonLabel')}
            onClick={() => void download(format)}
          >
            {pending === format ? null : <DownloadIcon className="size-4" />}
            {t(format)}
          </Button>
        ))}
      </div>
      <p role="alert" className={cn('text-xs text-danger', !error && 'sr-only')}>
        {error ?? ''}
      </p>
    </div>
  );
}
