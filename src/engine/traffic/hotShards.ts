/**
 * The hot-shard report: which open shards take more than their share of a
 * stream's writes, which keys put it there, and what would help. Traffic per
 * shard comes from the 1-second metrics over a window; keys come from the
 * producers' key populations routed over the current shards (for bulk
 * traffic that is the key sample each segment materialises from).
 * Advice follows AWS's guidance: split a hot shard (SplitShard at a hash key
 * that halves its traffic), use a partition key of higher cardinality when one
 * key dominates (splitting cannot divide a single key), or add shards when the
 * whole stream nears its capacity [KDS-DG22 resharding; key-concepts].
 */
import type { StreamState } from '../kinesis/streamModel';
import { md5Hex, midpoint } from '../kinesis/hashKey';
import { SHARD_WRITE_BYTES_PER_SEC, SHARD_WRITE_RECORDS_PER_SEC } from '../kinesis/constants';
import type { KinesisMetrics } from '../metrics/kinesisMetrics';
import type { TrafficService } from './trafficService';
import { Producer } from './producers/producer';
import { distributeKeys, rangeFraction } from './producers/keyDistribution';

export interface KeyHeat {
  key: string;
  /** Estimated records/s of this key (its weight times its producer's current rate). */
  recordsPerSec: number;
  /** Its share of the shard's estimated traffic. */
  share: number;
}

export interface ShardHeat {
  shardId: string;
  recordsPerSec: number;
  bytesPerSec: number;
  throttledPerSec: number;
  /** Fraction of the stream's records that went to this shard. */
  share: number;
  /** Fraction it would get if traffic were spread by hash range. */
  expectedShare: number;
  /** Larger of records/s over 1,000 and bytes/s over 1 MiB [KDS quotas]. */
  utilisation: number;
  hot: boolean;
  topKeys: KeyHeat[];
  /** Where SplitShard's NewStartingHashKey would halve this shard's traffic. */
  splitAtHashKey?: string;
  advice?: string;
}

export interface HotShardReport {
  stream: string;
  windowMs: number;
  recordsPerSec: number;
  bytesPerSec: number;
  shards: ShardHeat[];
  advice: string[];
}

/** A shard is hot above this multiple of its expected share, or above this utilisation, or when it throttles. */
export const HOT_SHARE_FACTOR = 1.5;
export const HOT_UTILISATION = 0.8;
const TOP_KEYS = 5;

