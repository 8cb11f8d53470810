import { createHash } from 'node:crypto';
import { ProviderError } from '@/server/market-data/errors';
import { approvalResponseSchema, tokenResponseSchema } from './schemas';
import type { StoredProviderToken, TokenStore } from './token-store';

/**
 * KIS credentials: the REST access token (one a day, at most one issue a minute per app key) and
 * the websocket approval key. Both are read from the shared store first so a restart or another
 * process reuses what was issued; concurrent callers in this process share one issue.
 */
export interface KisCredentials {
  accessToken(signal?: AbortSignal): Promise<string>;
  /** The server called `token` expired or invalid: the next accessToken() issues a new one. */
  rejectAccessToken(token: string): void;
  approvalKey(signal?: AbortSignal): Promise<string>;
  rejectApprovalKey(key: string): void;
}

export interface KisCredentialsOptions {
  appKey: string;
  appSecret: string;
  tokenStore: TokenStore;
  /** Sends one OAuth request (budget, fetch and classification included) and returns its body. */
  post(path: string, body: Record<string, string>, signal?: AbortSignal): Promise<unknown>;
  now?: () => number;
}

export const TOKEN_ISSUE_INTERVAL_MS = 60_000;
/** Replace a token this long before KIS says it expires, so no request races its expiry. */
const EXPIRY_MARGIN_MS = 5 * 60_000;
/** KIS documents the approval key as valid for a day. */
const APPROVAL_KEY_LIFETIME_MS = 24 * 60 * 60_000;

export function createKisCredentials(options: KisCredentialsOptions): KisCredentials {
  const now = options.now ?? Date.now;
  // The store key names the app without storing its key.
  const app = createHash('sha256').update(options.appKey).digest('hex').slice(0, 16);
  const accessKey = `access-token:${app}`;
  const approvalStoreKey = `approval-key:${app}`;

  const access = reusable({
    storeKey: accessKey,
    minIssueIntervalMs: TOKEN_ISSUE_INTERVAL_MS,
    async issue(signal) {
      const body = await options.post(
        '/oauth2/tokenP',
        {
          grant_type: 'client_credentials',
          appkey: options.appKey,
          appsecret: options.appSecret,
        },
        signal,
      );
      const parsed = tokenResponseSchema.safeParse(body);
      if (!parsed.success) throw malformed('token response', parsed.error.issues[0]?.message);
      return { token: parsed.data.access_token, lifetimeMs: parsed.data.expires_in * 1000 };
    },
  });

  const approval = reusable({
    storeKey: approvalStoreKey,
    minIssueIntervalMs: 0,
    async issue(signal) {
      const body = await options.post(
        '/oauth2/Approval',
        {
          grant_type: 'client_credentials',
          appkey: options.appKey,
          secretkey: options.appSecret,
        },
        signal,
      );
      const parsed = approvalResponseSchema.safeParse(body);
      if (!parsed.success) throw malformed('approval response', parsed.error.issues[0]?.message);
      return { token: parsed.data.approval_key, lifetimeMs: APPROVAL_KEY_LIFETIME_MS };
    },
  });

  function reusable(spec: {
    storeKey: string;
    minIssueIntervalMs: number;
    issue(signal?: AbortSignal): Promise<{ token: string; lifetimeMs: number }>;
  }) {
    let cached: StoredProviderToken | undefined;
    let rejected: string | undefined;
    let lastIssueAt: number | undefined;
    let inFlight: Promise<string> | undefined;

    // A plain boolean, not a type guard: a stored token that is unusable still tells when it was issued.
    const usable = (token: StoredProviderToken | null | undefined): boolean =>
      !!token && token.token !== rejected && token.expiresAt.getTime() - now() > EXPIRY_MARGIN_MS;

    async function obtain(signal?: AbortSignal): Promise<string> {
      const stored = await options.tokenStore.get('kis', spec.storeKey);
      if (stored && usable(stored)) {
        cached = stored;
        return stored.token;
      }
      const lastIssued = Math.max(
        stored?.issuedAt.getTime() ?? -Infinity,
        lastIssueAt ?? -Infinity,
      );
      const wait = lastIssued + spec.minIssueIntervalMs - now();
      if (wait > 0) {
        throw new ProviderError('kis', 'minute-limit', 'KIS issues one access token a minute', {
          retryAfterMs: wait,
        });
      }
      const startedAt = now();
      const issued = await spec.issue(signal);
      lastIssueAt = startedAt;
      rejected = undefined; // what KIS just issued is what it wants, even if it repeats itself
      const record: StoredProviderToken = {
        token: issued.token,
        issuedAt: new Date(startedAt),
        expiresAt: new Date(startedAt + issued.lifetimeMs),
      };
      await options.tokenStore.put('kis', spec.storeKey, record);
      cached = record;
      return record.token;
    }

    return {
      get(signal?: AbortSignal): Promise<string> {
        if (cached && usable(cached)) return Promise.resolve(cached.token);
        inFlight ??= obtain(signal).finally(() => {
          inFlight = undefined;
        });
        return inFlight;
      },
      reject(token: string) {
        rejected = token;
        if (cached?.token === token) cached = undefined;
      },
    };
  }

  return {
    accessToken: (signal) => access.get(signal),
    rejectAccessToken: (token) => access.reject(token),
    approvalKey: (signal) => approval.get(signal),
    rejectApprovalKey: (key) => approval.reject(key),
  };
}

function malformed(what: string, detail: string | undefined): ProviderError {
  return new ProviderError('kis', 'malformed', `${what}: ${detail ?? 'unexpected shape'}`);
}
