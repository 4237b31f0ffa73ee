/**
 * On-demand scaling on the simulated clock. Once a simulated minute a sampler
 * reads every on-demand stream's shard counters, notes the minute's write
 * rate in the stream's 30-day peak history (onDemandCapacity.ts) and, when
 * the capacity target differs from the open shard count, schedules one resize
 * ON_DEMAND_SPLIT_DELAY_MS later (AWS scales "within 15 minutes"; traffic
 * above capacity is throttled at the shard limits meanwhile). A resize splits
 * the busiest shards at their midpoints, or merges the quietest adjacent
 * pairs, until the stream has its target, within the account's shard quota.
 *
 * Both steps are data events (`kinesis:onDemandSample`, `kinesis:onDemandResize`)
 * with plain payloads; every figure they keep lives on the stream
 * (`StreamState.onDemand`) or the context (`onDemandSampling`).
 */
import type { SimCore } from '../core/simCore';
import { openShardsInAccount, type KinesisContext } from './context';
import { applyMerge, applySplit, areAdjacent } from './reshard';
import type { StreamState } from './streamModel';
import { midpoint } from './hashKey';
import { ON_DEMAND_SPLIT_DELAY_MS } from './constants';
import { newOnDemandState, notePeak, targetShards, type OnDemandState } from './onDemandCapacity';
import type { ShardState } from './shardModel';

/** On-demand streams per account: 50 by default [KDS service-sizes-and-limits]. */
export const ON_DEMAND_STREAMS_PER_ACCOUNT = 50;

/** The sampling window: AWS's CloudWatch minute. */
export const ON_DEMAND_SAMPLE_MS = 60000;

const SAMPLE = 'kinesis:onDemandSample';
const RESIZE = 'kinesis:onDemandResize';
/** The data event that ends an UpdateStreamWarmThroughput: the stream scales to its new target and is ACTIVE again. */
export const WARM_THROUGHPUT_APPLIED = 'kinesis:warmThroughputApplied';

/** Data-event payload: the Kinesis state it acts on and the stream's name. */
interface ResizePayload {
  ctx: KinesisContext;
  stream: string;
}

/** The stream's scaling state, created when it first needs one. */
export function onDemandStateOf(s: StreamState): OnDemandState {
  return (s.onDemand ??= newOnDemandState());
}

/** Starts the sampler for this account if it is not running; it stops once no ON_DEMAND stream is left. */
export function ensureOnDemandScaling(ctx: KinesisContext): void {
  if (ctx.onDemandSampling) return;
  ctx.onDemandSampling = true;
  ctx.core.scheduleEvent(ON_DEMAND_SAMPLE_MS, SAMPLE, { ctx });
}

/**
 * Registers the scaler's data events once, at service creation (so a world rebuilt for a checkpoint restore
 * has them); payloads carry the state they touch, the handlers hold only code.
 */
export function registerOnDemandScaling(core: SimCore): void {
  core.registerHandler<{ ctx: KinesisContext }>(SAMPLE, ({ ctx }) => sampleAll(ctx));
  core.registerHandler<ResizePayload>(RESIZE, (p) => resize(p.ctx, p));
  core.registerHandler<ResizePayload>(WARM_THROUGHPUT_APPLIED, (p) => applyWarmThroughput(p.ctx, p));
}

/**
 * The end of UpdateStreamWarmThroughput: the peak history restarts (so a same or lower value releases
 * excess capacity, as AWS describes), the stream takes its new target at once, and is ACTIVE again.
 */
export function applyWarmThroughput(ctx: KinesisContext, p: ResizePayload): void {
  const s = ctx.streams.get(p.stream);
  if (s === undefined || s.deleted) return;
  if (s.mode === 'ON_DEMAND') {
    const st = onDemandStateOf(s);
    st.dailyPeaks = [];
    resizeTo(ctx, s, targetShards(st, ctx.core.now(), ctx.core.region));
  }
  s.status = 'ACTIVE';
  ctx.core.events.emit({ type: 'streamStatus', time: ctx.core.now(), stream: s.name, status: 'ACTIVE' });
}

function sampleAll(ctx: KinesisContext): void {
  let any = false;
  for (const s of ctx.streams.values()) {
    if (s.deleted || s.mode !== 'ON_DEMAND') continue;
    any = true;
    if (s.status !== 'CREATING') sampleStream(ctx, s);
  }
  if (any) ctx.core.scheduleEvent(ON_DEMAND_SAMPLE_MS, SAMPLE, { ctx });
  else ctx.onDemandSampling = false;
}

