/**
 * Seeded randomness for the demo market. Every stream is keyed by parts such as (seed, symbol,
 * date), so one day's draws never depend on how many draws another day or symbol made.
 */

/** 32-bit seed from any parts (cyrb53-style mixing; stable across platforms). */
export function hashSeed(...parts: (string | number)[]): number {
  const text = parts.join('\u241f');
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h1 ^ h2) >>> 0;
}

export interface Rng {
  /** Uniform in [0, 1). */
  uniform(): number;
  /** Standard normal. */
  normal(): number;
  /** Exponential with mean 1. */
  exponential(): number;
}

/** sfc32 generator (passes PractRand to 2^40+), seeded from one 32-bit value. */
export function createRng(seed: number): Rng {
  // State in a typed array: plain closure variables above 2^30 would be boxed on every write.
  const s = new Uint32Array([0x9e3779b9, 0x243f6a88, 0xb7e15162, seed >>> 0]);
  const next = (): number => {
    const a = s[0] as number;
    const b = s[1] as number;
    const c = s[2] as number;
    const d = s[3] as number;
    const t = (((a + b) | 0) + d) | 0;
    s[3] = d + 1;
    s[0] = b ^ (b >>> 9);
    s[1] = c + (c << 3);
    s[2] = ((c << 21) | (c >>> 11)) + t;
    return (t >>> 0) / 4294967296;
  };
  // Warm up so nearby seeds diverge.
  for (let i = 0; i < 12; i++) next();
  // The second Box–Muller value, kept in a typed array for the same reason as the state.
  const spare = new Float64Array(1);
  let hasSpare = false;
  return {
    uniform: next,
    normal() {
      if (hasSpare) {
        hasSpare = false;
        return spare[0] as number;
      }
      // 1 - u keeps the logarithm finite.
      const r = Math.sqrt(-2 * Math.log(1 - next()));
      const theta = 2 * Math.PI * next();
      spare[0] = r * Math.sin(theta);
      hasSpare = true;
      return r * Math.cos(theta);
    },
    exponential() {
      return -Math.log(1 - next());
    },
  };
}
