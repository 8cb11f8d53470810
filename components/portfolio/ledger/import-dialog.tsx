'use client';

import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useFormatter, useTranslations } from 'use-intl';
import { useTRPC } from '@/components/providers/trpc-provider';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Spinner } from '@/components/ui/spinner';
import type { ImportCommitResult, ImportPreview } from '@/server/portfolio/csv-import';
import { decodeCsv, fileProblem, sameMapping, type ImportMapping } from './import-file';
import { ImportFilePicker } from './import-file-picker';
import { ImportMappingEditor } from './import-mapping-editor';
import { ImportPreviewTable } from './import-preview-table';
import { IMPORT_MAX_BYTES } from './ledger-constants';
import { FileIcon, UploadIcon } from './ledger-icons';
import { useInvalidatePortfolios } from './use-invalidate-portfolios';
import { useLedgerErrorText } from './use-ledger-error';

/** "Import CSV" for one account: opens the import dialog. */
export function ImportTransactionsButton({ accountId }: { accountId: string }) {
  const t = useTranslations('ledger.import');
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="sm" variant="secondary" onClick={() => setOpen(true)}>
        <UploadIcon className="size-4" />
        {t('open')}
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={t('title')}
        description={t('description')}
        className="sm:max-w-2xl lg:max-w-5xl"
      >
        {open ? <ImportFlow accountId={accountId} onDone={() => setOpen(false)} /> : null}
      </Dialog>
    </>
  );
}

type Loaded = { fileName: string; csv: string; mapping: ImportMapping; preview: ImportPreview };

/**
 * choose a file → preview (mapping, parsed rows, counts) → commit → result. Every step that
 * waits on the server shows it; a mapping change previews again, and only the latest answer
 * counts if several are in flight.
 */
