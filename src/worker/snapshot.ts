/**
 * Pure snapshot building: reads the simulated world (the Kinesis context, the
 * engine's metrics and load figures, the traffic's own summaries) and returns
 * one compact, structured-clone-safe Snapshot. Every per-second figure comes
 * from the engine (sim.metrics, sim.traffic.streamLoad): nothing is counted
 * twice. No worker, no timers: testable in vitest.
 */
import { videoGraph, type Simulation, type SimEvent, type StreamState, type ShardState, HOT_WINDOW_MS, type ShardLoad } from '../engine';
import type { AnalyticsSnap, BucketSnap, ConsumerSnap, EventSnap, FirehoseSnap, FlushMark, KeyMark, ProducerSnap, SeriesSnap, ShardSnap, Snapshot, StreamSnap } from './protocol';
import { STREAM_AGE_PREFIX } from './protocol';
import { bufferFillSeries, seriesTimes, shardMatricesFromMetrics, streamIteratorAge } from './engineSeries';

export { STREAM_AGE_PREFIX } from './protocol';

/** Closed shards shown beside the open ones (the latest first), so lineage stays visible without growing forever. */
export const MAX_CLOSED_SHARDS_SHOWN = 16;

export interface SnapshotSources {
  sim: Simulation;
  /** The run's start (simulated epoch ms): chart columns never reach before it. */
  runStart: number;
  producers: ProducerSnap[];
  consumers: ConsumerSnap[];
  firehoses: FirehoseSnap[];
  buckets: BucketSnap[];
  /** Analytics applications (optional: sources built before they existed). */
  analytics?: AnalyticsSnap[];
  keyMarks: KeyMark[];
  /** Buffer flushes per delivery stream (from the engine's bufferFlushed events), oldest first. */
  flushes: Map<string, FlushMark[]>;
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

const IDLE: Omit<ShardLoad, 'shardId'> = { recordsPerSec: 0, bytesPerSec: 0, throttledPerSec: 0, utilisation: 0, share: 0, expectedShare: 0, hot: false };

function shardSnap(shard: ShardState, load: Omit<ShardLoad, 'shardId'>): ShardSnap {
  const snap: ShardSnap = {
    id: shard.shardId,
    start: shard.start.toString(),
    end: shard.end.toString(),
    startFrac: hashFrac(shard.start),
    endFrac: shard.end === (1n << 128n) - 1n ? 1 : hashFrac(shard.end + 1n),
    open: shard.closedAt === undefined,
    recordsPerSec: load.recordsPerSec,
    bytesPerSec: load.bytesPerSec,
    throttledPerSec: load.throttledPerSec,
    writeUse: load.utilisation,
    share: load.share,
    expectedShare: load.expectedShare,
    hot: load.hot,
    totalRecords: shard.counters.incomingRecords,
    totalThrottled: shard.counters.writeThrottledRecords,
  };
  if (shard.parentShardId !== undefined) snap.parentId = shard.parentShardId;
  if (shard.adjacentParentShardId !== undefined) snap.adjacentParentId = shard.adjacentParentShardId;
  if (shard.childShardIds !== undefined) snap.childIds = [...shard.childShardIds];
  return snap;
}

/** A stream: open shards in hash order, then the latest closed shards, each with the engine's load over HOT_WINDOW_MS. */
export function streamSnap(sim: Simulation, s: StreamState): StreamSnap {
  const closed = s.shards.filter((sh) => sh.closedAt !== undefined).slice(-MAX_CLOSED_SHARDS_SHOWN);
  const load = sim.traffic.streamLoad(s.name, HOT_WINDOW_MS, closed.map((sh) => sh.shardId));
  const byId = new Map(load.shards.map((l) => [l.shardId, l]));
  return {
    name: s.name,
    arn: s.arn,
    status: s.status,
    mode: s.mode,
    retentionHours: s.retentionHours,
    openShardCount: s.open.length,
    shardLevelMetrics: [...s.shardLevelMetrics],
    heat: load.window,
    recordsPerSec: load.recordsPerSec,
    bytesPerSec: load.bytesPerSec,
    shards: [...s.open, ...closed].map((sh) => shardSnap(sh, byId.get(sh.shardId) ?? IDLE)),
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
    case 'streamEncryptionChanged':
      return e.encryptionType === 'KMS' ? `${e.stream}: server-side encryption on (KMS key ${e.keyId ?? ''}); records written from now on are encrypted` : `${e.stream}: server-side encryption off; records written from now on are not encrypted`;
    case 'enhancedMonitoringChanged':
      return `${e.stream}: shard-level metrics ${e.shardLevelMetrics.length === 0 ? 'off' : e.shardLevelMetrics.join(', ')}`;
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
    case 'deliveryStreamStatus':
      return `Delivery stream ${e.deliveryStream} is ${e.status}`;
    case 'bufferFlushed':
      return `Firehose ${e.deliveryStream} flushed ${e.records} records (${mib(e.bytes)}) at ${Math.round(e.fill * 100)}% of its buffer size`;
    case 'objectDelivered':
      return `Firehose ${e.deliveryStream} wrote s3://${e.bucket}/${e.key} (${e.records} records${e.target === 'data' ? '' : `, ${e.target}`})`;
    case 'deliveryAbandoned':
      return `Firehose ${e.deliveryStream} gave up on ${e.records} records after retrying (data lost)`;
    case 'kclWorkerStarted':
      return `KCL ${e.application}: worker ${e.worker} started`;
    case 'kclWorkerDied':
      return `KCL ${e.application}: worker ${e.worker} died`;
    case 'kclLeaseCreated':
      return `KCL ${e.application}: lease ${e.leaseKey} created at ${e.checkpoint}`;
    case 'kclLeaseTaken':
      return `KCL ${e.application}: worker ${e.worker} took the lease of ${e.leaseKey}`;
    case 'kclLeaseStolen':
      return `KCL ${e.application}: worker ${e.worker} stole the lease of ${e.leaseKey} from ${e.from}`;
    case 'kclLeaseLost':
      return `KCL ${e.application}: worker ${e.worker} lost the lease of ${e.leaseKey}`;
    case 'kclShardEnded':
      return `KCL ${e.application}: ${e.leaseKey} reached SHARD_END (worker ${e.worker})`;
    case 'esmBatchBisected':
      return `Lambda ${e.functionName}: a failing batch of ${e.records} records from ${e.shardId} split in two (BisectBatchOnFunctionError)`;
    case 'videoStreamStatus':
      return `Video stream ${e.stream} is ${e.status}`;
    case 'videoRetentionChanged':
      return `Video stream ${e.stream}: data retention ${e.hours} h`;
    case 'putMediaSession':
      return `PutMedia session ${e.session} of ${e.camera} on ${e.stream} ${e.status === 'OPEN' ? 'opened' : `closed (${e.reason ?? ''})`}`;
    case 'fragmentRefused':
      return `${e.stream}: fragment from ${e.camera} refused (${e.errorId !== undefined ? `ERROR ${e.errorId}` : e.reason})`;
    case 'streamingSessionRevoked':
      return `${e.stream}: ${e.protocol} session ${e.session} revoked by an 11th session`;
    case 'streamProcessorStatus':
      return `Stream processor ${e.processor} is ${e.status}`;
    case 'labelNotification':
      return `${e.processor}: ${e.label} seen on ${e.stream} (SNS ${e.topicArn})`;
    case 'esmRecordsDiscarded':
      return `Lambda ${e.functionName}: ${e.records} records from ${e.shardId} discarded (${e.reason === 'expired' ? 'MaximumRecordAgeInSeconds' : e.reason === 'retriesExhausted' ? 'MaximumRetryAttempts' : 'a single record over the 6 MB invocation payload'})${e.onFailure ? ', sent to the OnFailure destination' : ''}`;
  }
}

function mib(bytes: number): string {
  return `${(bytes / 1048576).toFixed(1)} MiB`;
}

/** The event's kind for filtering: its type. */
export function eventKind(e: SimEvent): string {
  return e.type;
}

/** Engine events to log entries, numbered from `firstSeq`. */
export function eventSnaps(events: readonly SimEvent[], firstSeq: number): EventSnap[] {
  return events.map((e, i) => ({ seq: firstSeq + i, time: e.time, type: eventKind(e), text: describeEvent(e) }));
}

/** The per-second series for charts, all from the engine: shards of every stream, each stream's iterator age, Firehose buffer fill and flushes. */
export function buildSeries(src: SnapshotSources, streams: StreamSnap[]): SeriesSnap {
  const shardIds = streams.flatMap((s) => s.shards.map((sh) => sh.id));
  const times = seriesTimes(src.sim.now(), src.runStart);
  const m = shardMatricesFromMetrics(src.sim, streams, times);
  const n = times.length;
  const iteratorAge = new Float32Array(streams.length * n);
  streams.forEach((s, i) => iteratorAge.set(streamIteratorAge(src.sim, s.name, times), i * n));
  const firehoseNames = src.firehoses.map((f) => f.name);
  const bufferFill = new Float32Array(firehoseNames.length * n);
  firehoseNames.forEach((f, i) => bufferFill.set(bufferFillSeries(src.sim, f, times), i * n));
  const from = n > 0 ? times[0] - 1000 : Infinity;
  return {
    times,
    shardIds,
    ...m,
    consumerIds: streams.map((s) => `${STREAM_AGE_PREFIX}${s.name}`),
    iteratorAge,
    firehoseNames,
    bufferFill,
    flushes: firehoseNames.map((f) => (src.flushes.get(f) ?? []).filter((x) => x.time >= from)),
  };
}

/** Builds the frame's snapshot. */
export function buildSnapshot(src: SnapshotSources, playback: PlaybackState, events: EventSnap[], includeSeries: boolean): Snapshot {
  const streams: StreamSnap[] = [];
  for (const s of src.sim.kinesisContext.streams.values()) if (!s.deleted) streams.push(streamSnap(src.sim, s));
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
  const videoNames: string[] = [];
  for (const v of src.sim.videoContext.streams.values()) if (!v.deleted) videoNames.push(v.name);
  if (videoNames.length > 0) snap.video = videoGraph(src.sim.video, src.sim.rekognition, videoNames);
  if (includeSeries) snap.series = buildSeries(src, streams);
  return snap;
}

/** The typed arrays' buffers of a snapshot, to transfer rather than copy. */
export function transferablesOf(snap: Snapshot): ArrayBuffer[] {
  const s = snap.series;
  if (s === undefined) return [];
  return [s.times, s.records, s.bytes, s.throttled, s.writeUse, s.iteratorAge, s.bufferFill].map((a) => a.buffer as ArrayBuffer);
}
