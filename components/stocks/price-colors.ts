/**
 * Up/down colours for prices, in one place for every stock and market view. Korean investors read
 * red as rising and blue as falling; elsewhere (English) green rises and red falls. Text classes
 * are literal strings so Tailwind sees them; hex values are for canvas charts, which cannot read
 * CSS variables.
 */

export type PriceDirection = 'up' | 'down' | 'flat';
export type ColorScheme = 'light' | 'dark';

/** Direction of a change; null/undefined/0/NaN are flat. */
export function priceDirection(change: number | null | undefined): PriceDirection {
  if (change === null || change === undefined || !Number.isFinite(change) || change === 0) {
    return 'flat';
  }
  return change > 0 ? 'up' : 'down';
}

function conventionOf(locale: string): 'ko' | 'western' {
  return locale.toLowerCase().startsWith('ko') ? 'ko' : 'western';
}

const textClasses: Record<'ko' | 'western', Record<PriceDirection, string>> = {
  ko: {
    up: 'text-[#d2202f] dark:text-[#ff6b6b]',
    down: 'text-[#1c5fd1] dark:text-[#6ea8ff]',
    flat: 'text-muted',
  },
  western: {
    up: 'text-[#137a3a] dark:text-[#4cc77a]',
    down: 'text-[#c8242b] dark:text-[#ff7a7a]',
    flat: 'text-muted',
  },
};

const hexColors: Record<'ko' | 'western', Record<ColorScheme, Record<PriceDirection, string>>> = {
  ko: {
    light: { up: '#d2202f', down: '#1c5fd1', flat: '#566070' },
    dark: { up: '#ff6b6b', down: '#6ea8ff', flat: '#9ba5b4' },
  },
  western: {
    light: { up: '#137a3a', down: '#c8242b', flat: '#566070' },
    dark: { up: '#4cc77a', down: '#ff7a7a', flat: '#9ba5b4' },
  },
};

/** Tailwind text classes (light + dark) for a change in this locale's convention. */
export function priceTone(change: number | null | undefined, locale: string): string {
  return textClasses[conventionOf(locale)][priceDirection(change)];
}

/** The text classes per direction, for callers that already know the direction. */
export function priceToneClasses(locale: string): Record<PriceDirection, string> {
  return textClasses[conventionOf(locale)];
}

/** Hex colours per direction for charts (candles, volume bars, sparklines). */
export function priceColors(locale: string, scheme: ColorScheme): Record<PriceDirection, string> {
  return hexColors[conventionOf(locale)][scheme];
}

/** A sign for screen readers and colour-blind users: ▲ up, ▼ down, nothing when flat. */
export function priceArrow(change: number | null | undefined): string {
  const direction = priceDirection(change);
  return direction === 'up' ? '▲' : direction === 'down' ? '▼' : '';
}
