/**
 * Pure snapshot building: reads the simulated world (the Kinesis context, the
 * sampled series, the traffic's own summaries) and returns one compact,
 * structured-clone-safe Snapshot. No worker, no timers: testable in vitest.
 */
import type { Simulation, SimEvent } from '../engine';
import type { StreamState } from '../engine/kinesis/streamModel';
import type { ShardState } from '../engine/kinesis/shardModel';
import type { AnalyticsSnap, BucketSnap, ConsumerSnap, EventSnap, FirehoseSnap, KeyMark, ProducerSnap, SeriesSnap, ShardSnap, Snapshot, StreamSnap } from './protocol';
import { writeUseOf, type GaugeSampler, type SeriesSampler } from './seriesSampler';
import { shardMatricesFromMetrics, streamIteratorAge } from './engineSeries';

/** Series rows of the engine's stream-level iterator age are named `stream:<name>` among the consumer rows. */
export const STREAM_AGE_PREFIX = 'stream:';

/** Closed shards shown beside the open ones (the latest first), so lineage stays visible without growing forever. */
export const MAX_CLOSED_SHARDS_SHOWN = 16;

export interface SnapshotSources {
  sim: Simulation;
  sampler: SeriesSampler;
  /** Gauges by id: `age:<consumerId>` (iterator age ms) and `fill:<deliveryStream>` (0..1). */
  gauges: GaugeSampler;
  producers: ProducerSnap[];
  consumers: ConsumerSnap[];
  firehoses: FirehoseSnap[];
  buckets: BucketSnap[];
  /** Analytics applications (optional: sources built before they existed). */
  analytics?: AnalyticsSnap[];
  keyMarks: KeyMark[];
  /** Flush times per delivery stream (simulated ms), newest last. */
  flushTimes: Map<string, number[]>;
}

export interface PlaybackState {
  seed: string;
  playing: boolean;
  speed: number;
  effectiveSpeed: number;
}

const TWO_52 = 2 ** 52;

/** The fraction of the hash line where a key starts (top 52 bits are plenty for drawing). */
export function hashFrac(key: bigint): number {
  return Number(key >> 76n) / TWO_52;
}

function shardSnap(shard: ShardState, sampler: SeriesSampler): ShardSnap {
  const last = sampler.latest(shard.shardId);
  const snap: ShardSnap = {
    id: shard.shardId,
    start: shard.start.toString(),
    end: shard.end.toString(),
    startFrac: hashFrac(shard.start),
    endFrac: shard.end === (1n << 128n) - 1n ? 1 : hashFrac(shard.end + 1n),
    open: shard.closedAt === undefined,
    recordsPerSec: last.records,
    bytesPerSec: last.bytes,
    throttledPerSec: last.throttled,
    writeUse: writeUseOf(last.records, last.bytes),
    totalRecords: shard.counters.incomingRecords,
    totalThrottled: shard.counters.writeThrottledRecords,
  };
  if (shard.parentShardId !== undefined) snap.parentId = shard.parentShardId;
  if (shard.adjacentParentShardId !== undefined) snap.adjacentParentId = shard.adjacentParentShardId;
  if (shard.childShardIds !== undefined) snap.childIds = [...shard.childShardIds];
  return snap;
}

/** A stream: open shards in hash order, then the latest closed shards. */
export function streamSnap(s: StreamState, sampler: SeriesSampler): StreamSnap {
  const closed = s.shards.filter((sh) => sh.closedAt !== undefined).slice(-MAX_CLOSED_SHARDS_SHOWN);
  return {
    name: s.name,
    arn: s.arn,
    status: s.status,
    mode: s.mode,
    retentionHours: s.retentionHours,
    openShardCount: s.open.length,
    shards: [...s.open.map((sh) => shardSnap(sh, sampler)), ...closed.map((sh) => shardSnap(sh, sampler))],
  };
}

