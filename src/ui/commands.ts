/**
 * What the UI sends: scenario commands only ({ op, args }, the allow-list in
 * src/scenarios/scenarioSchema.ts), so every edit is recorded exactly as a
 * scenario would hold it and checked by the one scenario schema and then by
 * the engine. These builders only spell the requests; they validate nothing
 * themselves (a refused command comes back with the schema's or the engine's
 * own message).
 */
import { bucketArn, FIREHOSE_ROLE, streamArn } from '../scenarios/presets/preset';
import { KEY_STRATEGY_PRESETS, type KeyStrategyName } from '../engine';
import type { Command } from '../worker/protocol';

/** SplitShard at `newStartingHashKey` (decimal). */
export function splitShard(stream: string, shardId: string, newStartingHashKey: string): Command {
  return { op: 'kinesis.splitShard', args: { StreamName: stream, ShardToSplit: shardId, NewStartingHashKey: newStartingHashKey } };
}

/** MergeShards of two adjacent open shards. */
export function mergeShards(stream: string, shardId: string, adjacentShardId: string): Command {
  return { op: 'kinesis.mergeShards', args: { StreamName: stream, ShardToMerge: shardId, AdjacentShardToMerge: adjacentShardId } };
}

/** UpdateShardCount with uniform scaling (the only ScalingType AWS has). */
export function updateShardCount(stream: string, targetShardCount: number): Command {
  return { op: 'kinesis.updateShardCount', args: { StreamName: stream, TargetShardCount: targetShardCount, ScalingType: 'UNIFORM_SCALING' } };
}

/** EnableEnhancedMonitoring of every shard-level metric (AWS's `ALL`). */
export function enableEnhancedMonitoring(stream: string): Command {
  return { op: 'kinesis.enableEnhancedMonitoring', args: { StreamName: stream, ShardLevelMetrics: ['ALL'] } };
}

/** A key strategy with its preset's default key count (strategies without one take none). */
export function keysOf(name: KeyStrategyName): { name: KeyStrategyName; count?: number } {
  const preset = KEY_STRATEGY_PRESETS.find((p) => p.name === name);
  return preset?.defaultCount !== undefined ? { name, count: preset.defaultCount } : { name };
}

/** traffic.addProducer: a constant-rate producer on a stream. */
export function addProducer(p: { name: string; stream: string; recordsPerSecond: number; recordBytes: number; strategy: KeyStrategyName }): Command {
  return { op: 'traffic.addProducer', args: { name: p.name, streamName: p.stream, rate: { kind: 'constant', recordsPerSecond: p.recordsPerSecond }, keys: keysOf(p.strategy), record: { sizeBytes: p.recordBytes } } };
}

/** traffic.updateProducer: fields replace the producer's whole field (keep the rest of `record` and `keys` by passing them). */
export function updateProducer(id: string, patch: Record<string, unknown>): Command {
  return { op: 'traffic.updateProducer', args: { id, ...patch } };
}

export function removeProducer(id: string): Command {
  return { op: 'traffic.removeProducer', args: { id } };
}

export function removeConsumer(id: string): Command {
  return { op: 'traffic.removeConsumer', args: { id } };
}

/** An enhanced fan-out consumer (RegisterStreamConsumer, then SubscribeToShard on every shard). */
export function addEfoConsumer(stream: string, name: string): Command {
  return { op: 'traffic.addConsumer', args: { type: 'efo', name, streamName: stream } };
}

/** CreateBucket (when `bucketExists` is false) and CreateDeliveryStream reading `stream` into it, GZIP-compressed. */
export function addFirehose(f: { name: string; stream: string; bucket: string; bucketExists: boolean; bufferSizeMiB: number; bufferIntervalSec: number }): Command[] {
  const out: Command[] = [];
  if (!f.bucketExists) out.push({ op: 's3.createBucket', args: { Bucket: f.bucket } });
  out.push({
    op: 'firehose.createDeliveryStream',
    args: {
      DeliveryStreamName: f.name,
      DeliveryStreamType: 'KinesisStreamAsSource',
      KinesisStreamSourceConfiguration: { KinesisStreamARN: streamArn(f.stream), RoleARN: FIREHOSE_ROLE },
      ExtendedS3DestinationConfiguration: {
        BucketARN: bucketArn(f.bucket),
        RoleARN: FIREHOSE_ROLE,
        BufferingHints: { SizeInMBs: f.bufferSizeMiB, IntervalInSeconds: f.bufferIntervalSec },
        CompressionFormat: 'GZIP',
      },
    },
  });
  return out;
}
