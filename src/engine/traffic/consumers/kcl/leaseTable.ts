/**
 * The KCL lease table: one row per shard, as the KCL keeps it in DynamoDB
 * [KDS-DG22 kinesis-record-processor-ddb; A12]: leaseKey (the shard id),
 * checkpoint, leaseCounter, leaseOwner, ownerSwitchesSinceCheckpoint and
 * parentShardId. Children are not processed until their parents are
 * checkpointed at SHARD_END.
 */
import type { StreamState } from '../../../kinesis/streamModel';
import type { ShardState } from '../../../kinesis/shardModel';
import { parentsOf } from '../shardLineage';

/** Checkpoint sentinels the KCL writes in place of a sequence number. */
export type CheckpointSentinel = 'TRIM_HORIZON' | 'LATEST' | 'AT_TIMESTAMP' | 'SHARD_END';

export interface Lease {
  leaseKey: string;
  /** The last processed sequence number, or a sentinel. */
  checkpoint: string;
  /** Position inside a KPL aggregate (always 0 here: records are not aggregated). */
  checkpointSubSequenceNumber: number;
  /** Bumped by every renewal and every take: other workers judge liveness by it. */
  leaseCounter: number;
  leaseOwner: string | null;
  ownerSwitchesSinceCheckpoint: number;
  /** The shard's parents (one after a split, two after a merge): the DynamoDB attribute is a string set. */
  parentShardId: string[];
}

/** A KCL application's lease table: one lease per shard, added by sync() as shards appear. */
export class LeaseTable {
  readonly leases = new Map<string, Lease>();
  /** The same leases in table order (rows are only ever added): lease takers index their views by position. */
  readonly list: Lease[] = [];
  private seen?: unknown[];
  private seenLength = 0;

  /** Adds a lease for every shard without one: shards present at start take the initial position, later children TRIM_HORIZON (the KCL reads children from their start). */
  sync(s: StreamState, initial: 'TRIM_HORIZON' | 'LATEST' | 'AT_TIMESTAMP'): Lease[] {
    const added: Lease[] = [];
    // Shards are only ever appended (or the array replaced on expiry): same array and length means nothing new.
    if (this.seen === s.shards && this.seenLength === s.shards.length) return added;
    this.seen = s.shards;
    this.seenLength = s.shards.length;
    const first = this.leases.size === 0;
    for (const sh of s.shards) {
      if (this.leases.has(sh.shardId)) continue;
      const parents = parentsOf(sh);
      const hasLeasedParent = parents.some((p) => this.leases.has(p));
      added.push(this.add(sh, first || !hasLeasedParent ? initial : 'TRIM_HORIZON'));
    }
    return added;
  }

  private add(sh: ShardState, checkpoint: string): Lease {
    const lease: Lease = {
      leaseKey: sh.shardId,
      checkpoint,
      checkpointSubSequenceNumber: 0,
      leaseCounter: 0,
      leaseOwner: null,
      ownerSwitchesSinceCheckpoint: 0,
      parentShardId: parentsOf(sh),
    };
    this.leases.set(sh.shardId, lease);
    this.list.push(lease);
    return lease;
  }

  /** True when every parent lease is checkpointed at SHARD_END (or gone: cleaned up after expiry). */
  parentsDone(lease: Lease): boolean {
    for (const p of lease.parentShardId) {
      const pl = this.leases.get(p);
      if (pl !== undefined && pl.checkpoint !== 'SHARD_END') return false;
    }
    return true;
  }

  /** Leases held by `owner`, in shard order. */
  ownedBy(owner: string): Lease[] {
    return [...this.leases.values()].filter((l) => l.leaseOwner === owner);
  }

  /** Plain rows for a view (the DynamoDB items). */
  rows(): Lease[] {
    return [...this.leases.values()].map((l) => ({ ...l, parentShardId: [...l.parentShardId] }));
  }
}
