/** Missions on Firehose: buffering latency, transforms and the error prefix, dynamic partitioning, and Firehose or Data Streams. */
import type { Mission } from '../missionTypes';
import type { Json } from '../../scenarios/types';
import { bucketArn, FIREHOSE_ROLE, functionArn, missionScenario, streamArn } from './missionScenario';

/** A Kinesis-sourced delivery stream to `bucket` with these S3 settings. */
function fromStream(name: string, stream: string, bucket: string, s3: Record<string, Json>) {
  return {
    DeliveryStreamName: name,
    DeliveryStreamType: 'KinesisStreamAsSource' as const,
    KinesisStreamSourceConfiguration: { KinesisStreamARN: streamArn(stream), RoleARN: FIREHOSE_ROLE },
    ExtendedS3DestinationConfiguration: { BucketARN: bucketArn(bucket), RoleARN: FIREHOSE_ROLE, ...s3 },
  };
}

/** UpdateDestination of the first (only) destination of a delivery stream at version 1. */
function updateS3(name: string, update: Record<string, Json>) {
  return { DeliveryStreamName: name, CurrentDeliveryStreamVersionId: '1', DestinationId: 'destinationId-000000000001', ExtendedS3DestinationUpdate: update };
}

const latency: Mission = {
  id: 'deliver-within-a-minute',
  title: 'Deliver every record within a minute',
  theme: 'firehose-buffering',
  domain: 'DEA-C01 D1 Ingestion and Transformation',
  brief:
    'orders-to-s3 buffers up to 128 MB or 900 seconds before it writes an object, and the stream carries only 10 small records a second, so the dashboard reading S3 is always up to 15 minutes stale. Make every object hold data at most 60 s old, for five minutes.',
  scenario: missionScenario({
    title: 'Deliver every record within a minute',
    brief: 'A delivery stream buffered for size on a trickle of data.',
    topology: {
      buckets: [{ Bucket: 'orders-lake' }],
      streams: [{ StreamName: 'orders', ShardCount: 1 }],
      deliveryStreams: [fromStream('orders-to-s3', 'orders', 'orders-lake', { Prefix: 'orders/', ErrorOutputPrefix: 'errors/!{firehose:error-output-type}/', BufferingHints: { SizeInMBs: 128, IntervalInSeconds: 900 } })],
      producers: [{ name: 'shop', streamName: 'orders', rate: { kind: 'constant', recordsPerSecond: 10 }, keys: { name: 'random' }, record: { template: 'clickstream' }, mode: 'exact' }],
    },
  }),
  goal: [{ kind: 'freshnessBelow', deliveryStream: 'orders-to-s3', maxSeconds: 60, seconds: 300 }],
  budgetMs: 40 * 60000,
  hints: [
    'Firehose writes an object when the buffer reaches its size or its interval, whichever comes first.',
    'At 10 small records a second, how long does it take to fill 128 MB?',
    'Lower the buffer interval (for example to 30 s) with UpdateDestination in the delivery stream\'s inspector.',
  ],
  explanation:
    'Firehose buffers per delivery stream (and per partition) until BufferingHints.SizeInMBs (1 to 128, default 5) or IntervalInSeconds (0 to 900, default 300; the minimum was 60 s before December 2023) is reached, whichever comes first. A low-volume stream is flushed by the interval, so the interval bounds the latency; format conversion to Parquet or ORC raises the minimum buffer size to 64 MB.',
  limitsRow: 'firehose-buffer-interval',
  presetId: 'telemetry-default',
  solution: [{ at: 60000, op: 'firehose.updateDestination', args: updateS3('orders-to-s3', { BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 30 } }) }],
};