/** Builds the report for `s` over the last `windowMs` of metrics. */
export function hotShardReport(svc: TrafficService, metrics: KinesisMetrics, s: StreamState, windowMs = 60000): HotShardReport {
  const now = svc.core.now();
  const from = now - windowMs;
  const secs = windowMs / 1000;
  const open = s.open;
  const keyLoad = keyLoads(svc, s);
  let totalRec = 0, totalBytes = 0;
  const raw = open.map((sh) => {
    const q = { stream: s.name, shardId: sh.shardId, from, to: now };
    const rec = metrics.total({ ...q, metric: 'IncomingRecords' }) / secs;
    const bytes = metrics.total({ ...q, metric: 'IncomingBytes' }) / secs;
    const thr = metrics.total({ ...q, metric: 'WriteProvisionedThroughputExceeded' }) / secs;
    totalRec += rec;
    totalBytes += bytes;
    return { sh, rec, bytes, thr };
  });
  const shards: ShardHeat[] = raw.map(({ sh, rec, bytes, thr }, p) => {
    const expectedShare = rangeFraction(sh);
    const share = totalRec > 0 ? rec / totalRec : 0;
    const utilisation = Math.max(rec / SHARD_WRITE_RECORDS_PER_SEC, bytes / SHARD_WRITE_BYTES_PER_SEC);
    const hot = thr > 0 || utilisation > HOT_UTILISATION || (totalRec > 0 && share > HOT_SHARE_FACTOR * expectedShare);
    const loads = keyLoad[p];
    const keyTotal = loads.reduce((a, k) => a + k.recordsPerSec, 0);
    const topKeys = loads.slice(0, TOP_KEYS).map((k) => ({ key: k.key, recordsPerSec: k.recordsPerSec, share: keyTotal > 0 ? k.recordsPerSec / keyTotal : 0 }));
    const heat: ShardHeat = { shardId: sh.shardId, recordsPerSec: rec, bytesPerSec: bytes, throttledPerSec: thr, share, expectedShare, utilisation, hot, topKeys };
    if (hot) {
      if (topKeys.length > 0 && topKeys[0].share > 0.5) {
        heat.advice = `Key "${topKeys[0].key}" carries ${Math.round(topKeys[0].share * 100)}% of this shard: splitting cannot divide one key. Use a partition key with more distinct values (or add a random suffix and regroup downstream).`;
      } else {
        const at = loads.length > 0 ? weightedMedianHash(loads) : midpoint(sh);
        const split = at > sh.start && at <= sh.end ? at : midpoint(sh);
        heat.splitAtHashKey = split.toString();
        heat.advice = `Split ${sh.shardId} with NewStartingHashKey ${heat.splitAtHashKey}: each child then takes about half of its traffic.`;
      }
    }
    return heat;
  });
  const advice: string[] = [];
  const capacityRec = open.length * SHARD_WRITE_RECORDS_PER_SEC;
  const capacityBytes = open.length * SHARD_WRITE_BYTES_PER_SEC;
  const streamUse = Math.max(totalRec / capacityRec, totalBytes / capacityBytes);
  if (streamUse > HOT_UTILISATION) {
    const need = Math.ceil(Math.max(totalRec / SHARD_WRITE_RECORDS_PER_SEC, totalBytes / SHARD_WRITE_BYTES_PER_SEC) / HOT_UTILISATION);
    advice.push(`The stream runs at ${Math.round(streamUse * 100)}% of its write capacity: add shards (UpdateShardCount to about ${need}) or switch to on-demand.`);
  }
  const hot = shards.filter((h) => h.hot);
  if (hot.length > 0 && hot.length <= Math.max(1, open.length / 4)) advice.push(`${hot.length} of ${open.length} shards are hot while the others have room: the partition key spreads unevenly.`);
  for (const h of hot) if (h.advice !== undefined) advice.push(h.advice);
  return { stream: s.name, windowMs, recordsPerSec: totalRec, bytesPerSec: totalBytes, shards, advice };
}

/** Estimated records/s per key on each open shard, heaviest first, from every producer of the stream. */
function keyLoads(svc: TrafficService, s: StreamState): Array<Array<{ key: string; recordsPerSec: number }>> {
  const out: Array<Map<string, number>> = s.open.map(() => new Map());
  const now = svc.core.now();
  for (const p of svc.list('producer')) {
    if (!(p instanceof Producer) || p.config.streamName !== s.name || p.firehose !== undefined) continue;
    const pop = p.maker.keys;
    if (pop.kind !== 'finite') continue; // unique keys: no key is heavier than another
    const dist = p.bulk?.dist?.open === s.open ? p.bulk.dist : distributeKeys(pop, s, now);
    const rate = p.currentRate(now);
    dist.shardKeys!.forEach((ids, pos) => {
      const m = out[pos];
      for (let j = 0; j < Math.min(ids.length, 64); j++) {
        const key = pop.keyAt(ids[j], now);
        m.set(key, (m.get(key) ?? 0) + rate * pop.weights![ids[j]]);
      }
    });
  }
  return out.map((m) => [...m].map(([key, recordsPerSec]) => ({ key, recordsPerSec })).sort((a, b) => b.recordsPerSec - a.recordsPerSec || (a.key < b.key ? -1 : 1)));
}

/** The hash key at which the keys' weights split in half (their weighted median on the hash line). */
export function weightedMedianHash(loads: ReadonlyArray<{ key: string; recordsPerSec: number }>): bigint {
  const pts = loads.map((k) => ({ h: BigInt('0x' + md5Hex(k.key)), w: k.recordsPerSec })).sort((a, b) => (a.h < b.h ? -1 : a.h > b.h ? 1 : 0));
  const total = pts.reduce((a, p) => a + p.w, 0);
  let acc = 0;
  for (let i = 0; i < pts.length; i++) {
    acc += pts[i].w;
    // The upper child starts just above the key where half the weight is reached.
    if (acc >= total / 2) return i + 1 < pts.length ? pts[i].h + 1n : pts[i].h;
  }
  return pts.length > 0 ? pts[pts.length - 1].h : 0n;
}
