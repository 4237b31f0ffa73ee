/**
 * The active-partition limit of dynamic partitioning [KDF-DG23
 * dynamic-partitioning, limits; facts B4]: a partition (one evaluated S3
 * prefix) is active from its first record until its buffer is delivered; by
 * default at most 500 may be active per delivery stream (raisable to 5,000).
 * A record that would open one more goes to the error prefix.
 */

/** Default active partitions per delivery stream [facts B4]. */
export const DEFAULT_ACTIVE_PARTITION_LIMIT = 500;
/** The most AWS raises the limit to [facts B4]. */
export const MAX_ACTIVE_PARTITION_LIMIT = 5000;
/** Error code for records refused by the limit (modelled on Firehose's DynamicPartitioning.* codes). */
export const ACTIVE_PARTITIONS_EXCEEDED = {
  errorCode: 'DynamicPartitioning.ActivePartitionsLimitExceeded',
  errorMessage: 'The number of active partitions has exceeded the configured limit.',
} as const;

/** Tracks which partitions are active; the pipeline admits records through it and releases a partition when its buffer is delivered. */
export class ActivePartitions {
  private active = new Set<string>();
  /** Records refused since creation (the PartitionCountExceeded metric counts these). */
  refused = 0;

  constructor(readonly limit = DEFAULT_ACTIVE_PARTITION_LIMIT) {
    if (!(Number.isInteger(limit) && limit >= 1 && limit <= MAX_ACTIVE_PARTITION_LIMIT)) throw new RangeError(`active partition limit must be 1..${MAX_ACTIVE_PARTITION_LIMIT}, got ${limit}`);
  }

  /** True if a record for `partition` may be buffered (it is active already, or there is room to open it). */
  admit(partition: string): boolean {
    if (this.active.has(partition)) return true;
    if (this.active.size >= this.limit) {
      this.refused++;
      return false;
    }
    this.active.add(partition);
    return true;
  }

  /** The partition's buffer was delivered: it stops counting. */
  release(partition: string): void {
    this.active.delete(partition);
  }

  /** Active partitions now (the PartitionCount metric). */
  get count(): number {
    return this.active.size;
  }
}
