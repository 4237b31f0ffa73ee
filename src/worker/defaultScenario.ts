/**
 * The scenario a learner sees on opening the app: one stream of 6 shards, an
 * IoT producer keyed by device_id (spreads evenly), an application-log
 * producer keyed by log_level (five keys, INFO dominant: one hot shard), a
 * polling consumer, and (once the engine has Firehose) a delivery stream to S3.
 * The scenarios work (src/scenarios) replaces this file with its preset format;
 * the boundary is just this function.
 */
import type { Simulation } from '../engine';
import type { ProducerSpec } from './protocol';

/** What a scenario needs from the traffic side (the engine's traffic service, or the temporary driver). */
export interface TrafficTarget {
  addProducer(spec: ProducerSpec): string;
  addConsumer(stream: string, name: string, kind: string): string;
}

export const DEFAULT_STREAM = 'telemetry-stream';

/** Loads the default scenario and runs it until the stream is ACTIVE. */
export function loadDefaultScenario(sim: Simulation, traffic: TrafficTarget): void {
  sim.kinesis.createStream({ StreamName: DEFAULT_STREAM, ShardCount: 6 });
  // CreateStream takes the simulated control-plane delay before the stream is ACTIVE.
  sim.advance(sim.kinesisContext.delays.createStreamMs);
  traffic.addProducer({ name: 'iot-sensors', stream: DEFAULT_STREAM, recordsPerSec: 1200, recordBytes: 200, keyStrategy: 'device_id', keyCount: 1000 });
  traffic.addProducer({ name: 'app-logs', stream: DEFAULT_STREAM, recordsPerSec: 1400, recordBytes: 300, keyStrategy: 'log_level', keyCount: 5 });
  traffic.addConsumer(DEFAULT_STREAM, 'analytics-app', 'polling');
  addFirehoseToS3(sim, { name: 'telemetry-to-s3', stream: DEFAULT_STREAM, bucket: 'telemetry-archive', bufferSizeMiB: 1, bufferIntervalSec: 60 });
}

export interface FirehoseToS3 {
  name: string;
  stream: string;
  bucket: string;
  bufferSizeMiB: number;
  bufferIntervalSec: number;
}

/** A delivery stream reading a Kinesis stream into S3 (GZIP), creating the bucket if needed. */
export function addFirehoseToS3(sim: Simulation, f: FirehoseToS3): void {
  if (!sim.firehoseContext.s3.buckets.has(f.bucket)) sim.s3.createBucket({ Bucket: f.bucket });
  const account = sim.core.accountId;
  sim.firehose.createDeliveryStream({
    DeliveryStreamName: f.name,
    DeliveryStreamType: 'KinesisStreamAsSource',
    KinesisStreamSourceConfiguration: { KinesisStreamARN: sim.core.arn('kinesis', `stream/${f.stream}`), RoleARN: `arn:aws:iam::${account}:role/firehose-role` },
    ExtendedS3DestinationConfiguration: {
      RoleARN: `arn:aws:iam::${account}:role/firehose-role`,
      BucketARN: `arn:aws:s3:::${f.bucket}`,
      BufferingHints: { SizeInMBs: f.bufferSizeMiB, IntervalInSeconds: f.bufferIntervalSec },
      CompressionFormat: 'GZIP',
    },
  });
}

/** A large scenario for the UI benchmark: `shards` shards written at a modest even rate. */
export function loadBenchScenario(sim: Simulation, traffic: TrafficTarget, shards: number): void {
  sim.kinesis.createStream({ StreamName: 'bench-stream', ShardCount: shards });
  sim.advance(sim.kinesisContext.delays.createStreamMs);
  traffic.addProducer({ name: 'fleet', stream: 'bench-stream', recordsPerSec: shards * 20, recordBytes: 100, keyStrategy: 'device_id', keyCount: 100000 });
}
