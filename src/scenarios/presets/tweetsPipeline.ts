import { bucketArn, definePreset, FIREHOSE_ROLE, streamArn } from './preset';

/**
 * Bulk-friendly settings so time travel stays cheap: the producer writes bulk
 * segments (records are materialised from the template when read or
 * delivered), and the Lambda mapping hands the counting function count-only
 * batches. Seeking a day replays in about a second instead of ~40 s with
 * every record simulated exactly (scripts/bench/scenario.bench.ts).
 */
export const tweetsPipeline = definePreset({
  id: 'tweets-pipeline',
  title: 'The tweets pipeline: stream, Firehose to S3, Lambda consumer',
  explanation:
    'The reference architecture\'s social-media pipeline: tweets go into a Kinesis stream that fans out to two consumers. Firehose archives the raw tweets to S3 under a date prefix (gzip-compressed), and a Lambda event source mapping processes each batch as it arrives (in AWS it would score sentiment and write to a table; here it counts). Notice that both read the same shards: the Lambda mapping and Firehose share each shard\'s 5 reads/s and 2 MiB/s. Try raising the tweet rate until one of them falls behind, and watch its iterator age.',
  topology: {
    buckets: [{ Bucket: 'tweets-archive' }],
    lambdas: [{ FunctionName: 'tweet-sentiment', builtin: 'kinesis-count', durationMs: 120 }],
    streams: [{ StreamName: 'tweets', ShardCount: 2 }],
    deliveryStreams: [
      {
        DeliveryStreamName: 'tweets-to-s3',
        DeliveryStreamType: 'KinesisStreamAsSource',
        KinesisStreamSourceConfiguration: { KinesisStreamARN: streamArn('tweets'), RoleARN: FIREHOSE_ROLE },
        ExtendedS3DestinationConfiguration: {
          BucketARN: bucketArn('tweets-archive'),
          RoleARN: FIREHOSE_ROLE,
          Prefix: 'raw/!{timestamp:yyyy/MM/dd}/',
          ErrorOutputPrefix: 'errors/!{firehose:error-output-type}/',
          BufferingHints: { SizeInMBs: 5, IntervalInSeconds: 60 },
          CompressionFormat: 'GZIP',
        },
      },
    ],
    producers: [{ name: 'twitter-stream', streamName: 'tweets', rate: { kind: 'constant', recordsPerSecond: 10 }, keys: { name: 'random' }, record: { template: 'tweets' }, mode: 'bulk' }],
    consumers: [{ type: 'lambdaMapping', FunctionName: 'tweet-sentiment', EventSourceArn: streamArn('tweets'), StartingPosition: 'LATEST', BatchSize: 100, MaximumBatchingWindowInSeconds: 5, materialiseRecords: false }],
  },
});
