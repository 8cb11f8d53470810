/** The name in the reader's language: Korean names for Korean readers when there is one. */
export function displayName(row: { name: string; nameKo: string | null }, locale: string): string {
  return locale.startsWith('ko') && row.nameKo ? row.nameKo : row.name;
}
