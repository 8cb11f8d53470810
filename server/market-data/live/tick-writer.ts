import type { Logger } from '@/server/logger';
import type { IdentifiedTick, TickStore } from '../store/ticks';

export type TickWriterOptions = {
  /** Flush as soon as this many ticks are buffered (default 10,000). */
  maxBatch?: number;
  /** Flush at least this often while ticks are buffered (default 2 s). */
  flushIntervalMs?: number;
  /** Batches written at once (default 2): the database works on one while the next is sent. */
  concurrency?: number;
  /** First retry delay after a failed flush; doubles up to 30 s. */
  retryDelayMs?: number;
};

export type TickWriterStats = {
  buffered: number;
  inFlight: number;
  persisted: number;
  flushes: number;
  failedFlushes: number;
  lastFlushAt: Date | null;
  lastFlushMs: number | null;
  lastError: string | null;
};

/**
 * Buffers ticks and persists them in large batches: one statement per 10,000 ticks instead of one
 * per tick. A failed batch goes back to the head of the buffer and is retried with backoff, so
 * nothing is lost while the database is away (ids make the retry idempotent, see store/ticks.ts).
 * `close()` drains everything (the server calls it on SIGTERM).
 */
export function createTickWriter(store: TickStore, log: Logger, options: TickWriterOptions = {}) {
  const maxBatch = options.maxBatch ?? 10_000;
  const flushIntervalMs = options.flushIntervalMs ?? 2_000;
  const concurrency = options.concurrency ?? 2;
  const baseRetryMs = options.retryDelayMs ?? 500;
  let buffer: IdentifiedTick[] = [];
  let inFlight = 0;
  let timer: NodeJS.Timeout | null = null;
  let retryMs = baseRetryMs;
  let backingOff = false;
  let closed = false;
  const idle: (() => void)[] = [];
  const stats: Omit<TickWriterStats, 'buffered' | 'inFlight'> = {
    persisted: 0,
    flushes: 0,
    failedFlushes: 0,
    lastFlushAt: null,
    lastFlushMs: null,
    lastError: null,
  };

  function schedule(delayMs: number) {
    if (timer) return;
    timer = setTimeout(() => {
      timer = null;
      backingOff = false;
      pump(true);
    }, delayMs);
    timer.unref?.();
  }

  /** Start as many batch writes as allowed; `force` also sends a partial batch. */
  function pump(force: boolean) {
    while (
      !backingOff &&
      inFlight < concurrency &&
      buffer.length > 0 &&
      (force || closed || buffer.length >= maxBatch)
    ) {
      const batch = buffer.splice(0, maxBatch);
      inFlight += 1;
      void write(batch);
      force = force && buffer.length >= maxBatch; // one partial batch per timer tick
    }
    if (buffer.length > 0 && !backingOff) schedule(flushIntervalMs);
    if (inFlight === 0 && (buffer.length === 0 || backingOff)) {
      for (const resolve of idle.splice(0)) resolve();
    }
  }

  async function write(batch: IdentifiedTick[]) {
    const started = performance.now();
    try {
      await store.insert(batch);
      stats.persisted += batch.length;
      stats.flushes += 1;
      stats.lastFlushAt = new Date();
      stats.lastFlushMs = Math.round(performance.now() - started);
      stats.lastError = null;
      retryMs = baseRetryMs;
    } catch (error) {
      stats.failedFlushes += 1;
      stats.lastError = error instanceof Error ? error.message : String(error);
      log.warn(
        { err: stats.lastError, ticks: batch.length, retryMs },
        'tick flush failed; retrying',
      );
      buffer = batch.concat(buffer);
      backingOff = true;
      if (timer) clearTimeout(timer);
      timer = null;
      schedule(retryMs);
      retryMs = Math.min(retryMs * 2, 30_000);
    } finally {
      inFlight -= 1;
      pump(false);
    }
  }

  /** Resolves when nothing is in flight and the buffer is empty (or waiting out a failure). */
  function settled(): Promise<void> {
    if (inFlight === 0 && (buffer.length === 0 || backingOff)) return Promise.resolve();
    return new Promise((resolve) => idle.push(resolve));
  }

  return {
    push(ticks: readonly IdentifiedTick[]): void {
      if (closed) throw new Error('tick writer is closed');
      for (const tick of ticks) buffer.push(tick);
      pump(false);
      if (buffer.length > 0) schedule(flushIntervalMs);
    },
    /** Write everything buffered now and wait for it. */
    async flush(): Promise<void> {
      while (buffer.length > 0 || inFlight > 0) {
        if (!backingOff) pump(true);
        await settled();
        if (backingOff) return; // the database is failing; the retry timer carries on
      }
    },
    /** Stop timers and persist everything; retries a few times before giving up loudly. */
    async close(): Promise<void> {
      closed = true;
      for (let attempt = 0; buffer.length > 0 || inFlight > 0; attempt += 1) {
        if (timer) clearTimeout(timer);
        timer = null;
        backingOff = false;
        pump(true);
        await settled();
        if (buffer.length === 0 && inFlight === 0) break;
        if (attempt >= 4) {
          log.error({ lost: buffer.length }, 'tick writer closed with unpersisted ticks');
          throw new Error(`${buffer.length} ticks could not be persisted: ${stats.lastError}`);
        }
        await new Promise((resolve) => setTimeout(resolve, baseRetryMs * 2 ** attempt));
      }
      if (timer) clearTimeout(timer);
      timer = null;
    },
    stats(): TickWriterStats {
      return { ...stats, buffered: buffer.length, inFlight };
    },
  };
}

export type TickWriter = ReturnType<typeof createTickWriter>;
