import { Cron } from 'croner';

/**
 * Cron triggers as Inngest reads them: standard 5-field expressions (croner also takes a leading
 * seconds field), evaluated in UTC unless prefixed with `TZ=<IANA zone> ` (or `CRON_TZ=`).
 */

export type ParsedCron = { pattern: string; timezone: string };

export function parseCronExpression(expression: string): ParsedCron {
  const match = /^\s*(?:CRON_)?TZ=(\S+)\s+(.+)$/.exec(expression);
  const timezone = match?.[1] ?? 'UTC';
  const pattern = (match?.[2] ?? expression).trim();
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: timezone });
  } catch {
    throw new Error(`Invalid time zone '${timezone}' in cron expression '${expression}'`);
  }
  return { pattern, timezone };
}

export type ScheduledCron = {
  expression: string;
  nextRunAt(): Date | null;
  stop(): void;
};

/**
 * Call `onTick` on every occurrence of `expression`. The timer is unref'd so a scheduled job never
 * keeps the process alive; `onTick` errors are reported, not thrown into the timer.
 */
export function scheduleCron(
  expression: string,
  onTick: () => void,
  onError: (error: unknown) => void,
): ScheduledCron {
  const { pattern, timezone } = parseCronExpression(expression);
  const job = new Cron(
    pattern,
    { timezone, unref: true, catch: (error) => onError(error) },
    onTick,
  );
  return {
    expression,
    nextRunAt: () => job.nextRun(),
    stop: () => job.stop(),
  };
}
