import { describe, expect, it } from 'vitest';
import { isActivePath } from '@/components/shell/nav-links';
import { initialsOf } from '@/components/shell/user-avatar';

describe('isActivePath', () => {
  it('matches the page and its sub-pages, not look-alike prefixes', () => {
    expect(isActivePath('/settings', '/settings')).toBe(true);
    expect(isActivePath('/settings/security', '/settings')).toBe(true);
    expect(isActivePath('/settings-old', '/settings')).toBe(false);
    expect(isActivePath('/dashboard', '/system')).toBe(false);
  });
});

describe('initialsOf', () => {
  it('uses the first and last word of the name, else the email', () => {
    expect(initialsOf('Ada King Lovelace', 'ada@example.com')).toBe('AL');
    expect(initialsOf('grace', 'g@example.com')).toBe('G');
    expect(initialsOf('김철수', 'kim@example.com')).toBe('김');
    expect(initialsOf(null, 'demo@stockvis.dev')).toBe('D');
    expect(initialsOf('   ', 'x@example.com')).toBe('X');
  });
});
