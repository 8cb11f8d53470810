/**
 * Client-side checks that mirror the server's rules (server/users/schemas.ts, which the browser
 * can't import because it pulls in the password hasher). The server stays the authority; these
 * only save a round trip and give the same wording.
 */

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;
export const NAME_MAX_LENGTH = 80;

export type FieldIssue =
  | { key: 'required' | 'email' | 'passwordMismatch' | 'invalid' }
  | { key: 'passwordTooShort'; min: number }
  | { key: 'passwordTooLong' | 'nameTooLong'; max: number };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function checkEmail(value: string): FieldIssue | null {
  const email = value.trim();
  if (!email) return { key: 'required' };
  return EMAIL.test(email) && email.length <= 254 ? null : { key: 'email' };
}

/** Sign-in only needs a password; sign-up and changes also enforce the length rules. */
export function checkPassword(value: string, rules: 'present' | 'new'): FieldIssue | null {
  if (!value) return { key: 'required' };
  if (rules === 'present') return null;
  if (value.length < PASSWORD_MIN_LENGTH)
    return { key: 'passwordTooShort', min: PASSWORD_MIN_LENGTH };
  if (value.length > PASSWORD_MAX_LENGTH)
    return { key: 'passwordTooLong', max: PASSWORD_MAX_LENGTH };
  return null;
}

export function checkOptionalName(value: string): FieldIssue | null {
  return value.trim().length > NAME_MAX_LENGTH
    ? { key: 'nameTooLong', max: NAME_MAX_LENGTH }
    : null;
}

/** Issue codes the server puts in zod messages (see server/users/schemas.ts). */
export function issueFromServer(message: string | undefined): FieldIssue {
  switch (message) {
    case 'INVALID_EMAIL':
      return { key: 'email' };
    case 'PASSWORD_TOO_SHORT':
      return { key: 'passwordTooShort', min: PASSWORD_MIN_LENGTH };
    case 'PASSWORD_TOO_LONG':
      return { key: 'passwordTooLong', max: PASSWORD_MAX_LENGTH };
    default:
      return { key: 'invalid' };
  }
}

/** next-auth's `result.error` / `?error=` values → which `auth.errors.*` message to show. */
export function signInErrorKey(
  error: string | null | undefined,
): 'invalidCredentials' | 'rateLimited' | 'accountNotLinked' | null {
  if (!error) return null;
  if (error === 'OAuthAccountNotLinked') return 'accountNotLinked';
  if (error === 'RATE_LIMITED') return 'rateLimited';
  if (error === 'CredentialsSignin') return 'invalidCredentials';
  return null;
}