function ImportFlow({ accountId, onDone }: { accountId: string; onDone: () => void }) {
  const t = useTranslations('ledger.import');
  const format = useFormatter();
  const trpc = useTRPC();
  const invalidate = useInvalidatePortfolios();
  const { errorText } = useLedgerErrorText();
  const previewMutation = useMutation(trpc.portfolios.importPreview.mutationOptions());
  const commitMutation = useMutation(trpc.portfolios.importCommit.mutationOptions());
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [result, setResult] = useState<ImportCommitResult | null>(null);
  const [fileProblemText, setFileProblemText] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(0);

  async function preview(fileName: string, csv: string, mapping?: ImportMapping) {
    const request = ++latest.current;
    setError(null);
    try {
      const answer = await previewMutation.mutateAsync({ accountId, csv, mapping });
      if (request !== latest.current) return;
      setLoaded({ fileName, csv, mapping: answer.mapping, preview: answer });
    } catch (cause) {
      if (request !== latest.current) return;
      const { field, text } = errorText(cause);
      // A problem with the file itself sends the user back to choose another one.
      if (field === 'csv' || !loaded) {
        setLoaded(null);
        setFileProblemText(text);
      } else setError(text);
    }
  }

  async function onFile(file: File) {
    setFileProblemText(null);
    setResult(null);
    const problem = fileProblem(file);
    if (problem) {
      return setFileProblemText(
        t(`fileProblems.${problem}`, {
          size: format.number(file.size / 1024 / 1024, { maximumFractionDigits: 1 }),
          limit: IMPORT_MAX_BYTES / 1024 / 1024,
        }),
      );
    }
    setReading(true);
    try {
      const csv = decodeCsv(new Uint8Array(await file.arrayBuffer()));
      await preview(file.name, csv);
    } catch {
      setFileProblemText(t('fileProblems.unreadable'));
    } finally {
      setReading(false);
    }
  }

  async function commit() {
    if (!loaded) return;
    setError(null);
    try {
      const answer = await commitMutation.mutateAsync({
        accountId,
        csv: loaded.csv,
        mapping: loaded.mapping,
      });
      setResult(answer);
      void invalidate();
    } catch (cause) {
      setError(errorText(cause).text);
    }
  }

  function startOver() {
    latest.current++;
    setLoaded(null);
    setResult(null);
    setError(null);
    setFileProblemText(null);
    previewMutation.reset();
    commitMutation.reset();
  }

  if (result) {
    return (
      <div className="flex flex-col gap-4" data-testid="import-result">
        <Alert tone={result.inserted > 0 ? 'success' : 'info'}>
          <p className="font-medium">
            {result.inserted > 0
              ? t('resultInserted', { count: result.inserted })
              : t('resultNothing')}
          </p>
          <p className="mt-1">
            {t('resultSkipped', { duplicates: result.duplicates, invalid: result.invalid })}
          </p>
        </Alert>
        <div className="flex flex-wrap justify-end gap-2">
          <Button variant="secondary" onClick={startOver}>
            {t('another')}
          </Button>
          <Button onClick={onDone} autoFocus>
            {t('done')}
          </Button>
        </div>
      </div>
    );
  }

  if (!loaded) {
    const busy = reading || previewMutation.isPending;
    return (
      <div className="flex flex-col gap-4">
        {busy ? (
          <p role="status" className="flex items-center justify-center gap-2 py-12 text-sm">
            <Spinner />
            {t('reading')}
          </p>
        ) : (
          <ImportFilePicker onFile={(file) => void onFile(file)} problem={fileProblemText} />
        )}
        <div className="flex justify-end">
          <Button variant="secondary" onClick={onDone}>
            {t('cancel')}
          </Button>
        </div>
      </div>
    );
  }

  const { preview: current } = loaded;
  const updating = previewMutation.isPending;
  const nothingNew = current.counts.new === 0;
  return (
    <div className="flex flex-col gap-5" aria-busy={updating || undefined}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="flex min-w-0 items-center gap-2 text-sm font-medium">
          <FileIcon className="size-4 shrink-0 text-muted" />
          <span className="truncate">{loaded.fileName}</span>
        </p>
        <Button size="sm" variant="ghost" onClick={startOver}>
          {t('chooseAnother')}
        </Button>
      </div>

      <ImportMappingEditor
        headers={current.headers}
        mapping={loaded.mapping}
        missing={current.missingFields}
        disabled={commitMutation.isPending}
        onChange={(mapping) => {
          if (sameMapping(mapping, loaded.mapping)) return;
          setLoaded({ ...loaded, mapping });
          void preview(loaded.fileName, loaded.csv, mapping);
        }}
      />

      <div className="flex flex-col gap-3">
        <div className="flex flex-wrap items-center gap-2" aria-live="polite">
          <h3 className="mr-1 text-sm font-semibold">{t('previewTitle')}</h3>
          <Badge tone="success" data-testid="import-count-new">
            {t('counts.new', { count: current.counts.new })}
          </Badge>
          <Badge tone="warning" data-testid="import-count-duplicates">
            {t('counts.duplicates', { count: current.counts.duplicates })}
          </Badge>
          <Badge tone="danger" data-testid="import-count-invalid">
            {t('counts.invalid', { count: current.counts.invalid })}
          </Badge>
          <span className="text-xs text-muted">
            {t('counts.total', { count: current.counts.total })}
          </span>
          {updating ? (
            <span role="status" className="flex items-center gap-1.5 text-xs text-muted">
              <Spinner className="size-3.5" />
              {t('updating')}
            </span>
          ) : null}
        </div>
        {current.missingFields.length > 0 ? (
          <Alert>
            {t('missingFields', {
              fields: current.missingFields.map((field) => t(`fields.${field}`)).join(', '),
            })}
          </Alert>
        ) : nothingNew && current.counts.duplicates > 0 ? (
          <Alert tone="info">{t('allDuplicates', { count: current.counts.duplicates })}</Alert>
        ) : null}
        <ImportPreviewTable preview={current} mapping={loaded.mapping} />
      </div>

      {error ? <Alert>{error}</Alert> : null}

      <div className="flex flex-wrap items-center justify-end gap-2">
        {current.counts.invalid > 0 && !nothingNew ? (
          <p className="mr-auto text-xs text-muted">
            {t('invalidSkipped', { count: current.counts.invalid })}
          </p>
        ) : null}
        <Button variant="secondary" onClick={onDone}>
          {t('cancel')}
        </Button>
        <Button
          onClick={() => void commit()}
          pending={commitMutation.isPending}
          disabled={nothingNew || updating || current.missingFields.length > 0}
        >
          {commitMutation.isPending ? t('committing') : t('commit', { count: current.counts.new })}
        </Button>
      </div>
    </div>
  );
}
