import type { Logger } from '@/server/logger';
import type { IdentifiedTick, TickStore } from '../store/ticks';

export type TickWriterOptions = {
  /** Flush as soon as this many ticks are buffered (default 10,000). */
  maxBatch?: number;
  /** Flush at least this often while ticks are buffered (default 2 s). */
  flushIntervalMs?: number;
  /** First retry delay after a failed flush; doubles up to 30 s. */
  retryDelayMs?: number;
  /** Called after each successful flush with the ticks it persisted. */
  onFlushed?: (ticks: readonly IdentifiedTick[]) => void | Promise<void>;
};

export type TickWriterStats = {
  buffered: number;
  persisted: number;
  flushes: number;
  failedFlushes: number;
  lastFlushAt: Date | null;
  lastFlushMs: number | null;
  lastError: string | null;
};

/**
 * Buffers ticks and persists them in large batches: one statement per 10,000 ticks instead of one
 * per tick. One flush runs at a time; a failed flush keeps its ticks at the head of the buffer and
 * retries with backoff, so nothing is lost while the database is away. `close()` drains everything
 * (the server calls it on SIGTERM).
 */
export function createTickWriter(store: TickStore, log: Logger, options: TickWriterOptions = {}) {
  const maxBatch = options.maxBatch ?? 10_000;
  const flushIntervalMs = options.flushIntervalMs ?? 2_000;
  const baseRetryMs = options.retryDelayMs ?? 500;
  let buffer: IdentifiedTick[] = [];
  let flushing: Promise<void> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let retryMs = baseRetryMs;
  let closed = false;
  const stats: TickWriterStats = {
    buffered: 0,
    persisted: 0,
    flushes: 0,
    failedFlushes: 0,
    lastFlushAt: null,
    lastFlushMs: null,
    lastError: null,
  };

  function schedule(delayMs: number) {
    if (timer || closed) return;
    timer = setTimeout(() => {
      timer = null;
      void flush();
    }, delayMs);
    timer.unref?.();
  }

  async function flushOnce(): Promise<boolean> {
    if (buffer.length === 0) return true;
    const batch = buffer.slice(0, maxBatch);
    const started = performance.now();
    try {
      await store.insert(batch);
    } catch (error) {
      stats.failedFlushes += 1;
      stats.lastError = error instanceof Error ? error.message : String(error);
      log.warn(
        { err: stats.lastError, ticks: batch.length, retryMs },
        'tick flush failed; will retry',
      );
      return false;
    }
    buffer = buffer.slice(batch.length);
    stats.buffered = buffer.length;
    stats.persisted += batch.length;
    stats.flushes += 1;
    stats.lastFlushAt = new Date();
    stats.lastFlushMs = Math.round(performance.now() - started);
    stats.lastError = null;
    retryMs = baseRetryMs;
    try {
      await options.onFlushed?.(batch);
    } catch (error) {
      log.warn({ err: error instanceof Error ? error.message : error }, 'after-flush hook failed');
    }
    return true;
  }

  function flush(): Promise<void> {
    flushing ??= (async () => {
      try {
        while (buffer.length > 0) {
          const ok = await flushOnce();
          if (!ok) {
            if (closed) throw new Error(stats.lastError ?? 'tick flush failed');
            const delay = retryMs;
            retryMs = Math.min(retryMs * 2, 30_000);
            if (timer) clearTimeout(timer);
            timer = null;
            schedule(delay);
            return;
          }
          // Only keep going without a pause while full batches are waiting.
          if (buffer.length < maxBatch && !closed) break;
        }
        if (buffer.length > 0) schedule(flushIntervalMs);
      } finally {
        flushing = null;
      }
    })();
    return flushing;
  }

  return {
    push(ticks: readonly IdentifiedTick[]): void {
      if (closed) throw new Error('tick writer is closed');
      for (const tick of ticks) buffer.push(tick);
      stats.buffered = buffer.length;
      if (buffer.length >= maxBatch) void flush();
      else schedule(flushIntervalMs);
    },
    /** Persist what is buffered now (waits for a flush already running). */
    async flush(): Promise<void> {
      if (flushing) await flushing;
      await flush();
    },
    /** Stop timers and persist everything; retries a few times before giving up loudly. */
    async close(): Promise<void> {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
      if (flushing) await flushing.catch(() => undefined);
      for (let attempt = 0; buffer.length > 0; attempt += 1) {
        try {
          await flush();
        } catch (error) {
          if (attempt >= 4) {
            log.error({ lost: buffer.length }, 'tick writer closed with unpersisted ticks');
            throw error;
          }
          await new Promise((resolve) => setTimeout(resolve, baseRetryMs * 2 ** attempt));
        }
      }
    },
    stats(): TickWriterStats {
      return { ...stats, buffered: buffer.length };
    },
  };
}

export type TickWriter = ReturnType<typeof createTickWriter>;