/** One line of text for the event log; plain text, never HTML. */
export function describeEvent(e: SimEvent): string {
  switch (e.type) {
    case 'streamStatus':
      return `Stream ${e.stream} is ${e.status}`;
    case 'streamDeleted':
      return `Stream ${e.stream} deleted`;
    case 'throttled':
      return `${e.records} ${e.direction} request(s) throttled on ${e.shardId} (ProvisionedThroughputExceededException)`;
    case 'shardSplit':
      return `${e.parent} split at ${e.newStartingHashKey} into ${e.children.join(' and ')}`;
    case 'shardsMerged':
      return `${e.parents.join(' and ')} merged into ${e.child}`;
    case 'shardCountUpdated':
      return `${e.stream}: shard count ${e.from} -> ${e.to}`;
    case 'retentionChanged':
      return `${e.stream}: retention ${e.hours} h`;
    case 'streamModeChanged':
      return `${e.stream}: capacity mode ${e.mode}`;
    case 'consumerStatus':
      return `Consumer ${e.consumer} is ${e.status}`;
    case 'subscriptionEnded':
      return `Subscription of ${e.consumer} to ${e.shardId} ended: ${e.reason}`;
    case 'applicationStatus':
      return `Analytics application ${e.application} is ${e.status}`;
    case 'applicationCheckpoint':
      return `Analytics application ${e.application}: checkpoint ${e.checkpointId}`;
    case 'applicationRestarted':
      return `Analytics application ${e.application} restarted from checkpoint ${e.fromCheckpoint} (${e.reason})`;
    case 'applicationScaled':
      return `Analytics application ${e.application} autoscaling: parallelism ${e.from} -> ${e.to}`;
    case 'custom': {
      const detail = Object.entries(e.detail)
        .slice(0, 4)
        .map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
        .join(' ');
      return `${e.source} ${e.kind}${detail ? ': ' + detail : ''}`;
    }
  }
}

/** The event's kind for filtering: its type, or source.kind for custom events. */
export function eventKind(e: SimEvent): string {
  return e.type === 'custom' ? `${e.source}.${e.kind}` : e.type;
}

/** Engine events to log entries, numbered from `firstSeq`. */
export function eventSnaps(events: readonly SimEvent[], firstSeq: number): EventSnap[] {
  return events.map((e, i) => ({ seq: firstSeq + i, time: e.time, type: eventKind(e), text: describeEvent(e) }));
}

/** The per-second series for charts: shards of every stream, consumers' iterator age, Firehose buffer fill. */
export function buildSeries(src: SnapshotSources, streams: StreamSnap[]): SeriesSnap {
  const shardIds = streams.flatMap((s) => s.shards.map((sh) => sh.id));
  const times = src.sampler.timesOldestFirst();
  // Per-shard series come from the engine's CloudWatch-named metrics.
  const m = shardMatricesFromMetrics(src.sim, streams, times);
  const consumerIds = src.consumers.map((c) => c.id);
  const firehoseNames = src.firehoses.map((f) => f.name);
  // Per consumer (the worker's gauges), then one row per stream: the engine's GetRecords.IteratorAgeMilliseconds.
  const perConsumer = src.gauges.matrix(consumerIds.map((id) => `age:${id}`));
  const iteratorAge = new Float32Array(perConsumer.length + streams.length * times.length);
  iteratorAge.set(perConsumer);
  streams.forEach((s, i) => iteratorAge.set(streamIteratorAge(src.sim, s.name, times), perConsumer.length + i * times.length));
  return {
    times,
    shardIds,
    ...m,
    consumerIds: [...consumerIds, ...streams.map((s) => `${STREAM_AGE_PREFIX}${s.name}`)],
    iteratorAge,
    firehoseNames,
    bufferFill: src.gauges.matrix(firehoseNames.map((n) => `fill:${n}`)),
    flushTimes: firehoseNames.map((n) => [...(src.flushTimes.get(n) ?? [])]),
  };
}

/** Builds the frame's snapshot. */
export function buildSnapshot(src: SnapshotSources, playback: PlaybackState, events: EventSnap[], includeSeries: boolean): Snapshot {
  const streams: StreamSnap[] = [];
  for (const s of src.sim.kinesisContext.streams.values()) if (!s.deleted) streams.push(streamSnap(s, src.sampler));
  const snap: Snapshot = {
    time: src.sim.now(),
    seed: playback.seed,
    playing: playback.playing,
    speed: playback.speed,
    effectiveSpeed: playback.effectiveSpeed,
    streams,
    producers: src.producers,
    consumers: src.consumers,
    firehoses: src.firehoses,
    buckets: src.buckets,
    ...(src.analytics !== undefined && src.analytics.length > 0 ? { analytics: src.analytics } : {}),
    keyMarks: src.keyMarks,
    events,
    // The world fills in where the run is on its scenario's timeline.
    timeline: { offsetMs: 0, endMs: 0, commandsRun: 0 },
  };
  if (includeSeries) snap.series = buildSeries(src, streams);
  return snap;
}

/** The typed arrays' buffers of a snapshot, to transfer rather than copy. */
export function transferablesOf(snap: Snapshot): ArrayBuffer[] {
  const s = snap.series;
  if (s === undefined) return [];
  return [s.times, s.records, s.bytes, s.throttled, s.writeUse, s.iteratorAge, s.bufferFill].map((a) => a.buffer as ArrayBuffer);
}
