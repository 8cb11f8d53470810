import type { RateLimiter, RateLimitRule } from '@/server/rate-limit/rate-limiter';
import { ProviderError } from './errors';
import { abortableSleep } from './retry';
import type { ProviderId } from './types';

/**
 * A provider's request budget, counted in the shared fixed-window limiter so every process (web
 * server, collector, job runner) draws on one allowance. A spent second or minute is waited out;
 * a spent day is an error, since waiting hours inside a request helps nobody.
 */
export interface RequestBudget {
  /** Resolves when one request may be sent; throws ProviderError('daily-limit') when the day is spent. */
  acquire(signal?: AbortSignal): Promise<void>;
}

export interface RequestBudgetLimits {
  perSecond?: number;
  perMinute?: number;
  perDay?: number;
}

export interface RequestBudgetOptions {
  provider: ProviderId;
  limits: RequestBudgetLimits;
  limiter: RateLimiter;
  /** Distinguishes budgets of one provider with several keys; defaults to the provider id. */
  key?: string;
  now?: () => Date;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const DAY = 24 * 60 * MINUTE;

export function createRequestBudget(options: RequestBudgetOptions): RequestBudget {
  const now = options.now ?? (() => new Date());
  const sleep = options.sleep ?? abortableSleep;
  const prefix = `provider-budget:${options.key ?? options.provider}`;
  const { perSecond, perMinute, perDay } = options.limits;
  for (const [name, value] of Object.entries(options.limits)) {
    if (value !== undefined && (!Number.isInteger(value) || value < 1)) {
      throw new Error(`request budget for ${options.provider}: ${name} must be a positive integer`);
    }
  }

  const shortRules: RateLimitRule[] = [];
  if (perSecond) shortRules.push({ key: `${prefix}:second`, limit: perSecond, windowMs: SECOND });
  if (perMinute) shortRules.push({ key: `${prefix}:minute`, limit: perMinute, windowMs: MINUTE });
  const dayRule: RateLimitRule | undefined = perDay
    ? { key: `${prefix}:day`, limit: perDay, windowMs: DAY }
    : undefined;

  return {
    async acquire(signal) {
      // Short windows first and the day last, so waiting for a minute does not burn day counts.
      while (shortRules.length > 0) {
        signal?.throwIfAborted();
        const at = now();
        const result = await options.limiter.hit(shortRules, at);
        if (result.allowed) break;
        await sleep(Math.max(1, result.resetAt.getTime() - at.getTime()), signal);
      }
      if (!dayRule) return;
      const at = now();
      const result = await options.limiter.hit([dayRule], at);
      if (!result.allowed) {
        throw new ProviderError(
          options.provider,
          'daily-limit',
          `${options.provider}: the daily budget of ${dayRule.limit} requests is spent`,
          { retryAfterMs: Math.max(0, result.resetAt.getTime() - at.getTime()) },
        );
      }
    },
  };
}
