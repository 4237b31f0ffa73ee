/**
 * Shard load and heat, defined once: each shard's write figures over a window
 * of the 1-second metrics (never reaching before the run), and the one rule
 * for "hot" (isHot). The snapshot, the graph, the shard list, the header and
 * the hot-shard report all read streamLoad. The report adds which keys put a
 * shard there and what would help; keys come from the
 * producers' key populations routed over the current shards (for bulk
 * traffic that is the key sample each segment materialises from).
 * Advice follows AWS's guidance: split a hot shard (SplitShard at a hash key
 * that halves its traffic), use a partition key of higher cardinality when one
 * key dominates (splitting cannot divide a single key), or add shards when the
 * whole stream nears its capacity [KDS-DG22 resharding; key-concepts].
 */
import type { StreamState } from '../kinesis/streamModel';
import type { ShardState } from '../kinesis/shardModel';
import { md5Hex, midpoint } from '../kinesis/hashKey';
import { SHARD_WRITE_BYTES_PER_SEC, SHARD_WRITE_RECORDS_PER_SEC } from '../kinesis/constants';
import type { KinesisMetrics } from '../metrics/kinesisMetrics';
import type { TrafficService } from './trafficService';
import { Producer } from './producers/producer';
import { distributeKeys, rangeFraction } from './producers/keyDistribution';

export interface KeyHeat {
  key: string;
  /** Records/s the producers offer with this key (its weight times its producer's current rate), before any throttling. */
  recordsPerSec: number;
  /** Its share of the shard's offered traffic. */
  share: number;
}

/** The window a heat figure covers: [fromMs, toMs) of simulated time, `seconds` of it with data. */
export interface HeatWindow {
  /** The window asked for. */
  windowMs: number;
  fromMs: number;
  /** The end of the last whole second the metrics sampled. */
  toMs: number;
  /** Seconds of data in it: fewer than windowMs / 1000 early in a run (a window never reaches before the run). */
  seconds: number;
}

/** One shard's write load over a window, from the 1-second metrics: the figure every view shows. */
export interface ShardLoad {
  shardId: string;
  /** IncomingRecords, IncomingBytes and WriteProvisionedThroughputExceeded per second over the seconds the shard has data for. */
  recordsPerSec: number;
  bytesPerSec: number;
  throttledPerSec: number;
  /** Larger of records/s over 1,000 and bytes/s over 1 MiB [KDS quotas]. */
  utilisation: number;
  /** Fraction of the stream's records (over its open shards) that went to this shard. */
  share: number;
  /** Fraction it would get if traffic were spread by hash range. */
  expectedShare: number;
  /** The one definition of hot (isHot). */
  hot: boolean;
}

export interface ShardHeat extends ShardLoad {
  topKeys: KeyHeat[];
  /** Where SplitShard's NewStartingHashKey would halve this shard's traffic. */
  splitAtHashKey?: string;
  advice?: string;
}

/** A stream's write load over a window: its open shards (and any others asked for) and their sum. */
export interface StreamLoad {
  stream: string;
  window: HeatWindow;
  /** Over the open shards. */
  recordsPerSec: number;
  bytesPerSec: number;
  shards: ShardLoad[];
}

export interface HotShardReport {
  stream: string;
  /** The window asked for; `window` says what it covered. */
  windowMs: number;
  window: HeatWindow;
  recordsPerSec: number;
  bytesPerSec: number;
  shards: ShardHeat[];
  advice: string[];
}

/** A shard is hot above this multiple of its expected share, or above this utilisation, or when it throttles. */
export const HOT_SHARE_FACTOR = 1.5;
export const HOT_UTILISATION = 0.8;
/** The window the live views (graph, shard list, header, Hot shards tab) show load and heat over. */
export const HOT_WINDOW_MS = 10_000;
const TOP_KEYS = 5;

/** Write use against the tighter limit: max(records/1,000, bytes/1 MiB) per second [KDS quotas]. */
export function utilisationOf(recordsPerSec: number, bytesPerSec: number): number {
  return Math.max(recordsPerSec / SHARD_WRITE_RECORDS_PER_SEC, bytesPerSec / SHARD_WRITE_BYTES_PER_SEC);
}

