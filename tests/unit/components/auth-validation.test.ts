import { describe, expect, it } from 'vitest';
import {
  checkEmail,
  checkOptionalName,
  checkPassword,
  issueFromServer,
  signInErrorKey,
} from '@/components/auth/validation';

describe('auth form validation', () => {
  it('checks emails', () => {
    expect(checkEmail('')).toEqual({ key: 'required' });
    expect(checkEmail('  ')).toEqual({ key: 'required' });
    expect(checkEmail('not-an-email')).toEqual({ key: 'email' });
    expect(checkEmail(' ada@example.com ')).toBeNull();
  });

  it('applies length rules only to new passwords', () => {
    expect(checkPassword('', 'present')).toEqual({ key: 'required' });
    expect(checkPassword('short', 'present')).toBeNull();
    expect(checkPassword('short', 'new')).toEqual({ key: 'passwordTooShort', min: 8 });
    expect(checkPassword('x'.repeat(129), 'new')).toEqual({ key: 'passwordTooLong', max: 128 });
    expect(checkPassword('x'.repeat(8), 'new')).toBeNull();
  });

  it('limits optional names', () => {
    expect(checkOptionalName('')).toBeNull();
    expect(checkOptionalName('y'.repeat(81))).toEqual({ key: 'nameTooLong', max: 80 });
  });

  it('maps server issue codes and next-auth errors', () => {
    expect(issueFromServer('INVALID_EMAIL')).toEqual({ key: 'email' });
    expect(issueFromServer('PASSWORD_TOO_SHORT')).toEqual({ key: 'passwordTooShort', min: 8 });
    expect(issueFromServer('Too small')).toEqual({ key: 'invalid' });
    expect(signInErrorKey('CredentialsSignin')).toBe('invalidCredentials');
    expect(signInErrorKey('RATE_LIMITED')).toBe('rateLimited');
    expect(signInErrorKey('OAuthAccountNotLinked')).toBe('accountNotLinked');
    expect(signInErrorKey('OAuthCallback')).toBeNull();
    expect(signInErrorKey(null)).toBeNull();
  });
});
