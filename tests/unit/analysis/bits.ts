/**
 * Bit-exact comparison for performance refactors: every number and every typed-array byte must
 * match, so −0 ≠ 0 and NaN = NaN (a tolerance would hide a changed operation order).
 */
export function bitsOf(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === 'number') {
      return Object.is(v, -0) || !Number.isFinite(v) ? `#${Object.is(v, -0) ? '-0' : v}` : v;
    }
    if (ArrayBuffer.isView(v)) {
      const bytes = Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64');
      return `#${v.constructor.name}:${bytes}`;
    }
    return v;
  });
}
