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

/**
 * The sfc32 generator as plain data (its four words are fields, not closure
 * variables), so a checkpoint copies it like any other state.
 */
class Sfc32 implements Random {
  constructor(
    public a: number,
    public b: number,
    public c: number,
    public d: number,
  ) {}

  private step(): number {
    let { a, b, c, d } = this;
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    const t = (a + b + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    this.a = a; this.b = b; this.c = c; this.d = d;
    return t >>> 0;
  }

  next(): number {
    return this.step() / 4294967296;
  }

  int(n: number): number {
    return Math.floor((this.step() / 4294967296) * n);
  }

  string(length: number, alphabet = ALNUM): string {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[Math.floor((this.step() / 4294967296) * alphabet.length)];
    return out;
  }

  fork(label: string): Random {
    return createRandom(`${this.step()}:${label}`);
  }

  state(): [number, number, number, number] {
    return [this.a >>> 0, this.b >>> 0, this.c >>> 0, this.d >>> 0];
  }
}

/** Creates a seeded generator; a string or number seed, or a saved state. */
export function createRandom(seed: number | string | [number, number, number, number]): Random {
  if (Array.isArray(seed)) return new Sfc32(seed[0], seed[1], seed[2], seed[3]);
  const s = String(seed);
  const r = new Sfc32(hash32(s, 0x9e3779b9), hash32(s, 0x243f6a88), hash32(s, 0xb7e15162), 1);
  // Warm up so that similar seeds diverge.
  for (let i = 0; i < 12; i++) r.next();
  return r;
}