/** One minute of a stream: its write rate into the peak history, and a resize if the target moved. */
function sampleStream(ctx: KinesisContext, s: StreamState): void {
  const st = onDemandStateOf(s);
  const now = ctx.core.now();
  const since = now - ON_DEMAND_SAMPLE_MS;
  let bytes = 0, records = 0;
  let complete = true;
  const rates = new Map<string, number>();
  for (const shard of s.shards) {
    // Shards open now, or closed within this minute (a split parent still took writes before it closed).
    if (shard.closedAt !== undefined && shard.closedAt < since) continue;
    const b = shard.counters.incomingBytes, r = shard.counters.incomingRecords;
    let pb = st.lastBytes.get(shard.shardId), pr = st.lastRecords.get(shard.shardId);
    if (pb === undefined || pr === undefined) {
      // A shard born inside this minute counted every write since birth; an older unseen one (a stream just
      // switched from PROVISIONED) has history outside the window: its minute starts now.
      if (shard.createdAt < since) complete = false;
      pb = shard.createdAt < since ? b : 0;
      pr = shard.createdAt < since ? r : 0;
    }
    bytes += b - pb;
    records += r - pr;
    if (shard.closedAt === undefined) rates.set(shard.shardId, ((b - pb) * 1000) / ON_DEMAND_SAMPLE_MS);
  }
  st.lastBytes = new Map(s.shards.map((sh) => [sh.shardId, sh.counters.incomingBytes]));
  st.lastRecords = new Map(s.shards.map((sh) => [sh.shardId, sh.counters.incomingRecords]));
  st.lastRate = rates;
  if (complete) notePeak(st, now, (bytes * 1000) / ON_DEMAND_SAMPLE_MS, (records * 1000) / ON_DEMAND_SAMPLE_MS);
  requestResize(ctx, s);
}

/** Schedules a resize if the stream is not at its target and none is pending. */
export function requestResize(ctx: KinesisContext, s: StreamState, delayMs = ON_DEMAND_SPLIT_DELAY_MS): void {
  const st = onDemandStateOf(s);
  if (st.resizePending || targetShards(st, ctx.core.now(), ctx.core.region) === s.open.length) return;
  st.resizePending = true;
  ctx.core.scheduleEvent(delayMs, RESIZE, { ctx, stream: s.name } satisfies ResizePayload, `${RESIZE}:${s.name}`);
}

function resize(ctx: KinesisContext, p: ResizePayload): void {
  const s = ctx.streams.get(p.stream);
  if (s === undefined || s.deleted) return;
  const st = onDemandStateOf(s);
  st.resizePending = false;
  if (s.mode !== 'ON_DEMAND') return;
  resizeTo(ctx, s, targetShards(st, ctx.core.now(), ctx.core.region));
}

/** Splits the busiest shards or merges the quietest adjacent pairs until the stream has `target` open shards (within the shard quota). */
export function resizeTo(ctx: KinesisContext, s: StreamState, target: number): void {
  const st = onDemandStateOf(s);
  const rate = (sh: ShardState) => st.lastRate.get(sh.shardId) ?? 0;
  while (s.open.length < target && openShardsInAccount(ctx) < ctx.shardQuota) {
    let best: ShardState | undefined;
    for (const sh of s.open) {
      if (sh.end - sh.start < 1n) continue;
      if (best === undefined || rate(sh) > rate(best) || (rate(sh) === rate(best) && sh.end - sh.start > best.end - best.start)) best = sh;
    }
    if (best === undefined) break;
    const half = rate(best) / 2;
    const [lo, hi] = applySplit(ctx, s, best, midpoint(best));
    st.lastRate.set(lo.shardId, half);
    st.lastRate.set(hi.shardId, half);
  }
  while (s.open.length > target) {
    let pair: [ShardState, ShardState] | undefined;
    for (let i = 0; i + 1 < s.open.length; i++) {
      const a = s.open[i], b = s.open[i + 1];
      if (!areAdjacent(a, b)) continue;
      if (pair === undefined || rate(a) + rate(b) < rate(pair[0]) + rate(pair[1])) pair = [a, b];
    }
    if (pair === undefined) break;
    const child = applyMerge(ctx, s, pair[0], pair[1]);
    st.lastRate.set(child.shardId, rate(pair[0]) + rate(pair[1]));
  }
}
