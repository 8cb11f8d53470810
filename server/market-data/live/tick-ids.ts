import { randomInt } from 'node:crypto';

/**
 * Unique, time-ordered 63-bit tick ids (like Snowflake ids): 41 bits of milliseconds, 6 bits of a
 * random per-process worker number, 16 bits of sequence. Assigned once when a tick arrives, so a
 * flush retried after an unknown outcome inserts nothing twice (the id is the primary key).
 */
export function createTickIdGenerator(worker = randomInt(64), now: () => number = Date.now) {
  let lastMs = 0;
  let sequence = 0;
  const workerBits = BigInt(worker & 0x3f) << 16n;
  return (): bigint => {
    let ms = now();
    if (ms <= lastMs) {
      ms = lastMs;
      sequence += 1;
      if (sequence > 0xffff) {
        // More than 65,536 ticks in one millisecond: borrow the next millisecond.
        lastMs += 1;
        ms = lastMs;
        sequence = 0;
      }
    } else {
      lastMs = ms;
      sequence = 0;
    }
    return (BigInt(ms) << 22n) | workerBits | BigInt(sequence);
  };
}
