import { describe, expect, it } from 'vitest';
import { safeCallbackPath, signInPath } from '@/components/auth/callback-url';

describe('safeCallbackPath', () => {
  it('keeps same-site paths with query and hash', () => {
    expect(safeCallbackPath('/settings')).toBe('/settings');
    expect(safeCallbackPath('/system?tab=db#heartbeat')).toBe('/system?tab=db#heartbeat');
  });

  it('rejects other origins and protocol-relative or backslash tricks', () => {
    expect(safeCallbackPath('https://evil.example/dashboard')).toBe('/dashboard');
    expect(safeCallbackPath('//evil.example/x')).toBe('/dashboard');
    expect(safeCallbackPath('/\\evil.example')).toBe('/dashboard');
    expect(safeCallbackPath('javascript:alert(1)')).toBe('/dashboard');
    expect(safeCallbackPath('dashboard')).toBe('/dashboard');
  });

  it('accepts an absolute URL only on our own host', () => {
    expect(safeCallbackPath('http://127.0.0.1:3000/settings', '127.0.0.1:3000')).toBe('/settings');
    expect(safeCallbackPath('http://127.0.0.1:4000/settings', '127.0.0.1:3000')).toBe('/dashboard');
    expect(safeCallbackPath('http://127.0.0.1:3000/settings')).toBe('/dashboard');
  });

  it('never returns to an auth page and defaults for junk', () => {
    expect(safeCallbackPath('/sign-in?callbackUrl=/x')).toBe('/dashboard');
    expect(safeCallbackPath(undefined)).toBe('/dashboard');
    expect(safeCallbackPath(['/settings'])).toBe('/dashboard');
  });
});

describe('signInPath', () => {
  it('carries a safe return path', () => {
    expect(signInPath('/settings?x=1')).toBe('/sign-in?callbackUrl=%2Fsettings%3Fx%3D1');
    expect(signInPath('//evil.example')).toBe('/sign-in?callbackUrl=%2Fdashboard');
  });
});
