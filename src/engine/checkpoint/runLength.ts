/**
 * Run-length copies of long Float64Arrays, for checkpoints: a metrics ring
 * (an hour of per-second values per stream and shard) is mostly runs of one
 * value (NaN for metrics not published, zeros for idle seconds, the same
 * count second after second), so a checkpoint holds each run once. Values
 * are compared and kept bit for bit (as pairs of 32-bit words), so a restore
 * gives back the very bits, NaN payloads and -0 included.
 */

/** Arrays shorter than this are copied as they are. */
const MIN_LENGTH = 1024;

/** A Float64Array as runs: the bits of each run's value and where each run ends. */
export class RunLengthF64 {
  constructor(
    readonly length: number,
    /** Two words (low, high) per run. */
    readonly words: Uint32Array,
    /** Index after each run's last element. */
    readonly ends: Uint32Array,
  ) {}

  /** Estimated bytes held. */
  bytes(): number {
    return this.words.byteLength + this.ends.byteLength + 96;
  }

  /** The array, as it was. */
  decode(): Float64Array {
    const out = new Float64Array(this.length);
    const w = new Uint32Array(out.buffer);
    let from = 0;
    for (let r = 0; r < this.ends.length; r++) {
      const to = this.ends[r], lo = this.words[2 * r], hi = this.words[2 * r + 1];
      if (lo === 0 && hi === 0) {
        from = to; // +0 is what a new array holds
        continue;
      }
      for (let i = from; i < to; i++) {
        w[2 * i] = lo;
        w[2 * i + 1] = hi;
      }
      from = to;
    }
    return out;
  }
}

/** `v` as runs when that holds under half its bytes; undefined otherwise (copy it as it is). */
export function encodeRuns(v: Float64Array): RunLengthF64 | undefined {
  const n = v.length;
  if (n < MIN_LENGTH) return undefined;
  const w = new Uint32Array(v.buffer, v.byteOffset, 2 * n);
  // Counting first: most arrays that do not pay are seen to at once, without building anything.
  const limit = n / 3; // runs cost 12 bytes against 8 per element: under half the bytes below n/3 runs
  let runs = 1;
  for (let i = 1; i < n; i++) {
    if (w[2 * i] !== w[2 * i - 2] || w[2 * i + 1] !== w[2 * i - 1]) {
      if (++runs > limit) return undefined;
    }
  }
  const words = new Uint32Array(2 * runs), ends = new Uint32Array(runs);
  let r = 0;
  words[0] = w[0];
  words[1] = w[1];
  for (let i = 1; i < n; i++) {
    if (w[2 * i] !== w[2 * i - 2] || w[2 * i + 1] !== w[2 * i - 1]) {
      ends[r++] = i;
      words[2 * r] = w[2 * i];
      words[2 * r + 1] = w[2 * i + 1];
    }
  }
  ends[r] = n;
  return new RunLengthF64(n, words, ends);
}
