import { clsx, type ClassValue } from 'clsx';

/** Joins class names, dropping falsy ones. Callers append overrides last. */
export function cn(...values: ClassValue[]): string {
  return clsx(values);
}
