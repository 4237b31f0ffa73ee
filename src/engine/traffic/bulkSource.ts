/**
 * One bulk producer's state on one stream: where its keys land (per open
 * shard), the recipe each shard's segment uses to materialise its records,
 * the per-shard write pattern (records per tick, carried fraction) and the
 * retry backlog of throttled records. Rebuilt when the routing table changes
 * (a split or merge rebuilds s.open) or the producer is updated.
 */
import type { StreamState } from '../kinesis/streamModel';
import type { SegmentRecipe } from '../kinesis/segmentRecipe';
import { distributeKeys, type KeyDistribution } from './producers/keyDistribution';
import type { RecordMaker } from './producers/recordMaker';
import { mix32 } from './producers/keyDistribution';

/** Counts of user records, as a KPL or SDK producer reports them. */
export interface ProducerCounts {
  /** User records accepted by Kinesis. */
  sent: number;
  /** Attempts refused with ProvisionedThroughputExceededException. */
  throttled: number;
  /** Attempts that were retries of throttled records. */
  retried: number;
  /** Records given up after the last retry (or their RecordTtl). */
  dropped: number;
  /** Kinesis records accepted (differs from `sent` with KPL aggregation). */
  kinesisRecords: number;
  /** Bytes accepted (data plus partition keys). */
  bytes: number;
  /** API calls made (PutRecord: one per record; PutRecords and KPL: one per batch of up to 500). */
  calls: number;
}

/** Producer counters all at zero. */
export function zeroCounts(): ProducerCounts {
  return { sent: 0, throttled: 0, retried: 0, dropped: 0, kinesisRecords: 0, bytes: 0, calls: 0 };
}

/** How the bulk writer sees a producer. */
export interface BulkLaneOwner {
  readonly id: string;
  readonly maker: RecordMaker;
  readonly seed: number;
  /** Retries of a throttled record before it is dropped. */
  readonly maxRetries: number;
  /** User records per Kinesis record on a shard taking `userPerSec` (KPL aggregation; 1 otherwise). */
  aggregation(userPerSec: number): number;
  /** Bytes of one Kinesis record holding `m` user records. */
  kinesisRecordBytes(m: number): number;
  /** Recipe for a lane of aggregated records (KPL), or undefined to use the maker's plain recipe. */
  aggregateRecipe?(base: SegmentRecipe, m: number): SegmentRecipe;
  /** 'PutRecord' counts one call per record. */
  readonly callPerRecord: boolean;
  readonly counts: ProducerCounts;
}

/** One bulk producer's routing, recipes, write pattern and retry backlog on one stream. */
export class BulkSource {
  dist?: KeyDistribution;
  /** Per open shard position: */
  recipes: SegmentRecipe[] = [];
  /** recipes[p].recordBytes, read per shard per tick. */
  sizes = new Float64Array(0);
  /** Kinesis records per tick (r of the pattern). */
  rate = new Float64Array(0);
  /** Pattern origin (fraction in [0,1)) and ticks since it. */
  phi0 = new Float64Array(0);
  k = new Float64Array(0);
  /** User records per Kinesis record. */
  agg = new Float64Array(0);
  /** backlog[pos * maxRetries + a]: Kinesis records that failed a+1 times, retried next tick. */
  backlog = new Float64Array(0);
  /** Kinesis-record attempts in the current tick (for counting API calls). */
  tickAttempts = 0;
  /** The owner's retry limit, copied (read per shard per tick). */
  maxRetries: number;
  private lastUserRate = -1;
  private lastTick = -1;

  constructor(readonly owner: BulkLaneOwner) {
    this.maxRetries = owner.maxRetries;
  }

  /**
   * Brings the state up to date for a tick writing `userPerTick` user records
   * over `dtMs`: recomputes the distribution after a reshard and the pattern
   * after a rate change. Returns true when the lanes (recipes) changed.
   */
  prepare(s: StreamState, now: number, userPerTick: number, dtMs: number): boolean {
    let lanesChanged = false;
    if (this.dist === undefined || this.dist.open !== s.open) {
      this.dist = distributeKeys(this.owner.maker.keys, s, now);
      const n = s.open.length;
      this.recipes = new Array(n);
      this.sizes = new Float64Array(n);
      this.rate = new Float64Array(n);
      this.phi0 = new Float64Array(n);
      this.k = new Float64Array(n);
      this.agg = new Float64Array(n);
      // Throttled records waiting for a retry are re-keyed onto the new shards: they are dropped here (the KPL re-routes them; close enough for a count).
      this.maxRetries = this.owner.maxRetries;
      this.backlog = new Float64Array(n * Math.max(1, this.maxRetries));
      this.lastUserRate = -1;
      lanesChanged = true;
    }
    const userRate = (userPerTick * 1000) / Math.max(1, dtMs);
    if (userRate !== this.lastUserRate || dtMs !== this.lastTick) {
      const dist = this.dist;
      for (let p = 0; p < dist.share.length; p++) {
        const userShard = userPerTick * dist.share[p];
        const m = this.owner.aggregation((userShard * 1000) / Math.max(1, dtMs));
        if (m !== this.agg[p] || this.recipes[p] === undefined) {
          this.agg[p] = m;
          const base = this.owner.maker.recipe(dist, p, dist.open[p], mix32(this.owner.seed, dist.open[p].index));
          this.recipes[p] = m > 1 && this.owner.aggregateRecipe !== undefined ? this.owner.aggregateRecipe(base, m) : base;
          this.sizes[p] = this.recipes[p].recordBytes;
          lanesChanged = true;
        }
        // Rounded to 1e-9 so that shares summing to 0.9999999999 still give whole counts.
        const r = Math.round((userShard / m) * 1e9) / 1e9;
        // Keep the carried fraction, restart the pattern at the new rate.
        const pos = this.phi0[p] + this.k[p] * this.rate[p];
        this.phi0[p] = pos - Math.floor(pos);
        this.k[p] = 0;
        this.rate[p] = r;
      }
      this.lastUserRate = userRate;
      this.lastTick = dtMs;
    }
    return lanesChanged;
  }

  /** Kinesis records the pattern writes at `p` this tick, and the carried fraction before it. */
  demand(p: number): number {
    const r = this.rate[p], phi = this.phi0[p], k = this.k[p];
    return Math.floor(phi + (k + 1) * r) - Math.floor(phi + k * r);
  }

  /** The pattern position's fraction before this tick (what a new segment run starts from). */
  phase(p: number): number {
    const pos = this.phi0[p] + this.k[p] * this.rate[p];
    return pos - Math.floor(pos);
  }

  /** After a tick: the run grew (k+1) or restarted at the given phase. */
  advance(p: number, restartedAt?: number): void {
    if (restartedAt === undefined) this.k[p] += 1;
    else {
      this.phi0[p] = restartedAt;
      this.k[p] = 1;
    }
  }
}
