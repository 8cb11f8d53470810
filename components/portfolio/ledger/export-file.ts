/**
 * Naming and saving a ledger export. The server names the file after the account and stamps it
 * with the UTC date; the reader expects their own calendar date (a Seoul morning is still
 * yesterday in UTC), so the stamp is replaced by the local one. Pure except `saveFile`.
 */

const STAMP = /-\d{4}-\d{2}-\d{2}(?=\.[a-z]+$)/i;

/** `stockvis-transactions-foo-2026-05-01.csv` with `localDate` as its stamp (added if missing). */
export function exportFilename(serverName: string, localDate: string): string {
  if (STAMP.test(serverName)) return serverName.replace(STAMP, `-${localDate}`);
  const dot = serverName.lastIndexOf('.');
  return dot > 0
    ? `${serverName.slice(0, dot)}-${localDate}${serverName.slice(dot)}`
    : `${serverName}-${localDate}`;
}

/** The reader's calendar date (YYYY-MM-DD) in their browser's timezone. */
export function localDateKey(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * Downloads text as a file through an object URL. The URL is released later, not at once: some
 * browsers start reading it only after the click handler has returned.
 */
export function saveFile(content: string, filename: string, contentType: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: contentType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
