/** The stock page of a canonical symbol; `^KS11` travels as `%5EKS11`. */
export function stockHref(symbol: string): string {
  return `/stocks/${encodeURIComponent(symbol)}`;
}
