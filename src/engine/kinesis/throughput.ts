/**
 * Token buckets for shard limits. Each bucket holds one second's worth and is
 * refilled continuously by simulated time, so a shard can take a burst of
 * 1,000 records at once and then 1 record per millisecond.
 */
export class TokenBucket {
  level: number;
  private last: number;

  constructor(
    public capacity: number,
    public perSecond: number,
    now: number,
  ) {
    this.level = capacity;
    this.last = now;
  }

  /** Refills for the simulated time since the last call. */
  refill(now: number): void {
    if (now > this.last) {
      const l = this.level + ((now - this.last) * this.perSecond) / 1000;
      this.level = l > this.capacity ? this.capacity : l;
      this.last = now;
    }
  }

  /** Changes the rate (on-demand scaling), keeping the current level. */
  setRate(perSecond: number, now: number): void {
    this.refill(now);
    this.capacity = perSecond;
    this.perSecond = perSecond;
    if (this.level > perSecond) this.level = perSecond;
  }
}

/**
 * Per-shard write limits: records/s and bytes/s, both must have room. Two
 * token buckets like TokenBucket, kept as plain fields of one object (both
 * always refill at the same time): the bulk writer reads them for every shard
 * every simulated second, and one object is one memory fetch instead of three.
 */
export class WriteLimiter {
  /** Tokens left: records, bytes. */
  recordLevel: number;
  byteLevel: number;
  readonly recordCapacity: number;
  readonly byteCapacity: number;
  private last: number;

  constructor(recordsPerSec: number, bytesPerSec: number, now: number) {
    this.recordCapacity = recordsPerSec;
    this.byteCapacity = bytesPerSec;
    this.recordLevel = recordsPerSec;
    this.byteLevel = bytesPerSec;
    this.last = now;
  }

  /** Refills both buckets for the simulated time since the last call (each holds one second's worth). */
  refill(now: number): void {
    if (now > this.last) {
      const dt = now - this.last;
      const r = this.recordLevel + (dt * this.recordCapacity) / 1000;
      this.recordLevel = r > this.recordCapacity ? this.recordCapacity : r;
      const b = this.byteLevel + (dt * this.byteCapacity) / 1000;
      this.byteLevel = b > this.byteCapacity ? this.byteCapacity : b;
      this.last = now;
    }
  }

  /**
   * Takes one record of `size` bytes if both buckets allow it. A record larger
   * than a whole second's bytes passes only when the byte bucket is full and
   * leaves it in debt (AWS lets large records draw on a refilling burst allowance).
   */
  tryTake(now: number, size: number): boolean {
    this.refill(now);
    if (this.recordLevel < 1) return false;
    if (this.byteLevel < size && !(size > this.byteCapacity && this.byteLevel >= this.byteCapacity)) return false;
    this.recordLevel -= 1;
    this.byteLevel -= size;
    return true;
  }

  /**
   * Takes up to `count` records of `size` bytes each at once (bulk traffic):
   * as many as both buckets allow, as if tryTake were called `count` times at
   * `now`. Returns how many were taken; the rest are throttled.
   */
  takeBulk(now: number, count: number, size: number): number {
    if (count <= 0) return 0;
    this.refill(now);
    let n = Math.min(count, Math.floor(this.recordLevel));
    if (size > 0) n = Math.min(n, Math.floor(this.byteLevel / size));
    // One oversized record may still pass on a full byte bucket, as in tryTake.
    if (n === 0 && size > this.byteCapacity && this.byteLevel >= this.byteCapacity && this.recordLevel >= 1) n = 1;
    if (n <= 0) return 0;
    this.recordLevel -= n;
    this.byteLevel -= n * size;
    return n;
  }
}
