'use client';

import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { ChevronDownIcon } from '@/components/ui/icons';
import { SelectField } from '@/components/ui/field';
import { requiredImportFields, withColumn, type ImportMapping } from './import-file';
import { importFields } from './ledger-constants';

const NOT_USED = '';

/**
 * One select per import field, listing the file's columns; starts from the mapping the server
 * detected from the headers. Date and type are required; the rest is optional. Folded away when
 * the detected mapping has what the import needs, so the preview is in view.
 */
export function ImportMappingEditor({
  headers,
  mapping,
  missing,
  disabled,
  onChange,
}: {
  headers: readonly string[];
  mapping: ImportMapping;
  missing: readonly string[];
  disabled: boolean;
  onChange: (mapping: ImportMapping) => void;
}) {
  const t = useTranslations('ledger.import');
  // A column without a header cannot be named in a mapping; a repeated header maps once.
  const columns = [...new Set(headers)].filter((header) => header !== '');
  // Open from the start when the import cannot go ahead without a choice; then the user decides.
  const [initiallyOpen] = useState(missing.length > 0);
  const mappedCount = importFields.filter((field) => mapping[field] !== undefined).length;
  return (
    <details open={initiallyOpen} className="group rounded-lg border border-border">
      <summary className="flex cursor-pointer list-none items-center justify-between gap-3 px-3 py-2.5 [&::-webkit-details-marker]:hidden">
        <span className="min-w-0">
          <span className="block text-sm font-semibold">{t('mappingTitle')}</span>
          <span className="block text-xs text-muted">
            {t('mappingSummary', { mapped: mappedCount, total: importFields.length })}
          </span>
        </span>
        <span className="flex shrink-0 items-center gap-1 text-sm font-medium text-accent">
          {t('mappingChange')}
          <ChevronDownIcon className="size-4 transition-transform group-open:rotate-180" />
        </span>
      </summary>
      <fieldset
        className="flex flex-col gap-3 border-t border-border px-3 pt-3 pb-4"
        disabled={disabled}
      >
        <legend className="sr-only">{t('mappingTitle')}</legend>
        <p className="text-xs text-muted">{t('mappingHint')}</p>
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {importFields.map((field) => {
            const required = requiredImportFields.includes(field);
            return (
              <SelectField
                key={field}
                label={
                  required
                    ? t('fieldRequired', { field: t(`fields.${field}`) })
                    : t(`fields.${field}`)
                }
                value={mapping[field] ?? NOT_USED}
                error={missing.includes(field) ? t('fieldMissing') : null}
                data-field={field}
                onChange={(event) =>
                  onChange(
                    withColumn(
                      mapping,
                      field,
                      event.target.value === NOT_USED ? null : event.target.value,
                    ),
                  )
                }
                className="h-9"
              >
                <option value={NOT_USED}>{t('notUsed')}</option>
                {columns.map((header) => (
                  <option key={header} value={header}>
                    {header}
                  </option>
                ))}
              </SelectField>
            );
          })}
        </div>
      </fieldset>
    </details>
  );
}
