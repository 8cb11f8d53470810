import type { PrismaClient } from '@/server/generated/prisma/client';

export type RateLimitRule = {
  /** Namespaced key, e.g. `sign-in:ip:203.0.113.9`. */
  key: string;
  limit: number;
  windowMs: number;
};

export type RateLimitResult = {
  allowed: boolean;
  /** Hits counted in the current window, including this one. */
  count: number;
  limit: number;
  /** When the current window ends; retry after this. */
  resetAt: Date;
};

export interface RateLimiter {
  /** Count one hit against each rule; allowed only if every rule is within its limit. */
  hit(rules: RateLimitRule[], now?: Date): Promise<RateLimitResult>;
  /** Forget a key (e.g. after a successful sign-in). */
  reset(key: string): Promise<void>;
  /** Delete counters whose window has ended; returns how many. */
  pruneExpired(now?: Date): Promise<number>;
}

type CounterRow = { count: number; windowStart: Date };

/**
 * Fixed-window counters in the database, so every process (and every serverless instance) shares
 * them. One atomic upsert per rule: a new window starts when the old one has expired.
 */
export function createDbRateLimiter(db: PrismaClient): RateLimiter {
  return {
    async hit(rules, now = new Date()) {
      let worst: RateLimitResult | undefined;
      for (const rule of rules) {
        const windowEnd = new Date(now.getTime() + rule.windowMs);
        const rows = await db.$queryRaw<CounterRow[]>`
          INSERT INTO "RateLimitCounter" ("key", "windowStart", "count", "expiresAt")
          VALUES (${rule.key}, ${now}, 1, ${windowEnd})
          ON CONFLICT ("key") DO UPDATE SET
            "count" = CASE WHEN "RateLimitCounter"."expiresAt" <= ${now} THEN 1
                           ELSE "RateLimitCounter"."count" + 1 END,
            "windowStart" = CASE WHEN "RateLimitCounter"."expiresAt" <= ${now} THEN ${now}
                                 ELSE "RateLimitCounter"."windowStart" END,
            "expiresAt" = CASE WHEN "RateLimitCounter"."expiresAt" <= ${now} THEN ${windowEnd}
                               ELSE "RateLimitCounter"."expiresAt" END
          RETURNING "count", "windowStart"`;
        const row = rows[0]!;
        const result: RateLimitResult = {
          allowed: row.count <= rule.limit,
          count: row.count,
          limit: rule.limit,
          resetAt: new Date(new Date(row.windowStart).getTime() + rule.windowMs),
        };
        if (!result.allowed && (!worst || worst.allowed || result.resetAt > worst.resetAt)) {
          worst = result;
        } else if (!worst) {
          worst = result;
        }
      }
      return worst ?? { allowed: true, count: 0, limit: 0, resetAt: now };
    },
    async reset(key) {
      await db.rateLimitCounter.deleteMany({ where: { key } });
    },
    async pruneExpired(now = new Date()) {
      const { count } = await db.rateLimitCounter.deleteMany({
        where: { expiresAt: { lte: now } },
      });
      return count;
    },
  };
}
