/**
 * Per-shard history at one-second resolution, sampled from the shards' running
 * counters whenever simulated time crosses a whole second. Bounded ring
 * buffers: memory does not grow with simulated time. (When the engine's own
 * metrics service has per-shard series, this reads those instead.)
 */
import { SHARD_WRITE_BYTES_PER_SEC, SHARD_WRITE_RECORDS_PER_SEC } from '../engine/kinesis/constants';

/** Seconds of history kept and shown in charts. */
export const HISTORY_SECONDS = 120;

export interface CounterSource {
  id: string;
  incomingRecords: number;
  incomingBytes: number;
  writeThrottledRecords: number;
}

interface Row {
  lastRecords: number;
  lastBytes: number;
  lastThrottled: number;
  records: Float32Array;
  bytes: Float32Array;
  throttled: Float32Array;
  /** Index of the newest sample written for this row (to blank gaps). */
  seen: number;
}

/** Write use against the tighter limit: max(records/1,000, bytes/1 MiB) [KDS quotas]. */
export function writeUseOf(records: number, bytes: number): number {
  return Math.max(records / SHARD_WRITE_RECORDS_PER_SEC, bytes / SHARD_WRITE_BYTES_PER_SEC);
}

export class SeriesSampler {
  private rows = new Map<string, Row>();
  private times = new Float64Array(HISTORY_SECONDS);
  /** Number of samples taken so far. */
  count = 0;
  /** The simulated second (epoch ms, whole second) of the last sample. */
  lastSecond = -1;

  constructor(readonly capacity = HISTORY_SECONDS) {
    this.times = new Float64Array(capacity);
  }

  /** Records one sample at `time` (the end of a simulated second) from the current counters. */
  sample(time: number, sources: Iterable<CounterSource>): void {
    const slot = this.count % this.capacity;
    this.times[slot] = time;
    for (const s of sources) {
      let row = this.rows.get(s.id);
      if (row === undefined) {
        row = {
          lastRecords: 0,
          lastBytes: 0,
          lastThrottled: 0,
          records: new Float32Array(this.capacity),
          bytes: new Float32Array(this.capacity),
          throttled: new Float32Array(this.capacity),
          seen: this.count - 1,
        };
        this.rows.set(s.id, row);
      }
      // Blank slots this row missed (it was not sampled while absent).
      for (let k = row.seen + 1; k < this.count && k > this.count - this.capacity; k++) {
        const j = k % this.capacity;
        row.records[j] = 0;
        row.bytes[j] = 0;
        row.throttled[j] = 0;
      }
      row.records[slot] = s.incomingRecords - row.lastRecords;
      row.bytes[slot] = s.incomingBytes - row.lastBytes;
      row.throttled[slot] = s.writeThrottledRecords - row.lastThrottled;
      row.lastRecords = s.incomingRecords;
      row.lastBytes = s.incomingBytes;
      row.lastThrottled = s.writeThrottledRecords;
      row.seen = this.count;
    }
    this.count++;
    this.lastSecond = time;
  }

  /** The newest sample of a shard: records, bytes and throttled in the last second (zeros if none). */
  latest(id: string): { records: number; bytes: number; throttled: number } {
    const row = this.rows.get(id);
    if (row === undefined || this.count === 0 || row.seen !== this.count - 1) return { records: 0, bytes: 0, throttled: 0 };
    const slot = (this.count - 1) % this.capacity;
    return { records: row.records[slot], bytes: row.bytes[slot], throttled: row.throttled[slot] };
  }

  /** Forgets rows not in `keep` (expired shards). */
  retain(keep: Set<string>): void {
    for (const id of this.rows.keys()) if (!keep.has(id)) this.rows.delete(id);
  }

  /** Number of columns available (at most capacity). */
  get length(): number {
    return Math.min(this.count, this.capacity);
  }

  /** Times of the columns, oldest first. */
  timesOldestFirst(): Float64Array {
    const n = this.length;
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = this.times[(this.count - n + i) % this.capacity];
    return out;
  }

  /**
   * Row-major matrices (ids.length x length) for the given shards, oldest
   * column first; write use is derived per cell.
   */
  matrices(ids: string[]): { records: Float32Array; bytes: Float32Array; throttled: Float32Array; writeUse: Float32Array } {
    const n = this.length;
    const records = new Float32Array(ids.length * n);
    const bytes = new Float32Array(ids.length * n);
    const throttled = new Float32Array(ids.length * n);
    const writeUse = new Float32Array(ids.length * n);
    ids.forEach((id, r) => {
      const row = this.rows.get(id);
      if (row === undefined) return;
      for (let i = 0; i < n; i++) {
        const k = this.count - n + i;
        // Columns older than the row's first sample or after it stopped are empty.
        if (k > row.seen) continue;
        const j = k % this.capacity;
        const o = r * n + i;
        records[o] = row.records[j];
        bytes[o] = row.bytes[j];
        throttled[o] = row.throttled[j];
        writeUse[o] = writeUseOf(row.records[j], row.bytes[j]);
      }
    });
    return { records, bytes, throttled, writeUse };
  }
}

/** Named gauges (iterator age, buffer fill) sampled once per simulated second, bounded like the shard rows. */
export class GaugeSampler {
  private rows = new Map<string, { values: Float32Array; seen: number }>();
  count = 0;

  constructor(readonly capacity = HISTORY_SECONDS) {}

  sample(values: Iterable<[string, number]>): void {
    const slot = this.count % this.capacity;
    for (const [id, v] of values) {
      let row = this.rows.get(id);
      if (row === undefined) {
        row = { values: new Float32Array(this.capacity), seen: this.count - 1 };
        this.rows.set(id, row);
      }
      for (let k = row.seen + 1; k < this.count && k > this.count - this.capacity; k++) row.values[k % this.capacity] = 0;
      row.values[slot] = v;
      row.seen = this.count;
    }
    this.count++;
  }

  /** Row-major matrix (ids.length x min(count, capacity)), oldest first. */
  matrix(ids: string[]): Float32Array {
    const n = Math.min(this.count, this.capacity);
    const out = new Float32Array(ids.length * n);
    ids.forEach((id, r) => {
      const row = this.rows.get(id);
      if (row === undefined) return;
      for (let i = 0; i < n; i++) {
        const k = this.count - n + i;
        if (k <= row.seen) out[r * n + i] = row.values[k % this.capacity];
      }
    });
    return out;
  }
}
