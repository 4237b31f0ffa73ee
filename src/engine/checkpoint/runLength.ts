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

/**
 * A Float64Array as runs: each run starts with a value (its bits) and goes
 * on either repeating those bits or adding a step to the previous element
 * (a ring of seconds ascends by 1), each element checked, when encoding, to
 * come out bit for bit.
 */
export class RunLengthF64 {
  constructor(
    readonly length: number,
    /** Two words (low, high) of each run's first value. */
    readonly words: Uint32Array,
    /** Each run's step, NaN for a run that repeats its first value's bits. */
    readonly steps: Float64Array,
    /** Index after each run's last element. */
    readonly ends: Uint32Array,
  ) {}

  /** Estimated bytes held. */
  bytes(): number {
    return this.words.byteLength + this.steps.byteLength + this.ends.byteLength + 128;
  }

  /** The array, as it was. */
  decode(): Float64Array {
    const out = new Float64Array(this.length);
    const w = new Uint32Array(out.buffer);
    let from = 0;
    for (let r = 0; r < this.ends.length; r++) {
      const to = this.ends[r], lo = this.words[2 * r], hi = this.words[2 * r + 1], step = this.steps[r];
      w[2 * from] = lo;
      w[2 * from + 1] = hi;
      if (step === step) for (let i = from + 1; i < to; i++) out[i] = out[i - 1] + step;
      else if (lo !== 0 || hi !== 0) {
        // +0 is what a new array holds.
        for (let i = from + 1; i < to; i++) {
          w[2 * i] = lo;
          w[2 * i + 1] = hi;
        }
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
  const same = (i: number, j: number) => w[2 * i] === w[2 * j] && w[2 * i + 1] === w[2 * j + 1];
  // Runs cost 20 bytes against 8 per element: under half the bytes below n/5 runs.
  const limit = Math.floor(n / 5);
  const words: number[] = [], steps: number[] = [], ends: number[] = [];
  let i = 0;
  while (i < n) {
    const start = i;
    let step = NaN;
    i++;
    if (i < n && same(start, i)) while (i < n && same(start, i)) i++;
    else if (i < n) {
      const d = v[i] - v[start];
      // A step run: every element is the previous one plus d, to the bit (NaN never is; -0 and +0 differ).
      const next = (j: number) => {
        const x = v[j - 1] + d;
        return x === v[j] && (x !== 0 || Object.is(x, v[j]));
      };
      if (d === d && next(i)) {
        step = d;
        while (i < n && next(i)) i++;
      }
    }
    words.push(w[2 * start], w[2 * start + 1]);
    steps.push(step);
    ends.push(i);
    if (ends.length > limit) return undefined;
  }
  return new RunLengthF64(n, Uint32Array.from(words), Float64Array.from(steps), Uint32Array.from(ends));
}
