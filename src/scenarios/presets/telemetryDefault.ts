import { bucketArn, definePreset, FIREHOSE_ROLE, streamArn } from './preset';

/**
 * The scenario the app opens with (was src/worker/defaultScenario.ts): one
 * stream of 6 shards written by an even IoT producer and a log producer keyed
 * by log_level, read by a polling consumer and archived by Firehose to S3.
 */
export const telemetryDefault = definePreset({
  id: 'telemetry-default',
  title: 'Telemetry and logs on one stream (the default)',
  explanation:
    'Two producers share a 6-shard stream. iot-sensors writes 1,200 records/s keyed by device_id: a thousand keys hash evenly, so every shard gets a fair slice. app-logs writes 1,400 records/s keyed by log_level: five keys can reach at most five shards, and INFO, most of the lines, lands on shardId-000000000001, which sits at its 1,000 records/s limit and throttles while its neighbours idle. A polling consumer reads every shard and Firehose archives the stream to S3 under date prefixes every minute. Try switching app-logs to server_id and watch the hot shard cool; or split the hot shard and see that one key still lands on one child.',
  topology: {
    buckets: [{ Bucket: 'telemetry-archive' }],
    streams: [{ StreamName: 'telemetry-stream', ShardCount: 6 }],
    deliveryStreams: [
      {
        DeliveryStreamName: 'telemetry-to-s3',
        DeliveryStreamType: 'KinesisStreamAsSource',
        KinesisStreamSourceConfiguration: { KinesisStreamARN: streamArn('telemetry-stream'), RoleARN: FIREHOSE_ROLE },
        ExtendedS3DestinationConfiguration: {
          BucketARN: bucketArn('telemetry-archive'),
          RoleARN: FIREHOSE_ROLE,
          BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 },
          CompressionFormat: 'GZIP',
        },
      },
    ],
    consumers: [{ type: 'polling', name: 'analytics-app', streamName: 'telemetry-stream' }],
    producers: [
      { name: 'iot-sensors', streamName: 'telemetry-stream', rate: { kind: 'constant', recordsPerSecond: 1200 }, keys: { name: 'device_id', count: 1000 }, record: { sizeBytes: 200 } },
      { name: 'app-logs', streamName: 'telemetry-stream', rate: { kind: 'constant', recordsPerSecond: 1400 }, keys: { name: 'log_level', count: 5 }, record: { sizeBytes: 300 } },
    ],
  },
});
