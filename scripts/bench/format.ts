import SparkMD5 from 'spark-md5';

/** Prints one benchmark line: `bench <name>: key=value ...`. */
export function report(name: string, figures: Record<string, number | string>): void {
  const parts = Object.entries(figures).map(([k, v]) => `${k}=${typeof v === 'number' ? round(v) : v}`);
  console.log(`bench ${name}: ${parts.join(' ')}`);
}

function round(v: number): string {
  if (Number.isInteger(v)) return String(v);
  return Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(2) : v.toPrecision(3);
}

/**
 * Memory in MB after a forced GC (node runs with --expose-gc): the JavaScript
 * heap plus ArrayBuffer backing stores, which live outside it and hold record
 * payloads.
 */
export function heapMb(): number {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) {
    g();
    g();
  }
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / (1024 * 1024);
}

/**
 * The yardstick every bench prints beside its figures: raw spark-md5 hashes/s
 * of short keys, best of three, measured in the same run. The machine is shared,
 * so a figure is judged by its ratio to this (~600k-800k/s on a quiet machine).
 */
export function md5Yardstick(): number {
  const keys = Array.from({ length: 200_000 }, (_, i) => `device-${i}`);
  let sink = 0;
  let top = 0;
  for (let r = 0; r < 3; r++) {
    const t0 = performance.now();
    for (const k of keys) sink += SparkMD5.hash(k).charCodeAt(0);
    top = Math.max(top, keys.length / ((performance.now() - t0) / 1000));
  }
  return top + (sink % 2) * 0;
}

/**
 * The yardstick sampled through a long run: a short burst of hashes between
 * the run's timed steps (outside them), averaged, so a run that lasts while the
 * machine's load changes is judged against the load it actually met.
 */
export class Md5Sampler {
  private readonly keys = Array.from({ length: 40_000 }, (_, i) => `device-${i}`);
  private rates: number[] = [];
  private sink = 0;

  constructor() {
    md5Yardstick(); // warm the hash up, as the one-shot yardstick does
  }

  sample(): void {
    const t0 = performance.now();
    for (const k of this.keys) this.sink += SparkMD5.hash(k).charCodeAt(0);
    this.rates.push(this.keys.length / ((performance.now() - t0) / 1000));
  }

  /** Mean of the samples (hashes/s). */
  mean(): number {
    return this.rates.reduce((a, r) => a + r, 0) / this.rates.length + (this.sink % 2) * 0;
  }
}

/**
 * A fixed reference rate of the yardstick, so figures from sessions on machines
 * of different speed compare: a time scaled by md5 / REFERENCE_MD5 is what it
 * would take where the yardstick reads 700,000/s (a quiet development machine
 * of earlier sessions read 590k-800k; another day's read 1.3M-1.5M, so the
 * same machine kind differs about 2x between sessions).
 */
export const REFERENCE_MD5 = 700_000;