/** The one definition of a hot shard: it throttles writes, runs above HOT_UTILISATION, or takes over HOT_SHARE_FACTOR times its share of the hash line. */
export function isHot(l: Pick<ShardLoad, 'throttledPerSec' | 'utilisation' | 'share' | 'expectedShare'>): boolean {
  return l.throttledPerSec > 0 || l.utilisation > HOT_UTILISATION || (l.share > 0 && l.share > HOT_SHARE_FACTOR * l.expectedShare);
}

/**
 * The write load of `s` over the last `windowMs` of metrics: each open shard
 * (plus `also`, e.g. recently closed ones, which take no share) with its hot
 * flag. Every view's per-shard figure is this, so they agree.
 */
export function streamLoad(metrics: KinesisMetrics, s: StreamState, windowMs = HOT_WINDOW_MS, also: readonly ShardState[] = []): StreamLoad {
  const seconds = Math.max(1, Math.floor(windowMs / 1000));
  const held = metrics.heldSeconds(s.name);
  const toMs = held === undefined ? 0 : (held.last + 1) * 1000;
  const fromMs = held === undefined ? 0 : Math.max(toMs - seconds * 1000, held.first * 1000);
  const window: HeatWindow = { windowMs: seconds * 1000, fromMs, toMs, seconds: (toMs - fromMs) / 1000 };
  const rate = (sh: ShardState) => {
    const w = metrics.shardWindow(s.name, sh.shardId, seconds);
    const n = w.held || 1;
    return { sh, rec: w.records / n, bytes: w.bytes / n, thr: w.throttled / n };
  };
  const open = s.open.map(rate);
  let totalRec = 0, totalBytes = 0;
  for (const r of open) { totalRec += r.rec; totalBytes += r.bytes; }
  const load = (r: ReturnType<typeof rate>, isOpen: boolean): ShardLoad => {
    const l: ShardLoad = {
      shardId: r.sh.shardId,
      recordsPerSec: r.rec,
      bytesPerSec: r.bytes,
      throttledPerSec: r.thr,
      utilisation: utilisationOf(r.rec, r.bytes),
      share: isOpen && totalRec > 0 ? r.rec / totalRec : 0,
      expectedShare: isOpen ? rangeFraction(r.sh) : 0,
      hot: false,
    };
    l.hot = isOpen && isHot(l);
    return l;
  };
  const shards = [...open.map((r) => load(r, true)), ...also.filter((sh) => sh.closedAt !== undefined).map((sh) => load(rate(sh), false))];
  return { stream: s.name, window, recordsPerSec: totalRec, bytesPerSec: totalBytes, shards };
}

/** Builds the report for `s` over the last `windowMs` of metrics (streamLoad) with the keys behind each hot shard. */
export function hotShardReport(svc: TrafficService, metrics: KinesisMetrics, s: StreamState, windowMs = 60000): HotShardReport {
  const open = s.open;
  const keyLoad = keyLoads(svc, s);
  const sl = streamLoad(metrics, s, windowMs);
  const totalRec = sl.recordsPerSec, totalBytes = sl.bytesPerSec;
  const shards: ShardHeat[] = sl.shards.map((l, p) => {
    const sh = open[p];
    const loads = keyLoad[p];
    const keyTotal = loads.reduce((a, k) => a + k.recordsPerSec, 0);
    const topKeys = loads.slice(0, TOP_KEYS).map((k) => ({ key: k.key, recordsPerSec: k.recordsPerSec, share: keyTotal > 0 ? k.recordsPerSec / keyTotal : 0 }));
    const heat: ShardHeat = { ...l, topKeys };
    if (l.hot) {
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
  const covered = sl.window;
  return { stream: s.name, windowMs: covered.windowMs, window: covered, recordsPerSec: totalRec, bytesPerSec: totalBytes, shards, advice };
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
