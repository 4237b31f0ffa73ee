/**
 * The engine's only source of randomness: a small seeded generator (sfc32),
 * so the same seed gives the same world bit for bit. Never use the unseeded global generator here.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** A string of `length` characters drawn from `alphabet`. */
  string(length: number, alphabet?: string): string;
  /** A new independent generator derived from this one (for sub-systems). */
  fork(label: string): Random;
  /** The generator's state, to checkpoint and restore. */
  state(): [number, number, number, number];
}

const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** Hashes a string to 32 bits (FNV-1a), used to turn seeds and labels into generator state. */
export function hash32(text: string, salt = 0x811c9dc5): number {
  let h = salt >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Creates a seeded generator; a string or number seed, or a saved state. */
export function createRandom(seed: number | string | [number, number, number, number]): Random {
  let a: number, b: number, c: number, d: number;
  if (Array.isArray(seed)) {
    [a, b, c, d] = seed;
  } else {
    const s = String(seed);
    a = hash32(s, 0x9e3779b9);
    b = hash32(s, 0x243f6a88);
    c = hash32(s, 0xb7e15162);
    d = 1;
    // Warm up so that similar seeds diverge.
    for (let i = 0; i < 12; i++) step();
  }
  function step(): number {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    const t = (a + b + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t >>> 0;
  }
  const rng: Random = {
    next: () => step() / 4294967296,
    int: (n: number) => Math.floor((step() / 4294967296) * n),
    string(length: number, alphabet = ALNUM) {
      let out = '';
      for (let i = 0; i < length; i++) out += alphabet[Math.floor((step() / 4294967296) * alphabet.length)];
      return out;
    },
    fork: (label: string) => createRandom(`${step()}:${label}`),
    state: () => [a >>> 0, b >>> 0, c >>> 0, d >>> 0],
  };
  return rng;
}
