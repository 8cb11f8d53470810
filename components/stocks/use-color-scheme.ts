'use client';

import { useTheme } from 'next-themes';
import { useMounted } from '@/components/ui/use-mounted';
import type { ColorScheme } from './price-colors';

/** The theme actually shown (system resolved); light until mounted, as on the server. */
export function useColorScheme(): ColorScheme {
  const { resolvedTheme } = useTheme();
  const mounted = useMounted();
  return mounted && resolvedTheme === 'dark' ? 'dark' : 'light';
}