const errorPrefix: Mission = {
  id: 'catch-the-failed-records',
  title: 'Put failed transforms where you can find them',
  theme: 'firehose-transform',
  domain: 'DEA-C01 D3 Operations and Support',
  brief:
    'people-to-s3 runs every record through the csv-to-json Lambda function. One exporter writes semicolons instead of commas, and the function marks those records ProcessingFailed. Make the failed records land under errors/processing-failed/ in people-lake, so that an alarm can watch that prefix.',
  scenario: missionScenario({
    title: 'Put failed transforms where you can find them',
    brief: 'A Firehose transform with no error output prefix.',
    topology: {
      buckets: [{ Bucket: 'people-lake' }],
      lambdas: [{ FunctionName: 'csv-to-json', builtin: 'firehose-csv-to-json', options: { header: ['id', 'name', 'age'], numericFields: ['id', 'age'] } }],
      streams: [{ StreamName: 'people-csv', ShardCount: 1 }],
      deliveryStreams: [
        fromStream('people-to-s3', 'people-csv', 'people-lake', {
          Prefix: 'people/',
          BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 },
          ProcessingConfiguration: { Enabled: true, Processors: [{ Type: 'Lambda', Parameters: [{ ParameterName: 'LambdaArn', ParameterValue: functionArn('csv-to-json') }] }] },
        }),
      ],
      producers: [
        { name: 'csv-export', streamName: 'people-csv', rate: { kind: 'constant', recordsPerSecond: 8 }, keys: { name: 'random' }, record: { template: '{{seq}},{{name.firstName}},{{random.number({"min":18,"max":90})}}' }, mode: 'exact' },
        { name: 'buggy-export', streamName: 'people-csv', rate: { kind: 'constant', recordsPerSecond: 1 }, keys: { name: 'random' }, record: { template: '{{seq}};{{name.firstName}};{{random.number(90)}}' }, mode: 'exact' },
      ],
    },
  }),
  goal: [{ kind: 'objectsUnderPrefix', bucket: 'people-lake', prefix: 'errors/processing-failed/', atLeast: 1 }],
  budgetMs: 20 * 60000,
  hints: [
    'Without an ErrorOutputPrefix, where does Firehose write records the transform could not process? Look in the S3 objects view.',
    'The error output prefix may use !{firehose:error-output-type}, which becomes processing-failed for transform failures.',
    'Set ErrorOutputPrefix to errors/!{firehose:error-output-type}/ in the delivery stream\'s inspector.',
  ],
  explanation:
    'A Firehose data transformation Lambda returns each record with result Ok, Dropped or ProcessingFailed. Failed records (and records of failed invocations, after the retries) are written to S3 under the error output prefix, with the error details in JSON; !{firehose:error-output-type} names the kind (processing-failed, format-conversion-failed, ...). Without an ErrorOutputPrefix they go under a default processing-failed/ prefix.',
  presetId: 'firehose-csv-to-json',
  solution: [{ at: 30000, op: 'firehose.updateDestination', args: updateS3('people-to-s3', { ErrorOutputPrefix: 'errors/!{firehose:error-output-type}/' }) }],
};

