/** A seedable source of uniform numbers, so that a run with the same seed commits the same tokens. */
export interface RandomSource {
  /** Uniform in [0, 1) with 53 random bits. */
  next(): number;
  /** Uniform in (0, 1): safe under `Math.log`. */
  nextOpen(): number;
}

/**
 * xoshiro128** seeded through splitmix32: fast, 2^128 - 1 period, and good enough statistically for sampling.
 * Without a seed a random one is drawn, so runs differ unless asked otherwise.
 */
export function createRandomSource(seed?: number): RandomSource {
  let state = (seed ?? Math.floor(Math.random() * 2 ** 32)) >>> 0;
  const splitmix = (): number => {
    state = (state + 0x9e3779b9) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 16), 0x85ebca6b);
    mixed = Math.imul(mixed ^ (mixed >>> 13), 0xc2b2ae35);
    return (mixed ^ (mixed >>> 16)) >>> 0;
  };
  let s0 = splitmix();
  let s1 = splitmix();
  let s2 = splitmix();
  let s3 = splitmix();
  const nextUint32 = (): number => {
    const result = Math.imul(rotateLeft(Math.imul(s1, 5), 7), 9) >>> 0;
    const shifted = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= shifted;
    s3 = rotateLeft(s3, 11);
    return result;
  };
  const next = (): number => ((nextUint32() >>> 5) * 67108864 + (nextUint32() >>> 6)) / 9007199254740992;
  return {
    next,
    nextOpen: () => {
      let value = next();
      while (value === 0) value = next();
      return value;
    },
  };
}

function rotateLeft(value: number, bits: number): number {
  return (value << bits) | (value >>> (32 - bits));
}
