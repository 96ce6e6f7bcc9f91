/**
 * A small, fast, seeded pseudo-random number generator (sfc32 state, seeded through splitmix32).
 * Randomness is a parameter in `core`: nothing here reads a clock or `Math.random`.
 *
 * Streams: `createRng(seed, stream)` gives an independent-looking sequence for every (seed, stream)
 * pair, so Monte Carlo run k can use stream k and any split of the runs over workers reproduces the
 * same draws (reference: Chris Doty-Humphrey's PractRand sfc32; Vigna's splitmix).
 */
export interface Rng {
  /** A uniform double in [0, 1) with 53 random bits. */
  next(): number;
}

function splitmix32(state: number): () => number {
  let a = state | 0;
  return () => {
    a = (a + 0x9e3779b9) | 0;
    let t = a ^ (a >>> 16);
    t = Math.imul(t, 0x21f0aaad);
    t = t ^ (t >>> 15);
    t = Math.imul(t, 0x735a2d97);
    return (t ^ (t >>> 15)) >>> 0;
  };
}

/**
 * Creates a generator from an integer seed and an optional stream number (e.g. the Monte Carlo run
 * index). Same (seed, stream) → same sequence, on every platform. Seeds are reduced to 32 bits after
 * mixing the high part of larger safe integers in.
 */
export function createRng(seed: number, stream = 0): Rng {
  const hi = Math.floor(seed / 4294967296) | 0;
  const mixSeed = splitmix32((seed | 0) ^ Math.imul(hi, 0x85ebca6b));
  const s0 = mixSeed();
  const mixStream = splitmix32(s0 ^ Math.imul(stream | 0, 0x27d4eb2f) ^ Math.floor(stream / 4294967296));
  let a = mixStream() | 0;
  let b = mixStream() | 0;
  let c = mixStream() | 0;
  let d = 1;
  const u32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) u32();
  return {
    next: () => ((u32() >>> 5) * 67108864 + (u32() >>> 6)) / 9007199254740992,
  };
}