const partitioning: Mission = {
  id: 'partition-by-customer',
  title: 'One folder per customer',
  theme: 'firehose-partitioning',
  domain: 'DEA-C01 D1 Ingestion and Transformation',
  brief:
    'events-to-s3 writes every customer\'s clicks into the same events/ prefix, and Athena scans everything for a one-customer query. Get objects written under customer_id=<id>/ prefixes in customer-lake, for at least five different customers.',
  scenario: missionScenario({
    title: 'One folder per customer',
    brief: 'A delivery stream without dynamic partitioning.',
    topology: {
      buckets: [{ Bucket: 'customer-lake' }],
      streams: [{ StreamName: 'customer-events', ShardCount: 2 }],
      deliveryStreams: [fromStream('events-to-s3', 'customer-events', 'customer-lake', { Prefix: 'events/', ErrorOutputPrefix: 'errors/!{firehose:error-output-type}/', BufferingHints: { SizeInMBs: 64, IntervalInSeconds: 60 } })],
      producers: [{ name: 'web-app', streamName: 'customer-events', rate: { kind: 'constant', recordsPerSecond: 10 }, keys: { name: 'customer_id', count: 20, zipfExponent: 1.1 }, record: { template: 'clickstream' }, mode: 'exact' }],
    },
  }),
  goal: [{ kind: 'objectsUnderPrefix', bucket: 'customer-lake', prefix: 'customer_id=', atLeast: 5, distinctFolders: 5 }],
  budgetMs: 20 * 60000,
  hints: [
    'Dynamic partitioning builds the prefix from keys inside each record (a jq query) or from a Lambda function.',
    'Can dynamic partitioning be switched on for an existing delivery stream?',
    'Create a new delivery stream from customer-events with DynamicPartitioningConfiguration enabled, a MetadataExtraction query {customer_id: .user_id} and the prefix customer_id=!{partitionKeyFromQuery:customer_id}/.',
  ],
  explanation:
    'Dynamic partitioning groups records by keys taken from the data (inline jq parsing with MetadataExtraction, or a Lambda function) and writes each group under its own prefix (!{partitionKeyFromQuery:name} or !{partitionKeyFromLambda:name}), so queries can prune by partition. It can only be enabled when the delivery stream is created, needs an error output prefix, and counts active partitions against a quota (500 by default).',
  presetId: 'firehose-dynamic-partitioning',
  solution: [
    {
      at: 30000,
      op: 'firehose.createDeliveryStream',
      args: fromStream('events-by-customer', 'customer-events', 'customer-lake', {
        Prefix: 'customer_id=!{partitionKeyFromQuery:customer_id}/',
        ErrorOutputPrefix: 'errors/!{firehose:error-output-type}/',
        BufferingHints: { SizeInMBs: 64, IntervalInSeconds: 60 },
        DynamicPartitioningConfiguration: { Enabled: true },
        ProcessingConfiguration: {
          Enabled: true,
          Processors: [
            { Type: 'MetadataExtraction', Parameters: [{ ParameterName: 'MetadataExtractionQuery', ParameterValue: '{customer_id: .user_id}' }, { ParameterName: 'JsonParsingEngine', ParameterValue: 'JQ-1.6' }] },
            { Type: 'AppendDelimiterToRecord', Parameters: [{ ParameterName: 'Delimiter', ParameterValue: '\\n' }] },
          ],
        },
      }) as unknown as Json,
    },
  ],
};

const noCode: Mission = {
  id: 'archive-without-code',
  title: 'Archive the stream to S3, no code',
  theme: 'firehose-vs-streams',
  domain: 'SAA-C03 D3 High-Performing Architectures',
  brief:
    'clickstream carries the website\'s clicks. Compliance wants every click archived in the clicks-archive bucket, and nobody wants to write or run a consumer application for it. Get objects delivered into clicks-archive from the stream.',
  scenario: missionScenario({
    title: 'Archive the stream to S3, no code',
    brief: 'A stream with no reader and an empty bucket.',
    topology: {
      buckets: [{ Bucket: 'clicks-archive' }],
      streams: [{ StreamName: 'clickstream', ShardCount: 2 }],
      producers: [{ name: 'website', streamName: 'clickstream', rate: { kind: 'constant', recordsPerSecond: 200 }, keys: { name: 'customer_id', count: 1000 }, record: { template: 'clickstream' } }],
    },
  }),
  goal: [
    { kind: 'deliveryStreamFrom', stream: 'clickstream' },
    { kind: 'objectsUnderPrefix', bucket: 'clicks-archive', prefix: '', atLeast: 1 },
  ],
  budgetMs: 20 * 60000,
  hints: [
    'Which Kinesis service delivers to S3 without a consumer you write and run?',
    'A Firehose delivery stream can use a Kinesis data stream as its source.',
    'Create a delivery stream with source KinesisStreamAsSource, reading clickstream, to clicks-archive.',
  ],
  explanation:
    'Firehose is the managed way to deliver streaming data to S3, Redshift, OpenSearch, Splunk or HTTP endpoints: no consumer code, automatic scaling, buffering, optional transformation and format conversion, but no replay and near-real-time latency (its buffer). Data Streams is for custom consumers, replay within retention, per-shard ordering and several independent readers; the two combine when Firehose reads a data stream.',
  presetId: 'telemetry-default',
  solution: [{ at: 30000, op: 'firehose.createDeliveryStream', args: fromStream('clicks-to-s3', 'clickstream', 'clicks-archive', { BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 }, CompressionFormat: 'GZIP' }) as unknown as Json }],
};

/** The Firehose missions, in the order the list shows them. */
export const FIREHOSE_MISSIONS: readonly Mission[] = [latency, errorPrefix, partitioning, noCode];
