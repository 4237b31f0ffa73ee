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

/** Per-shard write limits: records/s and bytes/s, both must have room. */
export class WriteLimiter {
  readonly records: TokenBucket;
  readonly bytes: TokenBucket;
  constructor(recordsPerSec: number, bytesPerSec: number, now: number) {
    this.records = new TokenBucket(recordsPerSec, recordsPerSec, now);
    this.bytes = new TokenBucket(bytesPerSec, bytesPerSec, now);
  }

  /**
   * Takes one record of `size` bytes if both buckets allow it. A record larger
   * than a whole second's bytes passes only when the byte bucket is full and
   * leaves it in debt (AWS lets large records draw on a refilling burst allowance).
   */
  tryTake(now: number, size: number): boolean {
    const r = this.records, b = this.bytes;
    r.refill(now);
    b.refill(now);
    if (r.level < 1) return false;
    if (b.level < size && !(size > b.capacity && b.level >= b.capacity)) return false;
    r.level -= 1;
    b.level -= size;
    return true;
  }

  /**
   * Takes up to `count` records of `size` bytes each at once (bulk traffic):
   * as many as both buckets allow, as if tryTake were called `count` times at
   * `now`. Returns how many were taken; the rest are throttled.
   */
  takeBulk(now: number, count: number, size: number): number {
    if (count <= 0) return 0;
    const r = this.records, b = this.bytes;
    r.refill(now);
    b.refill(now);
    let n = Math.min(count, Math.floor(r.level));
    if (size > 0) n = Math.min(n, Math.floor(b.level / size));
    // One oversized record may still pass on a full byte bucket, as in tryTake.
    if (n === 0 && size > b.capacity && b.level >= b.capacity && r.level >= 1) n = 1;
    if (n <= 0) return 0;
    r.level -= n;
    b.level -= n * size;
    return n;
  }
}
