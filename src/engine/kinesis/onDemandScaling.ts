/**
 * On-demand capacity. A new ON_DEMAND stream starts with 4 shards (4 MiB/s of
 * writes); AWS splits a shard that takes in more than 500 KB/s "within 15
 * minutes", so capacity grows towards twice the previous peak while the
 * per-shard limits (1 MiB/s, 1,000 records/s) keep throttling the excess
 * meanwhile [KDS-DG22 how-do-i-size-a-stream; Q-now].
 *
 * Once per simulated minute a sampler reads each open shard's running byte
 * counter, and a shard above the threshold over that minute is split at the
 * middle of its range ON_DEMAND_SPLIT_DELAY_MS later, as long as the stream's
 * on-demand write ceiling and the account's shard quota leave room.
 */
import type { SimCore } from '../core/simCore';
import { openShardsInAccount, type KinesisContext } from './context';
import { applySplit } from './reshard';
import type { StreamState } from './streamModel';
import { midpoint } from './hashKey';
import type { ShardState } from './shardModel';
import {
  ON_DEMAND_SPLIT_DELAY_MS,
  ON_DEMAND_SPLIT_THRESHOLD_BYTES_PER_SEC,
  SHARD_WRITE_BYTES_PER_SEC,
  onDemandMaxWriteBytesPerSec,
} from './constants';

/** On-demand streams per account: 50 by default [KDS-DG22; Q-now]. */
export const ON_DEMAND_STREAMS_PER_ACCOUNT = 50;

/** The sampling window: AWS's CloudWatch minute. */
export const ON_DEMAND_SAMPLE_MS = 60000;

type ScalerState = NonNullable<KinesisContext['onDemand']>;

/** Starts the sampler for this account if it is not running; it stops once no ON_DEMAND stream is left. */
export function ensureOnDemandScaling(ctx: KinesisContext): void {
  if (ctx.onDemand !== undefined) return;
  const st: ScalerState = { lastBytes: new Map(), pending: new Map() };
  ctx.onDemand = st;
  ctx.core.scheduleEvent(ON_DEMAND_SAMPLE_MS, SAMPLE, { ctx, st });
}

const SAMPLE = 'kinesis:onDemandSample';
const SPLIT = 'kinesis:onDemandSplit';

/** Registers the scaler's data events (its sample and its delayed splits; payloads are the states they touch). */
export function registerOnDemandScaling(core: SimCore): void {
  core.registerHandler<{ ctx: KinesisContext; st: ScalerState }>(SAMPLE, ({ ctx, st }) => {
    let any = false;
    for (const s of ctx.streams.values()) {
      if (s.deleted || s.mode !== 'ON_DEMAND') continue;
      any = true;
      if (s.status !== 'CREATING') sampleStream(ctx, st, s);
    }
    if (any) ctx.core.scheduleEvent(ON_DEMAND_SAMPLE_MS, SAMPLE, { ctx, st });
    else ctx.onDemand = undefined;
  });
  core.registerHandler<{ ctx: KinesisContext; st: ScalerState; s: StreamState; shard: ShardState; set: Set<ShardState> }>(SPLIT, ({ ctx, st, s, shard, set }) => {
    set.delete(shard);
    if (set.size === 0) st.pending.delete(s);
    if (s.deleted || s.mode !== 'ON_DEMAND' || shard.closedAt !== undefined) return;
    if (openShardsInAccount(ctx) + 1 > ctx.shardQuota) return;
    applySplit(ctx, s, shard, midpoint(shard));
  });
}

/** Writes per second a shard took over the last minute, or undefined before its first full window has passed. */
function sampleShard(ctx: KinesisContext, st: ScalerState, shard: ShardState): number | undefined {
  const now = ctx.core.now();
  const bytes = shard.counters.incomingBytes;
  let prev = st.lastBytes.get(shard);
  st.lastBytes.set(shard, bytes);
  // A shard born inside this window counted every byte since birth; an older unseen one
  // (a stream just switched from PROVISIONED) has history outside the window, so wait a minute.
  if (prev === undefined) {
    if (shard.createdAt < now - ON_DEMAND_SAMPLE_MS) return undefined;
    prev = 0;
  }
  return ((bytes - prev) * 1000) / ON_DEMAND_SAMPLE_MS;
}

function sampleStream(ctx: KinesisContext, st: ScalerState, s: StreamState): void {
  let pending = st.pending.get(s);
  for (const shard of s.open) {
    const rate = sampleShard(ctx, st, shard);
    if (rate === undefined || rate <= ON_DEMAND_SPLIT_THRESHOLD_BYTES_PER_SEC) continue;
    if (pending?.has(shard) || shard.end - shard.start < 1n) continue;
    const planned = pending?.size ?? 0;
    // Each split adds one shard's worth (1 MiB/s) of write capacity: stay under the stream's ceiling and the account quota.
    if ((s.open.length + planned + 1) * SHARD_WRITE_BYTES_PER_SEC > onDemandMaxWriteBytesPerSec(ctx.core.region)) continue;
    if (openShardsInAccount(ctx) + planned + 1 > ctx.shardQuota) continue;
    if (pending === undefined) st.pending.set(s, (pending = new Set()));
    pending.add(shard);
    ctx.core.scheduleEvent(ON_DEMAND_SPLIT_DELAY_MS, SPLIT, { ctx, st, s, shard, set: pending }, `kinesis:onDemandSplit:${s.name}:${shard.shardId}`);
  }
}
